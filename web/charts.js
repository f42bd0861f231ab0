// Loads Chart.js (Debian's libjs-chart.js, served at /vendor/chart.js) once,
// as a classic script (a UMD bundle defining window.Chart). Resolves to
// Chart, or null when the server has none (the screen then draws no chart).
let pending = null;

export function loadChart() {
  if (window.Chart) return Promise.resolve(window.Chart);
  if (!pending) {
    pending = new Promise((resolve) => {
      const s = document.createElement('script');
      s.src = '/vendor/chart.js';
      s.addEventListener('load', () => resolve(window.Chart || null));
      s.addEventListener('error', () => {
        s.remove();
        pending = null; // a later screen may try again
        resolve(null);
      });
      document.head.append(s);
    });
  }
  return pending;
}

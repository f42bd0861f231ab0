// Loads the chart library (Chart.js 3.9 from Debian's libjs-chart.js, which
// moatd serves at /vendor/chart.js; see --chart-js) on the first screen that
// draws a chart. A classic script: the file is a UMD bundle that defines
// window.Chart. Resolves to Chart, or null when the server has no chart
// library (the screen then shows its numbers without the chart).
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

// Builds DOM nodes without HTML parsing. Every string child becomes a text
// node and every attribute is set with setAttribute, so text that comes from
// the server (written by attackers, in events) is never interpreted as
// markup. Event handler attributes are refused: listeners are added in code.

// h('a', {href: '#/x', class: 'y'}, 'text', node, ...) -> Element
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) throw new Error(`h: no handler attributes (${k})`);
    if (k === 'href' && !/^(#|\/api\/v1\/)/.test(String(v))) throw new Error('h: only in-app links');
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// A string for display: null and undefined show as an em dash.
export function txt(v) {
  return v === null || v === undefined || v === '' ? '—' : String(v);
}

export function formatTime(value) {
  if (typeof value !== 'string') return '—';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toLocaleString();
}

// The states every screen has: loading, empty, error.
export function loading(what) {
  return h('p', { class: 'state', role: 'status' }, `Loading ${what}…`);
}

export function errorBox(message) {
  return h('p', { class: 'error', role: 'alert' }, message);
}

export function announce(message) {
  const el = document.getElementById('announce');
  el.textContent = '';
  el.textContent = message;
}

// The hash URL of a route: #/a/b?query, each segment encoded.
export function routeHref(parts, query) {
  const p = '#/' + parts.map(encodeURIComponent).join('/');
  const qs = query ? query.toString() : '';
  return qs ? `${p}?${qs}` : p;
}

// A project's screens, with the current one marked (aria-current).
export function projectNav(slug, project, current) {
  const link = (screen, label) => h('a', {
    href: routeHref(['p', slug, screen]), 'aria-current': screen === current ? 'page' : undefined,
  }, label);
  return h('div', { class: 'project-head' },
    h('p', { class: 'crumbs' }, h('a', { href: '#/projects' }, 'Projects'), ' / ', String(project.name || slug)),
    h('nav', { class: 'tabs', 'aria-label': 'Project' },
      link('attacks', 'Attacks'), link('events', 'Events'), link('tokens', 'Tokens')));
}

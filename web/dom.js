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
  for (const c of children.flat(Infinity)) {
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

// A wide table's own horizontal scroller (the page never scrolls sideways);
// focusable and named, so the keyboard can scroll it too.
export function scrollBox(label, table, attrs = {}) {
  return h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': label, ...attrs }, table);
}

// The hash URL of a route: #/a/b?query, each segment encoded.
export function routeHref(parts, query) {
  const p = '#/' + parts.map(encodeURIComponent).join('/');
  const qs = query ? query.toString() : '';
  return qs ? `${p}?${qs}` : p;
}

// A project's screens, with the current one marked (aria-current). An
// archived project says so on every one of its screens (they are read only).
export function projectNav(slug, project, current) {
  const link = (screen, label) => h('a', {
    href: routeHref(['p', slug, screen]), 'aria-current': screen === current ? 'page' : undefined,
  }, label);
  return h('div', { class: 'project-head' },
    h('p', { class: 'crumbs' }, h('a', { href: '#/projects' }, 'Projects'), ' / ', String(project.name || slug)),
    project.archived ? h('p', { class: 'archived-note', id: 'archived-note' },
      `This project is archived${project.archived_at ? ` (since ${formatTime(project.archived_at)})` : ''}: `,
      'it is read only until it is un-archived from the ', h('a', { href: '#/projects?archived=1' }, 'projects list'), '.') : null,
    h('nav', { class: 'tabs', 'aria-label': 'Project' },
      link('attacks', 'Attacks'), link('events', 'Events'), link('agents', 'Agents'),
      link('policy', 'Policy'), link('channels', 'Notifications'), link('tokens', 'Tokens')));
}

// A button that acts on its second click (the first one asks "Confirm …"),
// so nothing is destroyed by one slip and no dialog is needed. act() runs
// on the confirmation; the label and the accessible name say what happens.
export function confirmButton(label, name, act) {
  const button = h('button', { type: 'button', class: 'secondary', 'aria-label': `${label} ${name}` }, label);
  let armed = false;
  button.addEventListener('click', async () => {
    if (!armed) {
      armed = true;
      button.textContent = `Confirm ${label.toLowerCase()}`;
      button.setAttribute('aria-label', `Confirm ${label.toLowerCase()} of ${name}`);
      return;
    }
    button.disabled = true;
    try {
      await act(button);
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

// A secret shown once (a token, a webhook's signing secret): the value, a
// copy button and the warning that it will not be shown again.
export function shownOnce(id, secret, warning) {
  const copy = h('button', { type: 'button', class: 'secondary' }, 'Copy');
  const copied = h('span', { class: 'note', role: 'status' });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(secret);
      copied.textContent = 'Copied.';
    } catch {
      copied.textContent = 'Copying is not allowed here: select the text and copy it.';
    }
  });
  return [h('p', { class: 'warn' }, warning),
    h('div', { class: 'secret' }, h('code', { id }, secret), copy, copied)];
}

// The state of a screen this role may not open (the API answers 403).
export function forbidden(what) {
  return [h('h1', {}, 'Not allowed'),
    h('p', { class: 'error', role: 'alert', id: 'forbidden' }, `${what} Ask an admin if you need it.`),
    h('p', {}, h('a', { href: '#/projects' }, 'Go to the projects.'))];
}

// Builds DOM nodes without HTML parsing. Every string child becomes a text
// node and every attribute is set with setAttribute, so text that comes from
// the server (written by attackers, in events) is never interpreted as
// markup. Event handler attributes are refused: listeners are added in code.
// Below h(): the pieces every screen shares (states, tables, paging, forms).
import { api, get, problemText } from './api.js';

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
      link('overview', 'Overview'), link('attacks', 'Attacks'), link('events', 'Events'), link('agents', 'Agents'),
      link('policy', 'Policy'), link('channels', 'Notifications'), link('tokens', 'Tokens')));
}

// A button that acts on its second click (the first one asks "Confirm …"),
// so nothing is destroyed by one slip and no dialog is needed. act() runs
// on the confirmation; the label and the accessible name say what happens.
export function confirmButton(label, name, act) {
  let armed = false;
  const b = button(label, { class: 'secondary', 'aria-label': `${label} ${name}` }, () => {
    if (armed) return busy(b, null, () => act(b));
    armed = true;
    b.textContent = `Confirm ${label.toLowerCase()}`;
    b.setAttribute('aria-label', `Confirm ${label.toLowerCase()} of ${name}`);
  });
  return b;
}

// A secret shown once (a token, a webhook's signing secret): the value, a
// copy button and the warning that it will not be shown again.
export function shownOnce(id, secret, warning) {
  const copied = h('span', { class: 'note', role: 'status' });
  const copy = () => navigator.clipboard.writeText(secret).then(() => 'Copied.',
    () => 'Copying is not allowed here: select the text and copy it.').then((t) => { copied.textContent = t; });
  return [h('p', { class: 'warn' }, warning),
    h('div', { class: 'secret' }, h('code', { id }, secret), button('Copy', { class: 'secondary' }, copy), copied)];
}

// The state of a screen this role may not open (the API answers 403).
export function forbidden(what) {
  return [h('h1', {}, 'Not allowed'),
    h('p', { class: 'error', role: 'alert', id: 'forbidden' }, `${what} Ask an admin if you need it.`),
    h('p', {}, h('a', { href: '#/projects' }, 'Go to the projects.'))];
}

export const UNREACHABLE = 'The server cannot be reached.';
export const INTERCEPTORS = ['sql_injection', 'nosql_injection', 'xss', 'ssrf', 'path_traversal',
  'command_injection', 'llm_prompt_injection'];
export const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function button(label, attrs, act) {
  const b = h('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', () => act(b));
  return b;
}

// Runs act() with button disabled; what it resolves to (a sentence) or
// its failure goes into out (fetch's TypeError: the server is unreachable).
export async function busy(button, out, act) {
  button.disabled = true;
  if (out) out.textContent = '';
  try {
    const said = await act();
    if (out && said) out.textContent = said;
  } catch (e) {
    if (out) out.textContent = e instanceof TypeError ? UNREACHABLE : e.message;
  } finally {
    button.disabled = false;
  }
}

// A row's change from its button b: call holds api()'s arguments; on a
// 2xx, announce(said(body)) then then(body); otherwise the button gives
// way to the reason.
export async function rowCall(b, call, said, then) {
  b.disabled = true;
  const r = await api(...call).catch(() => ({ status: 0 }));
  if (r.status < 200 || r.status > 299) return b.replaceWith(errorBox(r.status ? problemText(r) : UNREACHABLE));
  announce(said(r.body));
  await then(r.body);
}

// A labelled control (with an optional hint under it, aria-describedby).
export function field(id, label, input, help, cls = 'field') {
  input.id = id;
  if (help) input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), `${id}-help`].filter(Boolean).join(' '));
  const pair = [h('label', { for: id }, label), input];
  if (input.type === 'checkbox') pair.reverse();
  return h('div', { class: cls }, pair, help ? h('small', { id: `${id}-help` }, help) : null);
}

// A <dl> of [label, value (as txt), mono, id] rows; null rows are left out.
export const detail = (id, rows) => h('dl', { class: 'detail', id },
  rows.map((r) => r && [h('dt', {}, r[0]), h('dd', { class: r[2] ? 'mono' : undefined, id: r[3] }, txt(r[1]))]));

// A select of choices (value or [value, label]); selected: the current one.
export const options = (choices, selected) => choices.map((c) => {
  const [v, label = v] = [c].flat();
  return h('option', { value: v, selected: v === selected }, label);
});

// A table with a hidden caption; cols: heading or [heading, class]; body:
// rows, or a <tbody> to fill later.
export const table = (id, caption, cols, body) => h('table', { id }, h('caption', { class: 'sr-only' }, caption),
  h('thead', {}, h('tr', {}, cols.map((c) => c && h('th', { scope: 'col', class: [c].flat()[1] }, [c].flat()[0])))),
  body instanceof Node ? body : h('tbody', {}, body));

// <input type=datetime-local> speaks local time without a zone; the API
// and the URL, RFC 3339 UTC. An invalid value gives null / ''.
export function toLocal(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
export function fromLocal(v) {
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

// A list screen's filters, kept in the URL: fields [name, label, kind
// (choices for a select with "Any", or an input type), help, attrs];
// href(query) the screen's route. Extra nodes ([name] controls too) go
// before the buttons.
export function filterForm(id, label, fields, filters, href, extra = []) {
  const form = h('form', { class: 'filters', id, role: 'search', 'aria-label': label },
    fields.map(([name, text, kind, help, attrs]) => {
      const v = filters.get(name) || '';
      const input = Array.isArray(kind)
        ? h('select', { name }, h('option', { value: '' }, 'Any'), options(v && !kind.flat().includes(v) ? [...kind, v] : kind, v))
        : h('input', { name, type: kind, autocomplete: 'off', value: (kind === 'datetime-local' ? toLocal(v) : v) || undefined, ...attrs });
      return field(`${id}-${name}`, text, input, help);
    }), extra, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Apply'),
      h('a', { href: href(), class: 'button secondary' }, 'Clear')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const el of form.querySelectorAll('[name]')) {
      const v = el.type === 'checkbox' ? el.checked && el.value : el.value.trim();
      if (v) q.set(el.name, el.type === 'datetime-local' ? fromLocal(v) : v);
    }
    location.hash = href(q);
  });
  return form;
}

// The names of filters set in a route's query.
export function filtersOf(query, names) {
  const f = new URLSearchParams();
  for (const n of names) if (query.get(n)) f.set(n, query.get(n));
  return f;
}

// The pages of a list answer ({key: [...], next_cursor}) of path with the
// query and limit: cursor => [items, next cursor, the whole answer].
export const cursorPage = (path, query, limit, key) => async (cursor) => {
  const q = new URLSearchParams(query);
  q.set('limit', String(limit));
  if (cursor) q.set('cursor', cursor);
  const b = await get(`${path}?${q}`);
  return [Array.isArray(b[key]) ? b[key] : [], b.next_cursor, b];
};

// A list read again after each change: fill(answer of get(path)) gives
// its nodes; a failure shows in its place (401 is thrown on; 403 calls
// no() when given).
export function reloader(id, what, path, fill, no) {
  const node = h('div', { id }, loading(what));
  const reload = async () => {
    try {
      node.replaceChildren(...[await fill(await get(path))].flat());
    } catch (err) {
      if (err.status === 401) throw err;
      if (err.status === 403 && no) return no();
      node.replaceChildren(errorBox(err.status ? err.message : UNREACHABLE));
    }
  };
  return { node, reload };
}

// A table filled a page at a time ("Load more"): load(cursor) resolves to
// [items, next cursor]; row(item) makes a <tr> (null: left out). Under
// the heading: how many rows are shown, `empty` when none, or the failure
// (a 401 is thrown on). Ids: {id}, {id}-state, {id}-empty, {id}-more.
export function pager({ id, label, caption, cols, load, row, noun, empty, more = 'Load more' }) {
  const tbody = h('tbody', {});
  const wrap = scrollBox(label, table(id, caption, cols, tbody), { hidden: true });
  const status = h('div', { id: `${id}-state` }, loading(label.toLowerCase()));
  const p = {
    tbody, row, cursor: null, more: button(more, { class: 'secondary', id: `${id}-more`, hidden: true }, () => p.page()),
    show() {
      const n = tbody.childElementCount;
      wrap.hidden = n === 0;
      status.replaceChildren(n ? h('p', { class: 'count' }, `${plural(n, ...noun)} shown${p.cursor ? ', more below' : ''}.`)
        : h('p', { class: 'state', id: `${id}-empty` }, empty));
    },
    // fresh: from the first page again; pre: that page, already asked for
    async page(fresh, pre) {
      p.more.disabled = true;
      try {
        const [items, next] = await (pre || load(fresh ? null : p.cursor));
        const rows = items.map(row).filter(Boolean);
        if (fresh) tbody.replaceChildren(...rows);
        else tbody.append(...rows);
        p.cursor = next || null;
        p.show();
      } catch (err) {
        if (err.status === 401) throw err;
        status.replaceChildren(errorBox(err.status ? err.message : UNREACHABLE));
      } finally {
        p.more.disabled = false;
        p.more.hidden = !p.cursor;
      }
    },
  };
  p.nodes = [status, wrap, p.more];
  return p;
}

// A form whose submit runs act(form) with its button disabled (busy());
// act resolves to an error sentence, shown right after the form, or to
// nothing. Returns [form, error box].
export function postForm(attrs, label, fields, act) {
  const err = errorBox('');
  const submit = h('button', { type: 'submit' }, label);
  const form = h('form', { class: 'inline', ...attrs }, fields, submit);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    busy(submit, err, () => act(form));
  });
  return [form, err];
}

// A panel with its heading (id: the heading's, which names the section).
export const panel = (id, title, ...children) => h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), children);

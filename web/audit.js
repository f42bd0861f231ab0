// The audit log (#/audit?{filters}, role admin as the API allows): who did
// what, when and from where, newest first, with the API's filters (actor,
// action, project, since, until) kept in the URL and paged by cursor. The
// details are shown as JSON text; names and details may come from anyone
// who can sign in (a failed login's email): text only.
import { get } from './api.js';
import { h, txt, formatTime, loading, errorBox, routeHref, forbidden, scrollBox } from './dom.js';

const ACTIONS = ['user.create', 'user.update', 'user.password', 'auth.login', 'auth.logout', 'auth.login_failed',
  'project.create', 'project.update', 'environment.create', 'token.create', 'token.revoke', 'policy.update',
  'policy.rollback', 'agent.delete', 'event.status', 'channel.create', 'channel.update', 'channel.delete'];
const FILTERS = [
  ['actor', 'Actor', 'text'],
  ['action', 'Action', 'select'],
  ['project', 'Project', 'text'],
  ['since', 'Since', 'datetime'],
  ['until', 'Until', 'datetime'],
];
const NOT_ALLOWED = 'Only admins read the audit log.';

function filtersOf(query) {
  const f = new URLSearchParams();
  for (const [n] of FILTERS) if (query.get(n)) f.set(n, query.get(n));
  return f;
}

// datetime-local speaks local time without a zone; the URL and API, UTC.
function toLocal(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

function filterForm(filters) {
  const fields = FILTERS.map(([name, label, kind]) => {
    const id = `au-${name}`;
    let input;
    if (kind === 'select') {
      const v = filters.get(name);
      const opts = v && !ACTIONS.includes(v) ? [...ACTIONS, v] : ACTIONS;
      input = h('select', { id, name }, h('option', { value: '' }, 'Any'),
        opts.map((a) => h('option', { value: a, selected: v === a }, a)));
    } else if (kind === 'datetime') {
      input = h('input', { id, name, type: 'datetime-local', value: filters.get(name) ? toLocal(filters.get(name)) : undefined });
    } else {
      input = h('input', { id, name, type: 'text', value: filters.get(name) || undefined, autocomplete: 'off' });
    }
    return h('div', { class: 'field' }, h('label', { for: id }, label), input);
  });
  const form = h('form', { class: 'filters', id: 'audit-filters', role: 'search', 'aria-label': 'Audit filters' },
    fields, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Apply'),
      h('a', { href: '#/audit', class: 'button secondary' }, 'Clear')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const [name, , kind] of FILTERS) {
      const v = form.elements[name].value.trim();
      if (!v) continue;
      if (kind === 'datetime') {
        const d = new Date(v);
        if (!Number.isNaN(d.getTime())) q.set(name, d.toISOString().replace(/\.\d{3}Z$/, 'Z'));
      } else {
        q.set(name, v);
      }
    }
    location.hash = routeHref(['audit'], q);
  });
  return form;
}

function entryRow(e) {
  const details = e.details && typeof e.details === 'object' && Object.keys(e.details).length
    ? h('code', { class: 'details' }, JSON.stringify(e.details)) : '—';
  return h('tr', { 'data-id': String(e.id), 'data-action': String(e.action) },
    h('td', {}, formatTime(e.ts)),
    h('td', { class: 'cut' }, txt(e.actor), h('small', { class: 'sub' }, txt(e.actor_type))),
    h('td', { class: 'mono' }, txt(e.action)),
    h('td', { class: 'mono cut' }, txt(e.target)),
    h('td', {}, txt(e.project)),
    h('td', { class: 'mono' }, txt(e.ip)),
    h('td', { class: 'details-cell' }, details),
    h('td', { class: 'mono' }, txt(e.request_id)));
}

export async function auditView(ctx) {
  if (ctx.me.role !== 'admin') {
    ctx.setView('Not allowed', ...forbidden(NOT_ALLOWED));
    return;
  }
  const filters = filtersOf(ctx.query);
  const tbody = h('tbody', {});
  const wrap = scrollBox('Audit log entries', h('table', { id: 'audit' },
    h('caption', { class: 'sr-only' }, 'Audit log'),
    h('thead', {}, h('tr', {}, ['Time', 'Actor', 'Action', 'Target', 'Project', 'Address', 'Details', 'Request id']
      .map((t) => h('th', { scope: 'col' }, t)))), tbody), { hidden: true });
  const status = h('div', { id: 'audit-state' }, loading('the audit log'));
  const more = h('button', { type: 'button', id: 'audit-more', class: 'secondary', hidden: true }, 'Load more');
  let cursor = null;
  const page = async () => {
    const q = new URLSearchParams(filters);
    q.set('limit', '100');
    if (cursor) q.set('cursor', cursor);
    more.disabled = true;
    try {
      const b = await get(`/api/v1/audit?${q}`);
      tbody.append(...(Array.isArray(b.entries) ? b.entries : []).map(entryRow));
      cursor = b.next_cursor || null;
      const n = tbody.childElementCount;
      wrap.hidden = n === 0;
      status.replaceChildren(n === 0
        ? h('p', { class: 'state', id: 'audit-empty' }, filters.toString() ? 'No entry matches these filters.' : 'The audit log is empty.')
        : h('p', { class: 'count' }, `${n} entr${n === 1 ? 'y' : 'ies'} shown${cursor ? ', more below' : ''}.`));
    } catch (err) {
      if (err.status === 401) throw err;
      if (err.status === 403) {
        ctx.setView('Not allowed', ...forbidden(NOT_ALLOWED));
        return;
      }
      status.replaceChildren(errorBox(err.message));
    } finally {
      more.disabled = false;
      more.hidden = !cursor;
    }
  };
  more.addEventListener('click', () => page());
  ctx.setView('Audit log', h('h1', {}, 'Audit log'), filterForm(filters), status, wrap, more);
  await page();
}

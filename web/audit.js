// The audit log (#/audit?{filters}, admins): who did what, when and from
// where, newest first, filtered (actor, action, project, since, until) from
// the URL, paged. Names and details may come from anyone who can sign in
// (a failed login's email): text only.
import { h, txt, formatTime, routeHref, forbidden, pager, cursorPage, filterForm, filtersOf } from './dom.js';

const ACTIONS = ['user.create', 'user.update', 'user.password', 'auth.login', 'auth.logout', 'auth.login_failed',
  'project.create', 'project.update', 'environment.create', 'token.create', 'token.revoke', 'policy.update',
  'policy.rollback', 'agent.delete', 'event.status', 'channel.create', 'channel.update', 'channel.delete'];
const FILTERS = [
  ['actor', 'Actor', 'text'],
  ['action', 'Action', ACTIONS],
  ['project', 'Project', 'text'],
  ['since', 'Since', 'datetime-local'],
  ['until', 'Until', 'datetime-local'],
];
const NOT_ALLOWED = 'Only admins read the audit log.';

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
  const no = () => ctx.setView('Not allowed', ...forbidden(NOT_ALLOWED));
  if (ctx.me.role !== 'admin') return no();
  const filters = filtersOf(ctx.query, FILTERS.map((f) => f[0]));
  const entries = cursorPage('/api/v1/audit', filters, 100, 'entries');
  const list = pager({
    id: 'audit', label: 'Audit log entries', caption: 'Audit log', noun: ['entry', 'entries'],
    cols: ['Time', 'Actor', 'Action', 'Target', 'Project', 'Address', 'Details', 'Request id'],
    empty: filters.toString() ? 'No entry matches these filters.' : 'The audit log is empty.',
    load: (cursor) => entries(cursor).catch((err) => {
      if (err.status === 403) no();
      throw err;
    }),
    row: entryRow,
  });
  ctx.setView('Audit log', h('h1', {}, 'Audit log'),
    filterForm('audit-filters', 'Audit filters', FILTERS, filters, (q) => routeHref(['audit'], q)), ...list.nodes);
  await list.page();
}

// A project's agents (GET …/agents; filters environment, online and q, an
// id or host name prefix, in the URL), paged, with the policy version each
// applied against its environment's latest (the answer's rollout). Editors
// remove an offline agent (second click). Host names and ids: text only.
// Live (live.js, notes): an agents or policy note, a `dropped` or a
// (re)connection reads the first page again, half a second later.
import { get, projectPath } from './api.js';
import { h, txt, formatTime, loading, routeHref, projectNav, confirmButton, pager, cursorPage, filterForm, filtersOf,
  rowCall } from './dom.js';
import { openLive, showState, soon } from './live.js';

const FILTERS = [
  ['environment', 'Environment'],
  ['online', 'State', [['true', 'Online'], ['false', 'Offline']]],
  ['q', 'Agent or host', 'search', 'starts with (case-sensitive)', { maxlength: 131 }],
];

// "3 (latest)", "2 (latest is 3)", "none yet", and the last failed apply.
function policyCell(a, latest) {
  const v = Number(a.policy_version);
  let text = v > 0 ? String(v) : 'none yet';
  if (v > 0 && latest) text += v === latest ? ' (latest)' : ` (latest is ${latest})`;
  return h('td', { class: 'policy' }, text,
    a.policy_applied_at ? h('small', { class: 'sub' }, `applied ${formatTime(a.policy_applied_at)}`) : null,
    a.policy_error ? h('small', { class: 'sub error-text' }, `failed: ${a.policy_error}`) : null);
}

function agentRow(slug, a, latest, canEdit, onDeleted) {
  const action = canEdit && !a.online ? confirmButton('Remove', String(a.agent_id), (b) => rowCall(b,
    ['DELETE', projectPath(slug, `/agents/${encodeURIComponent(a.agent_id)}`)], () => `Agent ${a.agent_id} removed.`,
    () => onDeleted(b.closest('tr')))) : '—';
  return h('tr', { 'data-agent': String(a.agent_id), class: a.online ? undefined : 'archived' },
    h('td', { class: 'mono' }, txt(a.agent_id)),
    h('td', {}, txt(a.environment)),
    h('td', {}, h('span', { class: `badge ${a.online ? 'state-online' : 'state-offline'}` }, a.online ? 'online' : 'offline')),
    h('td', { class: 'mono cut' }, txt(a.hostname)),
    h('td', {}, txt(a.runtime)),
    h('td', {}, txt(a.agent_version)),
    policyCell(a, latest[a.environment]),
    h('td', {}, formatTime(a.last_seen_at)),
    h('td', { class: 'mono' }, txt(a.remote_addr)),
    h('td', {}, formatTime(a.first_seen_at)),
    h('td', {}, action));
}

const COLUMNS = ['Agent', 'Environment', 'State', 'Host', 'Runtime', 'Agent version', 'Policy applied',
  'Last seen', 'Address', 'First seen', 'Action'];

export async function agentsView(ctx, slug) {
  ctx.setView(`Agents · ${slug}`, loading('agents'));
  const project = await get(projectPath(slug));
  const filters = filtersOf(ctx.query, FILTERS.map((f) => f[0]));
  const canEdit = ctx.me.role !== 'viewer' && !project.archived;
  const rollout = h('ul', { id: 'rollout', class: 'rollout' });
  const latest = {};
  const live = h('span', { id: 'live-state', role: 'status' });
  const agents = cursorPage(projectPath(slug, '/agents'), filters, 100, 'agents');
  const onDeleted = (tr) => {
    tr.remove();
    list.show();
  };
  const list = pager({
    id: 'agents', label: 'Agents', caption: `Agents of ${slug}`, cols: COLUMNS, noun: ['agent'],
    empty: filters.toString() ? 'No agent matches these filters.'
      : 'No agent has connected yet. Give an agent token (Tokens) to an agent: it is listed at its first hello.',
    load: async (cursor) => {
      const got = await agents(cursor);
      const b = got[2];
      if (!cursor) {
        const rows = Array.isArray(b.rollout) ? b.rollout : [];
        for (const r of rows) latest[r.environment] = Number(r.latest_version);
        rollout.replaceChildren(...rows.map((r) => h('li', {},
          h('strong', {}, txt(r.environment)), `: policy version ${r.latest_version}, `,
          `${r.on_latest} of ${r.online} online agent${r.online === 1 ? '' : 's'} run it, ${r.offline} offline.`)));
      }
      return got;
    },
    row: (a) => agentRow(slug, a, latest, canEdit, onDeleted),
  });
  const envs = (project.environments || []).map((e) => String(e.name));
  ctx.setView(`Agents · ${slug}`, projectNav(slug, project, 'agents'), h('h1', {}, 'Agents'),
    h('section', { 'aria-labelledby': 'rollout-title' }, h('h2', { id: 'rollout-title', class: 'sr-only' }, 'Rollout'), rollout),
    filterForm('agent-filters', 'Agent filters', [[...FILTERS[0], envs], ...FILTERS.slice(1)], filters,
      (q) => routeHref(['p', slug, 'agents'], q)),
    h('div', { class: 'live' }, live), ...list.nodes);
  let done = list.page();
  // one read at a time, so an older answer never replaces a newer one
  const reread = soon(() => { done = done.then(() => list.page(true)).catch(() => ctx.sessionEnded()); }, 500);
  const feed = openLive({
    slug, filters: {}, notes: true, onNote: reread, onDropped: reread, onEvent: () => {},
    onState: (s) => { showState(live)(s); if (s === 'live') reread(); },
    onEnded: () => ctx.sessionEnded(),
  });
  ctx.onCleanup(() => { feed.close(); reread.cancel(); });
  await done;
}

// A project's agents: GET …/agents with its filters (environment, online,
// q: a prefix of the id or host name) kept in the URL, paged by cursor,
// with each agent's state, host, runtime, versions, last seen and the
// policy version it applied (against the environment's latest, from the
// same answer's rollout). An offline agent can be removed (editors; a
// second click confirms). Host names and ids come from agents: text only.
import { api, get, problemText, projectPath } from './api.js';
import { h, txt, formatTime, loading, errorBox, announce, routeHref, projectNav, confirmButton, scrollBox } from './dom.js';

const FILTERS = ['environment', 'online', 'q'];

function filtersOf(query) {
  const f = new URLSearchParams();
  for (const n of FILTERS) if (query.get(n)) f.set(n, query.get(n));
  return f;
}

function filterForm(slug, project, filters) {
  const env = h('select', { id: 'a-environment', name: 'environment' }, h('option', { value: '' }, 'Any'),
    (project.environments || []).map((e) => h('option', { value: String(e.name), selected: filters.get('environment') === e.name }, String(e.name))));
  const online = h('select', { id: 'a-online', name: 'online' }, h('option', { value: '' }, 'Any'),
    h('option', { value: 'true', selected: filters.get('online') === 'true' }, 'Online'),
    h('option', { value: 'false', selected: filters.get('online') === 'false' }, 'Offline'));
  const q = h('input', { id: 'a-q', name: 'q', type: 'search', value: filters.get('q') || undefined, autocomplete: 'off', maxlength: 131, 'aria-describedby': 'a-q-help' });
  const form = h('form', { class: 'filters', id: 'agent-filters', role: 'search', 'aria-label': 'Agent filters' },
    h('div', { class: 'field' }, h('label', { for: 'a-environment' }, 'Environment'), env),
    h('div', { class: 'field' }, h('label', { for: 'a-online' }, 'State'), online),
    h('div', { class: 'field' }, h('label', { for: 'a-q' }, 'Agent or host'), q,
      h('small', { id: 'a-q-help' }, 'starts with (case-sensitive)')),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Apply'),
      h('a', { href: routeHref(['p', slug, 'agents']), class: 'button secondary' }, 'Clear')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const next = new URLSearchParams();
    for (const n of FILTERS) {
      const v = form.elements[n].value.trim();
      if (v) next.set(n, v);
    }
    location.hash = routeHref(['p', slug, 'agents'], next);
  });
  return form;
}

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
  let action = '—';
  if (canEdit && !a.online) {
    action = confirmButton('Remove', String(a.agent_id), async (button) => {
      const r = await api('DELETE', projectPath(slug, `/agents/${encodeURIComponent(a.agent_id)}`));
      if (r.status === 204) {
        announce(`Agent ${a.agent_id} removed.`);
        onDeleted(button.closest('tr'));
      } else {
        button.replaceWith(errorBox(problemText(r)));
      }
    });
  }
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
  const filters = filtersOf(ctx.query);
  const canEdit = ctx.me.role !== 'viewer' && !project.archived;
  const tbody = h('tbody', {});
  const wrap = scrollBox('Agents', h('table', { id: 'agents' },
    h('caption', { class: 'sr-only' }, `Agents of ${slug}`),
    h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', { scope: 'col' }, c)))), tbody), { hidden: true });
  const status = h('div', { id: 'agents-state' }, loading('agents'));
  const rollout = h('ul', { id: 'rollout', class: 'rollout' });
  const more = h('button', { type: 'button', id: 'agents-more', class: 'secondary', hidden: true }, 'Load more');
  const refresh = h('button', { type: 'button', class: 'secondary', id: 'agents-refresh' }, 'Refresh');
  refresh.addEventListener('click', () => ctx.refresh());
  let cursor = null;
  let shown = 0;
  const latest = {};

  const showCount = () => {
    wrap.hidden = shown === 0;
    status.replaceChildren(shown === 0
      ? h('p', { class: 'state', id: 'agents-empty' }, filters.toString()
        ? 'No agent matches these filters.'
        : 'No agent has connected yet. Give an agent token (Tokens) to an agent: it is listed at its first hello.')
      : h('p', { class: 'count' }, `${shown} agent${shown === 1 ? '' : 's'} shown${cursor ? ', more below' : ''}.`));
  };
  const onDeleted = (tr) => {
    tr.remove();
    shown--;
    showCount();
  };

  const page = async () => {
    const q = new URLSearchParams(filters);
    q.set('limit', '100');
    if (cursor) q.set('cursor', cursor);
    more.disabled = true;
    try {
      const b = await get(projectPath(slug, `/agents?${q}`));
      if (!cursor) {
        const rows = Array.isArray(b.rollout) ? b.rollout : [];
        for (const r of rows) latest[r.environment] = Number(r.latest_version);
        rollout.replaceChildren(...rows.map((r) => h('li', {},
          h('strong', {}, txt(r.environment)), `: policy version ${r.latest_version}, `,
          `${r.on_latest} of ${r.online} online agent${r.online === 1 ? '' : 's'} run it, ${r.offline} offline.`)));
      }
      const agents = Array.isArray(b.agents) ? b.agents : [];
      tbody.append(...agents.map((a) => agentRow(slug, a, latest, canEdit, onDeleted)));
      shown += agents.length;
      cursor = b.next_cursor || null;
      showCount();
    } catch (err) {
      if (err.status === 401) throw err;
      status.replaceChildren(errorBox(err.message));
    } finally {
      more.disabled = false;
      more.hidden = !cursor;
    }
  };
  more.addEventListener('click', () => page());

  ctx.setView(`Agents · ${slug}`, projectNav(slug, project, 'agents'), h('h1', {}, 'Agents'),
    h('section', { 'aria-labelledby': 'rollout-title' }, h('h2', { id: 'rollout-title', class: 'sr-only' }, 'Rollout'), rollout),
    filterForm(slug, project, filters), h('div', { class: 'live' }, refresh), status, wrap, more);
  await page();
}

// A project's events: the filter form (every filter of the API, kept in the
// URL so a view can be bookmarked and survives a reload), the table with
// paging by cursor, and one event's detail. Event fields are written by
// attackers: they are only ever rendered as text (dom.js).
import { api, get, problemText, projectPath } from './api.js';
import { openLive, showState } from './live.js';
import { bulkTriagePanel } from './triage.js';
import { h, txt, formatTime, loading, announce, routeHref, projectNav, INTERCEPTORS, plural, button, busy, pager, cursorPage, detail,
  filterForm as form, filtersOf as pick } from './dom.js';

const FILTERS = [
  ['interceptor', 'Interceptor', INTERCEPTORS],
  ['action', 'Action', ['blocked', 'logged']],
  ['severity', 'Severity', ['low', 'medium', 'high', 'critical']],
  ['status', 'Status', ['new', 'acknowledged', 'false_positive', 'resolved']],
  ['agent', 'Agent', 'text'],
  ['source_ip', 'Source address', 'text'],
  ['endpoint', 'Endpoint', 'text'],
  ['since', 'Since', 'datetime-local'],
  ['until', 'Until', 'datetime-local'],
  ['q', 'Search', 'search'],
];
const FILTER_NAMES = ['environment', ...FILTERS.map((f) => f[0])];
// The filters the live feed applies itself; with any other one set the
// table does not take live events (they might not match).
const LIVE_FILTERS = ['environment', 'interceptor', 'action', 'severity'];
const MAX_ROWS = 1000; // live rows beyond it push the oldest out of the table
const MAX_PENDING = 500; // paused: events kept to show on resume (more are counted)

// The API's filters named in the URL's query (unknown names dropped).
export const filtersOf = (query) => pick(query, FILTER_NAMES);

// The filter form of a screen ('events' or 'attacks'); extra: more fields
// (kept in the URL as they are) before the buttons.
export function filterForm(slug, project, filters, screen = 'events', extra = []) {
  const envs = (project.environments || []).map((e) => String(e.name));
  return form('event-filters', 'Event filters', [['environment', 'Environment', envs], ...FILTERS], filters,
    (q) => routeHref(['p', slug, screen], q), extra);
}

function badge(kind, value) {
  return h('span', { class: `badge ${kind}-${String(value).replace(/[^a-z_]/g, '')}` }, txt(value));
}

export function eventRow(slug, e) {
  const link = h('a', { href: routeHref(['p', slug, 'events', String(e.id)]) }, formatTime(e.ts));
  return h('tr', { 'data-id': String(e.id) },
    h('td', {}, link),
    h('td', {}, txt(e.environment)),
    h('td', {}, txt(e.interceptor)),
    h('td', {}, badge('action', e.action)),
    h('td', {}, txt(e.severity)),
    h('td', { class: 'mono cut' }, `${e.method ? e.method + ' ' : ''}${txt(e.endpoint)}`),
    h('td', { class: 'mono' }, txt(e.source_ip)),
    h('td', { class: 'mono cut' }, txt(e.payload)),
    h('td', {}, txt(e.status)));
}

const COLUMNS = ['Time', 'Environment', 'Interceptor', 'Action', 'Severity', 'Request', 'Source', 'Payload', 'Status'];

export async function eventsView(ctx, slug) {
  ctx.setView(`Events · ${slug}`, loading('events'));
  const filters = filtersOf(ctx.query);
  const seen = new Set();
  const load = cursorPage(projectPath(slug, '/events'), filters, 50, 'events');
  const list = pager({
    id: 'events', label: 'Events', caption: `Events of ${slug}`, cols: COLUMNS, noun: ['event'],
    empty: filters.toString() ? 'No event matches these filters.' : 'No events yet.',
    load,
    row: (ev) => !seen.has(ev.id) && seen.add(ev.id) && eventRow(slug, ev),
  });
  list.tbody.parentNode.classList.add('events');
  // The first page is asked for beside the project (not after it): the
  // rows are what the screen is for. Its failure shows in page().
  const first = load(null);
  first.catch(() => {});
  const project = await get(projectPath(slug));
  const { tbody } = list;
  // After a bulk triage: the table again from its first page.
  const reload = () => {
    tbody.replaceChildren();
    seen.clear();
    list.cursor = null;
    return list.page();
  };

  // Live arrival, with a pause control.
  const liveState = h('span', { id: 'live-state', role: 'status' }, '');
  const pendingNote = h('span', { id: 'live-pending' }, '');
  const dropped = h('p', { class: 'state', id: 'live-dropped', hidden: true });
  const drop = (text) => {
    dropped.hidden = false;
    dropped.textContent = text;
  };
  let paused = false;
  let pending = [];
  let missed = 0;

  const prepend = (evs) => {
    tbody.prepend(...evs.map(list.row).filter(Boolean));
    while (tbody.childElementCount > MAX_ROWS) {
      seen.delete(tbody.lastElementChild.getAttribute('data-id'));
      tbody.lastElementChild.remove();
      // the next page would follow the removed rows: older ones need a reload
      list.cursor = null;
      list.more.hidden = true;
    }
    list.show();
  };
  const notePending = () => {
    const n = pending.length + missed;
    pendingNote.textContent = paused && n ? `${plural(n, 'new event')} waiting.` : '';
  };
  const pause = button('Pause', { id: 'live-pause', class: 'secondary', 'aria-pressed': 'false' }, () => {
    paused = !paused;
    pause.textContent = paused ? 'Resume' : 'Pause';
    pause.setAttribute('aria-pressed', String(paused));
    if (!paused) {
      // newest first: pending holds them oldest first
      prepend(pending.reverse());
      if (missed) drop(`${missed} more events arrived while paused; reload to see them.`);
      pending = [];
      missed = 0;
    }
    notePending();
  });
  const liveBar = h('div', { class: 'live' }, liveState, pause, pendingNote);

  const unsupported = FILTER_NAMES.filter((n) => filters.get(n) && !LIVE_FILTERS.includes(n));
  if (unsupported.length) {
    liveState.textContent = `Live updates are off with these filters (${unsupported.join(', ')}).`;
    pause.hidden = true;
  } else {
    const feedFilters = {};
    for (const n of LIVE_FILTERS) if (filters.get(n)) feedFilters[n] = filters.get(n);
    const live = openLive({
      slug,
      filters: feedFilters,
      onState: showState(liveState),
      onEvent: (ev) => {
        if (!paused) prepend([ev]);
        else if (pending.length < MAX_PENDING) pending.push(ev);
        else missed++;
        notePending();
      },
      onDropped: (n) => drop(`The server was too busy to show ${n} events live; reload to see them.`),
      onEnded: () => ctx.sessionEnded(),
    });
    ctx.onCleanup(() => live.close());
  }

  const exportHref = (format) => {
    const q = new URLSearchParams(filters);
    q.set('format', format);
    return projectPath(slug, `/events/export?${q}`);
  };
  const exports = h('p', { class: 'exports' }, 'Export what the filters select: ',
    h('a', { href: exportHref('csv'), download: `${slug}-events.csv`, id: 'export-csv' }, 'CSV'), ' · ',
    h('a', { href: exportHref('ndjson'), download: `${slug}-events.ndjson`, id: 'export-ndjson' }, 'NDJSON'));

  ctx.setView(`Events · ${slug}`,
    projectNav(slug, project, 'events'),
    h('h1', {}, 'Events'),
    filterForm(slug, project, filters),
    liveBar, exports,
    ctx.me.role !== 'viewer' && !project.archived ? bulkTriagePanel({ slug, filters: Object.fromEntries(filters), onDone: reload }) : null,
    dropped, ...list.nodes);
  await list.page(false, first);
}

// The parameter an event names (details.parameter, as the agent named the
// input: query.q, body.text, header.x-name, cookie.id), or null.
function eventParameter(e) {
  const p = e.details && typeof e.details === 'object' ? e.details.parameter : null;
  return typeof p === 'string' && p !== '' ? p : null;
}

// What an exclusion covers, in words: its interceptor at its endpoint, for
// one parameter or for every one.
function exclusionScope(x) {
  return x.parameter ? `${x.interceptor} at ${x.endpoint}, parameter ${x.parameter} only`
    : `${x.interceptor} at ${x.endpoint}, every parameter`;
}

// Triage of one event: a status, or "false positive" that also adds an
// exclusion to the environment's policy, after a confirmation that says
// what it will exclude: the event's interceptor at its endpoint, for the
// event's parameter only when it names one (the server's rule, see
// triageEvent in api/openapi.yaml), else for the whole endpoint.
function triagePanel(ctx, slug, e) {
  const msg = h('p', { class: 'note', id: 'triage-result', role: 'status' });
  const confirmBox = h('div', { id: 'exclusion-confirm' });
  const act = (label, body, attrs = { class: 'secondary' }) => button(label, attrs, (b) => busy(b, msg, async () => {
    const r = await api('PATCH', projectPath(slug, `/events/${encodeURIComponent(e.id)}`), body);
    if (r.status === 401) return ctx.sessionEnded();
    if (r.status !== 200) return problemText(r);
    confirmBox.replaceChildren();
    const ev = r.body.event;
    document.getElementById('event-status').textContent = txt(ev.status);
    document.getElementById('event-raw').textContent = JSON.stringify(ev, null, 2);
    const p = r.body.policy;
    const text = `Status: ${ev.status}.` + (!p ? ''
      : p.changed ? ` Policy version ${p.version} of ${p.environment} now ignores ${exclusionScope(p.exclusion)}.`
        : ` The policy of ${p.environment} already ignores it: ${exclusionScope(p.exclusion)} (version ${p.version}).`);
    announce(text);
    return text;
  }));
  const parameter = eventParameter(e);
  const planned = { interceptor: e.interceptor, endpoint: e.endpoint, parameter };
  const ask = () => {
    const head = h('h3', { id: 'exclusion-title', tabindex: -1 }, 'Stop reporting this?');
    confirmBox.replaceChildren(h('section', { class: 'panel', 'aria-labelledby': 'exclusion-title' }, head,
      h('p', { id: 'exclusion-what' }, `Marks the event a false positive and adds an exclusion to the policy of `
        + `${txt(e.environment)}, pushed to its agents: ignore ${exclusionScope(planned)}.`),
      parameter ? h('p', {}, `The other parameters of ${e.endpoint} stay checked.`)
        : h('p', { class: 'warn', id: 'exclusion-wide' }, `The event names no parameter, so the exclusion covers `
          + `the whole endpoint: ${txt(e.interceptor)} attacks through any input of ${txt(e.endpoint)} will no longer be reported.`),
      h('div', { class: 'actions' },
        act('Add the exclusion', { status: 'false_positive', create_exclusion: true }, { id: 'exclusion-yes' }),
        button('Cancel', { class: 'secondary' }, () => confirmBox.replaceChildren()))));
    head.focus();
  };
  return h('section', { class: 'triage-panel', 'aria-labelledby': 'triage-title' },
    h('h2', { id: 'triage-title' }, 'Triage'),
    h('div', { class: 'actions' },
      act('Acknowledge', { status: 'acknowledged' }),
      act('Resolve', { status: 'resolved' }),
      act('False positive', { status: 'false_positive' }),
      button(`False positive: stop reporting ${exclusionScope(planned)}…`, { class: 'secondary', id: 'exclusion-ask' }, ask)),
    confirmBox, msg);
}

export async function eventView(ctx, slug, id) {
  ctx.setView('Event', loading('the event'));
  const [e, project] = await Promise.all([get(projectPath(slug, `/events/${encodeURIComponent(id)}`)), get(projectPath(slug))]);
  const loc = e.location || {};
  const where = loc.file ? `${loc.file}${loc.line !== null && loc.line !== undefined ? ':' + loc.line : ''}` : null;
  ctx.setView(`Event ${e.id}`,
    h('p', { class: 'crumbs' }, h('a', { href: '#/projects' }, 'Projects'), ' / ',
      h('a', { href: routeHref(['p', slug, 'events']) }, `Events of ${slug}`)),
    h('h1', {}, `${txt(e.interceptor)} · ${txt(e.action)}`),
    detail('event-detail', [['Time', formatTime(e.ts)], ['Received', formatTime(e.received_at)],
      ['Environment', e.environment], ['Agent', e.agent_id, true], ['Severity', e.severity], ['Confidence', e.confidence],
      ['Source address', e.source_ip, true], ['Method', e.method, true], ['Endpoint', e.endpoint, true],
      ['Parameter', eventParameter(e), true], ['Rule', e.rule, true],
      ['Code location', where, true], ['Function', loc.function, true], ['Status', e.status, false, 'event-status']]),
    ctx.me.role !== 'viewer' && !project.archived ? triagePanel(ctx, slug, e) : null,
    ...['payload', 'operation', 'raw'].flatMap((k) => [
      h('h2', {}, k === 'raw' ? 'Raw JSON' : k[0].toUpperCase() + k.slice(1), e[`${k}_truncated`] ? ` (cut; ${e[`${k}_length`]} bytes sent)` : ''),
      h('pre', { class: 'literal', id: `event-${k}`, tabindex: 0 }, k === 'raw' ? JSON.stringify(e, null, 2) : txt(e[k]))]));
}

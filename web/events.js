// A project's events: the filter form (every filter of the API, kept in the
// URL so a view can be bookmarked and survives a reload), the table with
// paging by cursor, and one event's detail. Event fields are written by
// attackers: they are only ever rendered as text (dom.js).
import { api, get, problemText, projectPath } from './api.js';
import { openLive } from './live.js';
import { bulkTriagePanel } from './triage.js';
import { h, txt, formatTime, loading, errorBox, announce, routeHref, projectNav } from './dom.js';

const INTERCEPTORS = ['sql_injection', 'nosql_injection', 'xss', 'ssrf', 'path_traversal',
  'command_injection', 'llm_prompt_injection'];
const FILTERS = [
  // [query name, label, kind, choices]
  ['environment', 'Environment', 'env'],
  ['interceptor', 'Interceptor', 'select', INTERCEPTORS],
  ['action', 'Action', 'select', ['blocked', 'logged']],
  ['severity', 'Severity', 'select', ['low', 'medium', 'high', 'critical']],
  ['status', 'Status', 'select', ['new', 'acknowledged', 'false_positive', 'resolved']],
  ['agent', 'Agent', 'text'],
  ['source_ip', 'Source address', 'text'],
  ['endpoint', 'Endpoint', 'text'],
  ['since', 'Since', 'datetime'],
  ['until', 'Until', 'datetime'],
  ['q', 'Search', 'search'],
];
const FILTER_NAMES = FILTERS.map((f) => f[0]);
// The filters the live feed applies itself; with any other one set the
// table does not take live events (they might not match).
const LIVE_FILTERS = ['environment', 'interceptor', 'action', 'severity'];
const MAX_ROWS = 1000; // live rows beyond it push the oldest out of the table
const MAX_PENDING = 500; // paused: events kept to show on resume (more are counted)

// The API's filters named in the URL's query (unknown names dropped).
export function filtersOf(query) {
  const f = new URLSearchParams();
  for (const n of FILTER_NAMES) {
    const v = query.get(n);
    if (v) f.set(n, v);
  }
  return f;
}

// <input type=datetime-local> speaks local time without a zone; the API and
// the URL speak RFC 3339 UTC.
function toLocalInput(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

function fromLocalInput(v) {
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

// The filter form of a screen ('events' or 'attacks'); extra: more fields
// (kept in the URL as they are) before the buttons.
export function filterForm(slug, project, filters, screen = 'events', extra = []) {
  const fields = FILTERS.map(([name, label, kind, choices]) => {
    const id = `f-${name}`;
    let input;
    if (kind === 'select' || kind === 'env') {
      const opts = kind === 'env' ? (project.environments || []).map((e) => String(e.name)) : choices;
      input = h('select', { id, name }, h('option', { value: '' }, 'Any'),
        opts.map((o) => h('option', { value: o, selected: filters.get(name) === o }, o)));
    } else if (kind === 'datetime') {
      input = h('input', { id, name, type: 'datetime-local', value: filters.get(name) ? toLocalInput(filters.get(name)) : undefined });
    } else {
      input = h('input', { id, name, type: kind === 'search' ? 'search' : 'text', value: filters.get(name) || undefined, autocomplete: 'off' });
    }
    return h('div', { class: 'field' }, h('label', { for: id }, label), input);
  });
  const form = h('form', { class: 'filters', id: 'event-filters', role: 'search', 'aria-label': 'Event filters' },
    fields, extra, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Apply'),
      h('a', { href: routeHref(['p', slug, screen]), class: 'button secondary' }, 'Clear')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const [name, , kind] of FILTERS) {
      const v = form.elements[name].value.trim();
      if (!v) continue;
      q.set(name, kind === 'datetime' ? fromLocalInput(v) : v);
    }
    for (const el of form.querySelectorAll('[data-extra]')) {
      if (el.type === 'checkbox' ? el.checked : el.value) q.set(el.name, el.type === 'checkbox' ? el.value : el.value);
    }
    location.hash = routeHref(['p', slug, screen], q);
  });
  return form;
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
  const pageOf = (after) => {
    const q = new URLSearchParams(filters);
    q.set('limit', '50');
    if (after) q.set('cursor', after);
    return get(projectPath(slug, `/events?${q}`));
  };
  // The first page is asked for beside the project (not after it): the
  // rows are what the screen is for. A failure is kept for page().
  const first = pageOf(null).then((b) => ({ b }), (err) => ({ err }));
  const project = await get(projectPath(slug));
  const tbody = h('tbody', {});
  const table = h('table', { id: 'events', class: 'events' },
    h('caption', { class: 'sr-only' }, `Events of ${slug}`),
    h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', { scope: 'col' }, c)))), tbody);
  const status = h('div', { id: 'events-state' }, loading('events'));
  const more = h('button', { type: 'button', id: 'events-more', class: 'secondary', hidden: true }, 'Load more');
  const wrap = h('div', { class: 'scroll', hidden: true }, table);
  const seen = new Set();
  let cursor = null;
  let shown = 0;

  const showCount = () => {
    wrap.hidden = shown === 0;
    status.replaceChildren(shown === 0
      ? h('p', { class: 'state', id: 'events-empty' },
        filters.toString() ? 'No event matches these filters.' : 'No events yet.')
      : h('p', { class: 'count' }, `${shown} event${shown === 1 ? '' : 's'} shown${cursor ? ', more below' : ''}.`));
  };

  // One page after the cursor; pre: the answer already asked for.
  const page = async (pre) => {
    more.disabled = true;
    try {
      const got = pre ? await pre : { b: await pageOf(cursor) };
      if (got.err) throw got.err;
      const b = got.b;
      const events = (Array.isArray(b.events) ? b.events : []).filter((ev) => !seen.has(ev.id));
      for (const ev of events) seen.add(ev.id);
      tbody.append(...events.map((ev) => eventRow(slug, ev)));
      shown += events.length;
      cursor = b.next_cursor || null;
      showCount();
    } catch (err) {
      if (err.status === 401) throw err;
      status.replaceChildren(errorBox(err.status ? err.message : 'The server cannot be reached.'));
    } finally {
      more.disabled = false;
      more.hidden = !cursor;
    }
  };
  more.addEventListener('click', () => page());
  // After a bulk triage: the table again from its first page.
  const reload = () => {
    tbody.replaceChildren();
    seen.clear();
    cursor = null;
    shown = 0;
    return page();
  };

  // Live arrival, with a pause control.
  const liveState = h('span', { id: 'live-state', role: 'status' }, '');
  const pause = h('button', { type: 'button', id: 'live-pause', class: 'secondary', 'aria-pressed': 'false' }, 'Pause');
  const pendingNote = h('span', { id: 'live-pending' }, '');
  const dropped = h('p', { class: 'state', id: 'live-dropped', hidden: true });
  const liveBar = h('div', { class: 'live' }, liveState, pause, pendingNote);
  let paused = false;
  let pending = [];
  let missed = 0;

  const prepend = (evs) => {
    const fresh = evs.filter((ev) => !seen.has(ev.id));
    for (const ev of fresh) seen.add(ev.id);
    tbody.prepend(...fresh.map((ev) => eventRow(slug, ev)));
    shown += fresh.length;
    while (tbody.childElementCount > MAX_ROWS) {
      seen.delete(tbody.lastElementChild.getAttribute('data-id'));
      tbody.lastElementChild.remove();
      shown--;
      // the next page would follow the removed rows: older ones need a reload
      cursor = null;
      more.hidden = true;
    }
    showCount();
  };
  const notePending = () => {
    const n = pending.length + missed;
    pendingNote.textContent = paused && n ? `${n} new event${n === 1 ? '' : 's'} waiting.` : '';
  };
  pause.addEventListener('click', () => {
    paused = !paused;
    pause.textContent = paused ? 'Resume' : 'Pause';
    pause.setAttribute('aria-pressed', String(paused));
    if (!paused) {
      // newest first: pending holds them oldest first
      prepend(pending.reverse());
      if (missed) {
        dropped.hidden = false;
        dropped.textContent = `${missed} more events arrived while paused; reload to see them.`;
      }
      pending = [];
      missed = 0;
    }
    notePending();
  });

  let live = null;
  const unsupported = FILTER_NAMES.filter((n) => filters.get(n) && !LIVE_FILTERS.includes(n));
  if (unsupported.length) {
    liveState.textContent = `Live updates are off with these filters (${unsupported.join(', ')}).`;
    pause.hidden = true;
  } else {
    const feedFilters = {};
    for (const n of LIVE_FILTERS) if (filters.get(n)) feedFilters[n] = filters.get(n);
    live = openLive({
      slug,
      filters: feedFilters,
      onState: (s) => {
        liveState.textContent = { connecting: 'Connecting to live updates…', live: 'Live', lost: 'Live updates lost; reconnecting…' }[s];
        liveState.className = `live-${s}`;
      },
      onEvent: (ev) => {
        if (!paused) prepend([ev]);
        else if (pending.length < MAX_PENDING) pending.push(ev);
        else missed++;
        notePending();
      },
      onDropped: (n) => {
        dropped.hidden = false;
        dropped.textContent = `The server was too busy to show ${n} events live; reload to see them.`;
      },
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
    dropped, status, wrap, more);
  await page(first);
}

function field(label, value, mono, id) {
  return [h('dt', {}, label), h('dd', { class: mono ? 'mono' : undefined, id }, txt(value))];
}

// Triage of one event: a status, or "false positive" that also adds an
// exclusion for its interceptor and endpoint to the environment's policy.
function triagePanel(ctx, slug, e) {
  const msg = h('p', { class: 'note', id: 'triage-result', role: 'status' });
  const act = (label, body) => {
    const b = h('button', { type: 'button', class: 'secondary' }, label);
    b.addEventListener('click', async () => {
      b.disabled = true;
      msg.textContent = '';
      try {
        const r = await api('PATCH', projectPath(slug, `/events/${encodeURIComponent(e.id)}`), body);
        if (r.status !== 200) {
          msg.textContent = problemText(r);
          return;
        }
        const st = document.getElementById('event-status');
        if (st) st.textContent = txt(r.body.event.status);
        const raw = document.getElementById('event-raw');
        if (raw) raw.textContent = JSON.stringify(r.body.event, null, 2);
        const p = r.body.policy;
        msg.textContent = `Status: ${r.body.event.status}.` + (p
          ? (p.changed ? ` Policy version ${p.version} of ${p.environment} now ignores it.`
            : ` The policy of ${p.environment} already ignores it (version ${p.version}).`) : '');
        announce(msg.textContent);
      } catch {
        msg.textContent = 'The server cannot be reached.';
      } finally {
        b.disabled = false;
      }
    });
    return b;
  };
  return h('section', { class: 'triage-panel', 'aria-labelledby': 'triage-title' },
    h('h2', { id: 'triage-title' }, 'Triage'),
    h('div', { class: 'actions' },
      act('Acknowledge', { status: 'acknowledged' }),
      act('Resolve', { status: 'resolved' }),
      act('False positive', { status: 'false_positive' }),
      act('False positive: stop reporting it', { status: 'false_positive', create_exclusion: true })),
    msg);
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
    h('dl', { class: 'detail', id: 'event-detail' },
      field('Time', formatTime(e.ts)), field('Received', formatTime(e.received_at)),
      field('Environment', e.environment), field('Agent', e.agent_id, true),
      field('Severity', e.severity), field('Confidence', e.confidence),
      field('Source address', e.source_ip, true), field('Method', e.method, true),
      field('Endpoint', e.endpoint, true), field('Rule', e.rule, true),
      field('Code location', where, true), field('Function', loc.function, true),
      field('Status', e.status, false, 'event-status')),
    ctx.me.role !== 'viewer' && !project.archived ? triagePanel(ctx, slug, e) : null,
    h('h2', {}, 'Payload', e.payload_truncated ? ` (cut; ${e.payload_length} bytes sent)` : ''),
    h('pre', { class: 'literal', id: 'event-payload', tabindex: 0 }, txt(e.payload)),
    h('h2', {}, 'Operation', e.operation_truncated ? ` (cut; ${e.operation_length} bytes sent)` : ''),
    h('pre', { class: 'literal', id: 'event-operation', tabindex: 0 }, txt(e.operation)),
    h('h2', {}, 'Raw JSON'),
    h('pre', { class: 'literal', id: 'event-raw', tabindex: 0 }, JSON.stringify(e, null, 2)));
}

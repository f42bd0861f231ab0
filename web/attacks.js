// Attacks, grouped: GET …/events/groups with the event filters of the URL
// (and by=source_ip), one row per group (interceptor + endpoint, and source
// address), newest activity first, with a small trend; a group opens into
// its events (the group's own `filters`) and is triaged as a whole with
// POST …/events/triage. Endpoints and addresses are attacker text: text only.
import { get, projectPath } from './api.js';
import { triageAll } from './triage.js';
import { h, txt, formatTime, loading, errorBox, announce, routeHref, projectNav, button, busy, options, table, scrollBox, plural } from './dom.js';
import { filterForm, filtersOf } from './events.js';

// An SVG element (attributes set one by one: no markup, no style).
const svg = (tag, attrs, ...kids) => {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...kids);
  return el;
};

// A bar chart of the counts per bucket, 4 px a bar, 20 px high.
function trend(counts) {
  const max = Math.max(1, ...counts);
  return svg('svg', { width: counts.length * 4, height: 20, class: 'trend', role: 'img', 'aria-label': `Trend: ${counts.join(', ')}` },
    ...counts.map((c, i) => {
      const ht = c ? Math.max(1, Math.round((c / max) * 20)) : 0;
      return svg('rect', { x: i * 4, y: 20 - ht, width: 3, height: ht });
    }));
}

// A group's triage: the first click asks (the group's count and the
// status), the second does it; changing the status asks again.
function triageCell(slug, g, n) {
  const select = h('select', { id: `triage-${n}`, 'aria-label': `Triage status for group ${n + 1}` },
    options([['acknowledged', 'Acknowledge'], ['false_positive', 'False positive'], ['resolved', 'Resolve'], ['new', 'Back to new']]));
  const msg = h('span', { class: 'note', role: 'status' });
  const count = Number(g.count).toLocaleString('en-US');
  let asking = false;
  const reset = () => {
    asking = false;
    apply.textContent = 'Apply';
  };
  select.addEventListener('change', () => {
    if (asking) msg.textContent = '';
    reset();
  });
  const apply = button('Apply', { class: 'secondary' }, () => {
    const label = select.selectedOptions[0].textContent;
    if (!asking) {
      asking = true;
      apply.textContent = `Confirm: ${label} ${count}`;
      msg.textContent = `${label}: all ${count} events of this group? Press Confirm.`;
      return;
    }
    reset();
    return busy(apply, msg, async () => {
      const show = (k) => { msg.textContent = `${k.toLocaleString('en-US')} of ${count}…`; };
      const { updated: k } = await triageAll(slug, g.filters, select.value, { onProgress: show });
      announce(`${plural(k, 'event')} updated.`);
      return `${plural(k, 'event')} updated.`;
    });
  });
  return h('td', { class: 'triage' }, g.filters ? [select, apply, msg] : '—');
}

const groupRow = (slug, g, bySource, canTriage, n) => h('tr', {},
  h('td', {}, txt(g.interceptor)),
  h('td', { class: 'mono cut' }, txt(g.endpoint)),
  bySource ? h('td', { class: 'mono' }, txt(g.source_ip)) : null,
  h('td', { class: 'num' }, String(g.count)),
  h('td', { class: 'num' }, String(g.blocked)),
  h('td', { class: 'num' }, String(g.logged)),
  h('td', {}, formatTime(g.first_seen)),
  h('td', {}, formatTime(g.last_seen)),
  h('td', {}, trend(Array.isArray(g.trend) ? g.trend : [])),
  h('td', {}, g.filters ? h('a', { href: routeHref(['p', slug, 'events'], new URLSearchParams(g.filters)) }, 'Events') : '—'),
  canTriage ? triageCell(slug, g, n) : null);

export async function attacksView(ctx, slug) {
  ctx.setView(`Attacks · ${slug}`, loading('attacks'));
  const project = await get(projectPath(slug));
  const filters = filtersOf(ctx.query);
  const bySource = ctx.query.get('by') === 'source_ip';
  const canTriage = ctx.me.role !== 'viewer' && !project.archived;
  const byBox = h('div', { class: 'field check' },
    h('input', { id: 'f-by', name: 'by', type: 'checkbox', value: 'source_ip', checked: bySource }),
    h('label', { for: 'f-by' }, 'Per source address'));
  const body = h('div', { id: 'groups-state' }, loading('attacks'));
  ctx.setView(`Attacks · ${slug}`, projectNav(slug, project, 'attacks'), h('h1', {}, 'Attacks'),
    filterForm(slug, project, filters, 'attacks', [byBox]), body);
  const q = new URLSearchParams(filters);
  if (bySource) q.set('by', 'source_ip');
  q.set('limit', '100');
  let b;
  try {
    b = await get(projectPath(slug, `/events/groups?${q}`));
  } catch (err) {
    if (err.status === 401) throw err;
    return body.replaceChildren(errorBox(err.message));
  }
  const groups = Array.isArray(b.groups) ? b.groups : [];
  const span = `${formatTime(b.since)} to ${formatTime(b.until)}`;
  body.replaceChildren(...(groups.length === 0 ? [h('p', { class: 'state', id: 'groups-empty' }, `No attacks from ${span}.`)] : [
    h('p', { class: 'count' }, `${groups.length} of ${plural(b.total, 'group')}, ${span}${b.complete ? '' : ' (too many to count them all)'}.`),
    scrollBox('Attacks', table('groups', `Attacks on ${slug}, grouped`, ['Interceptor', 'Endpoint', bySource && 'Source', 'Events',
      'Blocked', 'Logged', 'First seen', 'Last seen', 'Trend', 'Open', canTriage && 'Triage'],
    groups.map((g, n) => groupRow(slug, g, bySource, canTriage, n))))]));
}

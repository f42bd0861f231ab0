// Attacks, grouped: GET …/events/groups with the event filters of the URL
// (and by=source_ip), one row per group (interceptor + endpoint, and source
// address), newest activity first, with a small trend; a group opens into
// its events (the group's own `filters`) and is triaged as a whole with
// POST …/events/triage. Endpoints and addresses are attacker text: text only.
import { get, projectPath } from './api.js';
import { triageAll } from './triage.js';
import { h, txt, formatTime, loading, errorBox, announce, routeHref, projectNav } from './dom.js';
import { filterForm, filtersOf } from './events.js';

const SVG = 'http://www.w3.org/2000/svg';

// A bar chart of the counts per bucket, as SVG attributes (no style).
function trend(counts) {
  const max = Math.max(1, ...counts);
  const w = 3;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', String(counts.length * (w + 1)));
  svg.setAttribute('height', '20');
  svg.setAttribute('class', 'trend');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Trend: ${counts.join(', ')}`);
  counts.forEach((c, i) => {
    const r = document.createElementNS(SVG, 'rect');
    const ht = c ? Math.max(1, Math.round((c / max) * 20)) : 0;
    r.setAttribute('x', String(i * (w + 1)));
    r.setAttribute('y', String(20 - ht));
    r.setAttribute('width', String(w));
    r.setAttribute('height', String(ht));
    svg.append(r);
  });
  return svg;
}

function groupRow(slug, g, bySource, canTriage, n) {
  const open = g.filters
    ? h('a', { href: routeHref(['p', slug, 'events'], new URLSearchParams(g.filters)) }, 'Events')
    : '—';
  const cells = [
    h('td', {}, txt(g.interceptor)),
    h('td', { class: 'mono cut' }, txt(g.endpoint)),
    bySource ? h('td', { class: 'mono' }, txt(g.source_ip)) : null,
    h('td', { class: 'num' }, String(g.count)),
    h('td', { class: 'num' }, String(g.blocked)),
    h('td', { class: 'num' }, String(g.logged)),
    h('td', {}, formatTime(g.first_seen)),
    h('td', {}, formatTime(g.last_seen)),
    h('td', {}, trend(Array.isArray(g.trend) ? g.trend : [])),
    h('td', {}, open),
  ];
  if (canTriage) {
    const id = `triage-${n}`;
    const select = h('select', { id, 'aria-label': `Triage status for group ${n + 1}` },
      h('option', { value: 'acknowledged' }, 'Acknowledge'),
      h('option', { value: 'false_positive' }, 'False positive'),
      h('option', { value: 'resolved' }, 'Resolve'),
      h('option', { value: 'new' }, 'Back to new'));
    const button = h('button', { type: 'button', class: 'secondary' }, 'Apply');
    const msg = h('span', { class: 'note', role: 'status' });
    const count = Number(g.count).toLocaleString('en-US');
    // The first click asks (the group's count and the status), the second does it.
    let asking = false;
    const reset = () => {
      asking = false;
      button.textContent = 'Apply';
    };
    select.addEventListener('change', () => {
      if (asking) msg.textContent = '';
      reset();
    });
    button.addEventListener('click', async () => {
      const label = select.selectedOptions[0].textContent;
      if (!asking) {
        asking = true;
        button.textContent = `Confirm: ${label} ${count}`;
        msg.textContent = `${label}: all ${count} events of this group? Press Confirm.`;
        return;
      }
      reset();
      button.disabled = true;
      msg.textContent = '';
      try {
        const show = (k) => { msg.textContent = `${k.toLocaleString('en-US')} of ${count}…`; };
        const { updated: k } = await triageAll(slug, g.filters, select.value, { onProgress: show });
        msg.textContent = `${k} event${k === 1 ? '' : 's'} updated.`;
        announce(msg.textContent);
      } catch (err) {
        msg.textContent = err.message;
      } finally {
        button.disabled = false;
      }
    });
    cells.push(h('td', { class: 'triage' }, g.filters ? [select, button, msg] : '—'));
  }
  return h('tr', {}, cells);
}

export async function attacksView(ctx, slug) {
  ctx.setView(`Attacks · ${slug}`, loading('attacks'));
  const project = await get(projectPath(slug));
  const filters = filtersOf(ctx.query);
  const bySource = ctx.query.get('by') === 'source_ip';
  const canTriage = ctx.me.role !== 'viewer' && !project.archived;
  const byBox = h('div', { class: 'field check' },
    h('input', { id: 'f-by', name: 'by', type: 'checkbox', value: 'source_ip', checked: bySource, 'data-extra': true }),
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
    body.replaceChildren(errorBox(err.message));
    return;
  }
  const groups = Array.isArray(b.groups) ? b.groups : [];
  if (groups.length === 0) {
    body.replaceChildren(h('p', { class: 'state', id: 'groups-empty' },
      `No attacks between ${formatTime(b.since)} and ${formatTime(b.until)}.`));
    return;
  }
  const heads = ['Interceptor', 'Endpoint', bySource ? 'Source' : null, 'Events', 'Blocked', 'Logged',
    'First seen', 'Last seen', 'Trend', 'Open', canTriage ? 'Triage' : null].filter(Boolean);
  body.replaceChildren(
    h('p', { class: 'count' }, `${groups.length} of ${b.total} group${b.total === 1 ? '' : 's'}, `,
      `${formatTime(b.since)} to ${formatTime(b.until)}${b.complete ? '' : ' (too many to count them all)'}.`),
    h('div', { class: 'scroll' }, h('table', { id: 'groups' },
      h('caption', { class: 'sr-only' }, `Attacks on ${slug}, grouped`),
      h('thead', {}, h('tr', {}, heads.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, groups.map((g, n) => groupRow(slug, g, bySource, canTriage, n))))));
}

// Bulk triage: one status for every event that filters select, with
// POST …/events/triage, which changes at most 10,000 events a call and says
// with `more` whether matching events are left. The panel asks first (the
// filters in words, how many events match and how many would change),
// then calls until nothing is left, showing progress, with a Stop that
// ends the loop after the call in flight.
// Filter values are attacker text (endpoints, addresses): text only.
import { api, get, problemText, projectPath } from './api.js';
import { h, announce, button, field, options, UNREACHABLE } from './dom.js';

const STATUSES = [['acknowledged', 'Acknowledged'], ['false_positive', 'False positive'], ['resolved', 'Resolved'], ['new', 'New']];
const LABEL = Object.fromEntries(STATUSES);

const num = (n) => Number(n).toLocaleString('en-US');
const events = (n) => `${num(n)} event${n === 1 ? '' : 's'}`;

// Sets `status` on every event the filters (an object of strings) select,
// a call at a time. onProgress(updated so far) after each call; a true
// stopped() before a call ends the loop. Resolves to {updated, more,
// stopped}; a failed call rejects with the server's sentence (err.updated:
// the events changed before it).
export async function triageAll(slug, filters, status, { onProgress = () => {}, stopped = () => false } = {}) {
  let updated = 0;
  for (;;) {
    if (stopped()) return { updated, more: true, stopped: true };
    let r;
    try {
      r = await api('POST', projectPath(slug, '/events/triage'), { status, filters });
    } catch {
      throw Object.assign(new Error(UNREACHABLE), { updated });
    }
    if (r.status !== 200 || !r.body) throw Object.assign(new Error(problemText(r)), { updated, status: r.status });
    updated += Number(r.body.updated) || 0;
    onProgress(updated);
    if (!r.body.more) return { updated, more: false, stopped: false };
    // a call that changed nothing and still says more would loop forever
    if (!r.body.updated) throw Object.assign(new Error('The server changed no event; stopped.'), { updated });
  }
}

// How many events the filters select, from the groups of the events
// (…/events/groups takes every filter of the list). Without since/until
// the list means all time: the count asks from 2000 to 2100. Resolves to
// {count, exact}; exact is false when more groups matched than one call
// answers (the count is then a lower bound).
export async function countEvents(slug, filters) {
  const q = new URLSearchParams(filters);
  if (!q.get('since')) q.set('since', '2000-01-01T00:00:00Z');
  if (!q.get('until')) q.set('until', '2100-01-01T00:00:00Z');
  q.set('limit', '500');
  const b = await get(projectPath(slug, `/events/groups?${q}`));
  const groups = Array.isArray(b.groups) ? b.groups : [];
  const count = groups.reduce((s, g) => s + (Number(g.count) || 0), 0);
  return { count, exact: Boolean(b.complete) && groups.length >= Number(b.total) };
}

// What a bulk triage to `status` would do: {count (matching), exact,
// change (those not at that status yet, null when unknown)}.
export async function countChange(slug, filters, status) {
  const all = await countEvents(slug, filters);
  if (filters.status) return { ...all, change: filters.status === status ? 0 : all.count };
  if (!all.exact) return { ...all, change: null };
  const already = await countEvents(slug, { ...filters, status });
  return { ...all, change: already.exact ? all.count - already.count : null };
}

// The filters in words: "interceptor = xss, status = new".
export function describeFilters(filters) {
  const parts = Object.entries(filters).map(([k, v]) => `${k} = ${v}`);
  return parts.length ? parts.join(', ') : 'none (every event of the project)';
}

// The panel. opts: {slug, filters (object of strings), onDone(result)
// after a run that changed events (the table reloads)}.
export function bulkTriagePanel({ slug, filters, onDone = () => {} }) {
  const select = h('select', { name: 'status' }, options(STATUSES));
  const question = h('p', { id: 'bulk-question' });
  const bar = h('progress', { id: 'bulk-progress', max: 1, value: 0, 'aria-label': 'Events triaged' });
  const done = h('span', { id: 'bulk-done' });
  const result = h('p', { id: 'bulk-result', class: 'note', role: 'status' });
  let stopped = false;
  let count = null;

  const idle = () => {
    asking.hidden = true;
    running.hidden = true;
    start.disabled = false;
    select.disabled = false;
  };
  const start = button('Triage all matching…', { id: 'bulk-start', class: 'secondary' }, async () => {
    start.disabled = true;
    select.disabled = true;
    result.textContent = 'Counting the matching events…';
    const label = LABEL[select.value];
    try {
      count = await countChange(slug, filters, select.value);
    } catch {
      count = null; // the confirmation then names no count
    }
    if (count && (count.change === 0 || (count.exact && count.count === 0))) {
      result.textContent = count.count === 0 ? 'No event matches these filters: nothing to triage.'
        : `Every event these filters select is “${label}” already: nothing to change.`;
      announce(result.textContent);
      idle();
      return;
    }
    const ask = !count ? 'Mark every event matching these filters'
      : count.change === null || count.change === count.count
        ? `Mark ${count.exact ? (count.count === 1 ? 'the' : 'all') : 'at least'} ${events(count.count)} matching these filters`
        : `${events(count.count)} match these filters, ${num(count.count - count.change)} of them “${label}” already: mark the other ${num(count.change)}`;
    question.textContent = `${ask} as “${label}”? Filters: ${describeFilters(filters)}. Events that arrive meanwhile and match are included.`;
    confirm.textContent = count === null || count.change === null ? `Mark them ${label}`
      : `Mark ${count.exact ? '' : 'at least '}${events(count.change)} ${label}`;
    result.textContent = '';
    result.classList.remove('error');
    asking.hidden = false;
    confirm.focus();
  });
  const back = button('Cancel', { id: 'bulk-back', class: 'secondary' }, () => {
    idle();
    start.focus();
  });
  const confirm = button('Confirm', { id: 'bulk-confirm' }, async () => {
    asking.hidden = true;
    running.hidden = false;
    stopped = false;
    stop.disabled = false;
    const total = count && count.change !== null ? count.change : 0;
    bar.max = Math.max(1, total);
    bar.value = 0;
    const show = (n) => {
      bar.value = Math.min(n, bar.max);
      done.textContent = total ? `${num(n)} of ${count.exact ? '' : 'at least '}${num(total)} updated` : `${num(n)} updated`;
    };
    show(0);
    stop.focus();
    const status = select.value;
    let r;
    try {
      r = await triageAll(slug, filters, status, { onProgress: show, stopped: () => stopped });
      result.textContent = r.stopped
        ? `Stopped: ${events(r.updated)} marked ${LABEL[status]}; the others matching are unchanged.`
        : `Done: ${events(r.updated)} marked ${LABEL[status]}.`;
    } catch (err) {
      r = { updated: err.updated || 0 };
      result.textContent = `Failed after ${events(r.updated)}: ${err.message}`;
      result.classList.add('error');
    }
    announce(result.textContent);
    idle();
    start.focus();
    if (r.updated) onDone(r);
  });
  const stop = button('Stop', { id: 'bulk-stop', class: 'secondary' }, () => {
    stopped = true;
    stop.disabled = true;
    done.textContent += ' (stopping after this call…)';
  });
  const asking = h('div', { class: 'bulk-ask', hidden: true }, question, h('div', { class: 'actions' }, confirm, back));
  const running = h('div', { class: 'bulk-run', hidden: true }, bar, done, stop);
  return h('section', { class: 'bulk', id: 'bulk-triage', 'aria-labelledby': 'bulk-title' },
    h('h2', { id: 'bulk-title' }, 'Triage everything the filters select'),
    h('div', { class: 'inline' }, field('bulk-status', 'New status', select), start),
    asking, running, result);
}

// A project's overview (#/p/{slug}): its last 24 hours (…/stats: a Chart.js
// chart per hour and interceptor, blocked, logged, top endpoints and sources
// linking to their events) and each environment's policy rollout with the
// agents online (…/agents). Live (live.js, notes): an event counts at once
// and …/stats is read again a second later; notes, a reconnection or
// `dropped` read again too. Attacker text (endpoints, addresses) is only
// text (dom.js); the chart draws on a canvas, no HTML legend or tooltip.
import { get, projectPath } from './api.js';
import { openLive, showState, soon } from './live.js';
import { loadChart } from './charts.js';
import { h, loading, errorBox, routeHref, projectNav, table, scrollBox } from './dom.js';

const COLORS = { // Okabe-Ito
  sql_injection: '#0072b2', nosql_injection: '#56b4e9', xss: '#e69f00', ssrf: '#009e73',
  path_traversal: '#cc79a7', command_injection: '#d55e00', llm_prompt_injection: '#8c8c00',
};

// A table in its own scroller; heads starting with '#' are number columns;
// rows: [attrs, cells].
const grid = (id, caption, heads, rows) => scrollBox(caption, table(id, caption,
  heads.map((t) => (t[0] === '#' ? [t.slice(1), 'num'] : t)), rows.map(([attrs, cells]) => h('tr', attrs, cells))));
const td = (cls, ...c) => h('td', { class: cls }, ...c);

function chartData(s) {
  const names = [...new Set(s.buckets.flatMap((b) => Object.keys(b.by_interceptor)))];
  return {
    labels: s.buckets.map((b) => new Date(b.start).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })),
    datasets: names.map((k) => ({ label: k, backgroundColor: COLORS[k] || '#888', data: s.buckets.map((b) => b.by_interceptor[k] || 0) })),
  };
}

function chartOptions() {
  const cs = getComputedStyle(document.documentElement);
  const color = cs.getPropertyValue('--muted');
  const axis = { stacked: true, ticks: { color, precision: 0, maxRotation: 0 } };
  return {
    animation: false, maintainAspectRatio: false, interaction: { mode: 'index', intersect: false },
    plugins: { legend: { position: 'bottom', labels: { color, boxWidth: 12 } } },
    scales: { x: { ...axis, grid: { display: false } }, y: { ...axis, grid: { color: cs.getPropertyValue('--line') } } },
  };
}

export async function overviewView(ctx, slug) {
  const project = await get(projectPath(slug));
  const el = {};
  const box = (id, ...c) => (el[id] = h('div', { id }, ...c));
  const figure = (id, label, cls) => h('div', { class: cls }, h('dt', {}, label), h('dd', {}, el[id] = h('strong', { id }, '…')));
  const section = (title, ...c) => h('section', {}, h('h2', {}, title), ...c);
  const canvas = h('canvas', { id: 'ov-chart', role: 'img' });
  const live = h('span', { id: 'live-state', role: 'status' });
  const missing = h('p', { class: 'state', id: 'chart-missing', hidden: true },
    'The chart library is not installed on this server (libjs-chart.js).');
  ctx.setView(`Overview · ${slug}`, projectNav(slug, project, 'overview'), h('h1', {}, 'Overview'),
    h('div', { class: 'live' }, live, 'Last 24 hours'),
    h('dl', { class: 'counters' }, figure('ov-total', 'Events'), figure('ov-blocked', 'Blocked', 'blocked'),
      figure('ov-logged', 'Logged', 'logged'), figure('ov-online', 'Agents online')),
    box('ov-stats-state', loading('the last 24 hours')),
    section('Events per hour by interceptor', h('div', { class: 'chart' }, canvas), missing),
    h('div', { class: 'columns' }, section('Top endpoints', box('ov-endpoints-box')), section('Top source addresses', box('ov-sources-box'))),
    section('Policy rollout', box('ov-rollout-box', loading('the rollout')),
      h('p', {}, h('a', { href: routeHref(['p', slug, 'agents']) }, 'Every agent'))));

  let closed = false;
  let stats = null;
  let chart = null;
  const put = (id, ...c) => el[id].replaceChildren(...c);
  const counters = () => {
    el['ov-total'].textContent = stats.total;
    el['ov-blocked'].textContent = stats.by_action.blocked;
    el['ov-logged'].textContent = stats.by_action.logged;
  };
  const tops = (id, list, key, head) => (list.length
    ? grid(id, `Top: ${head}`, [head, '#Events'], list.map((r) => [{}, [
      td('cut', h('a', { href: routeHref(['p', slug, 'events'], new URLSearchParams({ [key]: r[key] })), title: r[key] }, r[key])),
      td('num', r.count)]]))
    : h('p', { class: 'state', id }, 'None in the last 24 hours.'));
  const fail = (e, id, what) => {
    if (e.status === 401) ctx.sessionEnded();
    else if (!closed) put(id, errorBox(`${what} cannot be read: ${e.message}`));
  };
  const loadStats = async () => {
    try {
      const s = await get(projectPath(slug, '/stats?bucket=hour'));
      if (closed) return;
      stats = s;
      counters();
      put('ov-stats-state');
      put('ov-endpoints-box', tops('ov-endpoints', s.top_endpoints, 'endpoint', 'Endpoint'));
      put('ov-sources-box', tops('ov-sources', s.top_sources, 'source_ip', 'Source address'));
      canvas.setAttribute('aria-label', `Events per hour by interceptor, last 24 hours: ${Object.entries(s.by_interceptor)
        .filter((e) => e[1]).map((e) => e.join(' ')).join(', ') || 'none'}`);
      if (chart) {
        chart.data = chartData(s);
        chart.update();
      }
    } catch (e) { fail(e, 'ov-stats-state', 'The counts'); }
  };
  const loadAgents = async () => {
    try {
      const b = await get(projectPath(slug, '/agents?online=true&limit=1'));
      if (closed) return;
      el['ov-online'].textContent = b.rollout.reduce((a, r) => a + r.online, 0);
      put('ov-rollout-box', grid('ov-rollout', 'Policy rollout', ['Environment', '#Latest version', '#Online agents',
        '#On the latest', '#On an older one', '#Offline'], b.rollout.map((r) => [{ 'data-env': r.environment },
        [h('th', { scope: 'row' }, r.environment), td('num latest', `v${r.latest_version}`), td('num online', r.online),
          td('num on-latest', r.on_latest), td('num older', r.online - r.on_latest), td('num offline', r.offline)]])));
    } catch (e) { fail(e, 'ov-rollout-box', 'The agents'); }
  };
  const statsSoon = soon(loadStats, 1000);
  const agentsSoon = soon(loadAgents, 300);
  const feed = openLive({
    slug,
    filters: {},
    notes: true,
    onState: (s) => {
      showState(live)(s);
      if (s === 'live') { // what happened meanwhile
        statsSoon();
        agentsSoon();
      }
    },
    onEvent: (ev) => {
      if (!stats || !(Date.parse(ev.ts) >= Date.parse(stats.since))) return;
      stats.total++;
      if (ev.action in stats.by_action) stats.by_action[ev.action]++;
      counters();
      statsSoon();
    },
    onNote: agentsSoon,
    onDropped: statsSoon,
    onEnded: () => ctx.sessionEnded(),
  });
  const scheme = matchMedia('(prefers-color-scheme: dark)');
  const recolor = () => {
    if (!chart) return;
    chart.options = chartOptions();
    chart.update();
  };
  scheme.addEventListener('change', recolor);
  ctx.onCleanup(() => {
    closed = true;
    feed.close();
    statsSoon.cancel();
    agentsSoon.cancel();
    scheme.removeEventListener('change', recolor);
    if (chart) chart.destroy();
  });

  const lib = loadChart();
  await Promise.all([loadStats(), loadAgents()]);
  const Chart = await lib;
  if (closed) return;
  if (!Chart) {
    canvas.parentNode.hidden = true;
    missing.hidden = false;
  } else {
    chart = new Chart(canvas, { type: 'bar', data: stats ? chartData(stats) : { datasets: [] }, options: chartOptions() });
  }
}

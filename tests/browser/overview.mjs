// The project overview's browser tests (web/overview.js): live counters,
// chart and lists from moat-loadgen's events, agents and the policy rollout
// from a running moat-agent-demo, the page without the chart library, and
// attacker text in its lists. Helper processes go through ctx.spawn, which
// kills them when the test ends.
import assert from 'node:assert/strict';
import { event, unique, waitOutput } from './harness.mjs';
import { PAYLOADS } from './xss.mjs';

async function project(admin) {
  const slug = unique('ov').replace(/[^a-z0-9-]/g, '');
  await admin.createProject(slug, `Overview ${slug}`);
  return { slug, token: await admin.agentToken(slug) };
}

const text = (page, sel) => page.locator(sel).textContent();

// Waits until the element's text is exactly want.
async function waitText(page, sel, want, timeout = 10000) {
  await page.waitForFunction(([s, w]) => document.querySelector(s)?.textContent === w, [sel, want], { timeout })
    .catch(async () => { throw new Error(`${sel}: want ${JSON.stringify(want)}, have ${JSON.stringify(await page.locator(sel).first().textContent().catch(() => null))}`); });
}

// The chart's numbers: per dataset (interceptor) the sum of its bars.
function chartSums(page) {
  return page.evaluate(() => {
    const c = window.Chart && window.Chart.getChart(document.getElementById('ov-chart'));
    if (!c) return null;
    return Object.fromEntries(c.data.datasets.map((d) => [d.label, d.data.reduce((a, b) => a + b, 0)]));
  });
}

async function openOverview(ctx, page, slug) {
  await page.goto(`${ctx.srv.base}/#/p/${slug}`);
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  await page.locator('#live-state', { hasText: /^Live$/ }).waitFor();
  await page.locator('#ov-rollout-box').filter({ hasNotText: 'Loading' }).waitFor();
  await page.evaluate(() => { window.__noReload = true; });
}

export const OVERVIEW_TESTS = [
  ['overview: moat-loadgen events arrive live in the counters, the chart, the lists and the events table', async (ctx, admin) => {
    const { slug, token } = await project(admin);
    await admin.ingest(token, [event({ interceptor: 'xss', action: 'logged', endpoint: '/before', source_ip: '192.0.2.1' })]);
    const page = await ctx.page();
    await ctx.signIn(page);
    await openOverview(ctx, page, slug);
    await waitText(page, '#ov-total', '1');
    await page.waitForFunction(() => window.Chart?.getChart(document.getElementById('ov-chart')));
    assert.deepEqual(await chartSums(page), { xss: 1 });
    assert.equal(await text(page, '#ov-online'), '0');
    // a second page watches the events table
    const events = await ctx.page();
    await ctx.signIn(events);
    await events.goto(`${ctx.srv.base}/#/p/${slug}/events`);
    await events.locator('#events tbody tr').first().waitFor();
    await events.locator('#live-state', { hasText: /^Live$/ }).waitFor();

    const lg = ctx.spawn('moat-loadgen', ['--url', `ws://127.0.0.1:${ctx.srv.agentPort}/v1/agent`, '--token', token,
      '--env', 'production', '--agents', '1', '--events', '40', '--id-prefix', 'ov-lg-']);
    await waitOutput(lg, /events acked 40/);
    const acked = Date.now();
    // loadgen's events: numbers 0..39; logged when n % 3 == 0 (14), else blocked (26);
    // interceptors by n % 5, endpoints /loadgen/(n % 4), addresses 198.51.100.(n % 7 + 1)
    await waitText(page, '#ov-total', '41');
    console.log(`     the counters showed all 40 live events ${Date.now() - acked} ms after loadgen's last ack was printed`);
    await waitText(page, '#ov-blocked', '26');
    await waitText(page, '#ov-logged', '15');
    await page.waitForFunction(() => {
      const c = window.Chart.getChart(document.getElementById('ov-chart'));
      return c.data.datasets.reduce((a, d) => a + d.data.reduce((x, y) => x + y, 0), 0) === 41;
    });
    assert.deepEqual(await chartSums(page), { sql_injection: 8, xss: 9, command_injection: 8, ssrf: 8, path_traversal: 8 });
    await page.locator('#ov-endpoints tbody tr').nth(4).waitFor();
    const top = await page.locator('#ov-endpoints tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
    assert.deepEqual(top.slice(0, 4), [['/loadgen/0', '10'], ['/loadgen/1', '10'], ['/loadgen/2', '10'], ['/loadgen/3', '10']]);
    assert.deepEqual(top[4], ['/before', '1']);
    await page.locator('#ov-sources tbody tr').nth(7).waitFor();
    // the loadgen's agent is online (an agent note)
    await waitText(page, '#ov-online', '1');
    assert.equal(await page.evaluate(() => window.__noReload), true, 'no reload');
    // the events table took them live too
    await events.waitForFunction(() => document.querySelectorAll('#events tbody tr').length === 41);
    await ctx.screen(page, 'overview');
    // a source address opens the events it sent
    await page.locator('#ov-sources tbody tr').first().getByRole('link').click();
    await page.waitForURL(/source_ip=198\.51\.100\./);
    await page.waitForFunction(() => document.querySelector('#events-state .count'));
    assert.match(await page.getByLabel('Source address').inputValue(), /^198\.51\.100\.\d$/);
  }],

  ['overview: a running moat-agent-demo shows online and the rollout follows a policy change without a reload', async (ctx, admin) => {
    const { slug, token } = await project(admin);
    const page = await ctx.page();
    await ctx.signIn(page);
    await openOverview(ctx, page, slug);
    const row = '#ov-rollout tr[data-env="production"]';
    await waitText(page, `${row} .latest`, 'v1');
    assert.equal(await text(page, `${row} .online`), '0');
    const demo = ctx.spawn('moat-agent-demo', ['--url', `ws://127.0.0.1:${ctx.srv.agentPort}/v1/agent`, '--token', token,
      '--env', 'production', '--id', 'demo-ov-1', '--hostname', 'demo-host']);
    await waitOutput(demo, /policy version 1 /);
    await waitText(page, '#ov-online', '1');
    await waitText(page, `${row} .on-latest`, '1');
    // a new version (the admin API: the policy editor is another screen)
    const put = await admin.req('PUT', `/api/v1/projects/${slug}/environments/production/policy`,
      { interceptors: { sql_injection: { mode: 'block' }, xss: { mode: 'block' } } }, { expect: 200 });
    assert.equal(put.body.version, 2);
    await waitOutput(demo, /policy version 2 /);
    await waitText(page, `${row} .latest`, 'v2');
    await waitText(page, `${row} .on-latest`, '1');
    assert.equal(await text(page, `${row} .older`), '0');
    assert.equal(await page.evaluate(() => window.__noReload), true, 'no reload');
    await ctx.screen(page, 'overview-agents');
    // the agent stops: offline without a reload
    demo.kill('SIGTERM');
    await waitText(page, '#ov-online', '0');
    await waitText(page, `${row} .offline`, '1');
    // the projects list: agents and versions
    await page.goto(`${ctx.srv.base}/#/projects`);
    await page.locator(`tr[data-slug="${slug}"] .agents`, { hasText: /^0$/ }).waitFor();
    await page.locator(`tr[data-slug="${slug}"] .env-versions`, { hasText: 'production v2' }).waitFor();
  }],

  ['overview: without the chart library the numbers stay and a note says why', async (ctx, admin) => {
    const { slug, token } = await project(admin);
    await admin.ingest(token, [event(), event({ action: 'logged' })]);
    const page = await ctx.page();
    await page.route('**/vendor/chart.js', (r) => r.fulfill({ status: 404, contentType: 'application/problem+json', body: '{}' }));
    await ctx.signIn(page);
    await openOverview(ctx, page, slug);
    await page.locator('#chart-missing').waitFor();
    assert.ok(await page.locator('#ov-chart').isHidden());
    await waitText(page, '#ov-total', '2');
    await waitText(page, '#ov-blocked', '1');
    await ctx.screen(page, 'overview-no-chart');
  }],

  ['overview: an empty project shows its empty states', async (ctx, admin) => {
    const { slug } = await project(admin);
    const page = await ctx.page();
    await ctx.signIn(page);
    await openOverview(ctx, page, slug);
    await waitText(page, '#ov-total', '0');
    await page.locator('#ov-endpoints').filter({ hasText: 'None in the last 24 hours.' }).waitFor();
    assert.equal(await text(page, '#ov-rollout tr[data-env="production"] .online'), '0');
    await ctx.screen(page, 'overview-empty');
    // the project navigation leads here
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Events' }).click();
    await page.locator('#events-empty').waitFor();
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
  }],

  // A keyboard user who moves on while the screen still loads keeps the
  // focus where they put it: the screen takes it once, when it is drawn,
  // not again when its last request answers (that stole a focused link
  // and the Enter meant for it; CI at eebd0cc).
  ['overview: focus moved while the screen loads stays where the keyboard put it', async (ctx, admin) => {
    const { slug } = await project(admin);
    const page = await ctx.page();
    let release;
    const held = new Promise((r) => { release = r; });
    await ctx.signIn(page);
    await page.goto(`${ctx.srv.base}/#/projects`);
    await page.getByRole('link', { name: slug, exact: true }).waitFor();
    await page.route('**/stats?*', async (route) => { await held; await route.continue(); });
    await page.getByRole('link', { name: slug, exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'view', 'the drawn screen takes the focus');
    const attacks = page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Attacks' });
    await attacks.focus();
    release();
    await waitText(page, '#ov-total', '0');
    await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Attacks',
      'the focus stays on the link the keyboard moved to');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Attacks' }).waitFor();
  }],

  ['overview: attacker text in endpoints and addresses is text, live and loaded', async (ctx, admin) => {
    const { slug, token } = await project(admin);
    const evs = PAYLOADS.slice(0, 8).map((p, i) => event({ endpoint: p, source_ip: `203.0.113.${i + 1}`, ts: new Date(Date.now() - i * 1000).toISOString() }));
    await admin.ingest(token, evs.slice(0, 4));
    const page = await ctx.page({ bypassCSP: true });
    await ctx.signIn(page);
    await openOverview(ctx, page, slug);
    await page.locator('#ov-endpoints tbody tr').nth(3).waitFor();
    await admin.ingest(token, evs.slice(4));
    await page.locator('#ov-endpoints tbody tr').nth(7).waitFor();
    const cells = await page.locator('#ov-endpoints tbody tr td:first-child').allTextContents();
    assert.deepEqual(cells.sort(), evs.map((e) => e.endpoint).sort(), 'every endpoint literally');
    await page.evaluate(() => Promise.all([...document.images].map((i) => (i.complete ? null
      : new Promise((r) => { i.addEventListener('load', r); i.addEventListener('error', r); })))));
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'a payload ran');
    assert.equal(await page.locator('#view img, #view svg, #view iframe, #view script, #view object, #view embed').count(), 0,
      'no element built from a payload');
    assert.ok(!(await page.title()).includes('<'));
  }],
];

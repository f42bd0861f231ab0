// Browser tests of the events screens beyond tests.mjs: bulk triage of
// what the filters select, every API filter through the form, the URL, the
// API call and the export, the loading and error states, and two checks
// of the whole dashboard: no screen scrolls sideways at 390 px, and the
// dashboard's own code stays under 150 KB.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { event, unique } from './harness.mjs';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');
// The "under 150 KB before compression", KB read as KiB (1024
// bytes): every file of web/ (comments included; the chart library is
// served from its Debian package, not from web/).
const MAX_WEB_BYTES = 150 * 1024;

async function newProject(admin) {
  const slug = unique('ev').replace(/[^a-z0-9-]/g, '');
  await admin.createProject(slug, `Project ${slug}`);
  const token = await admin.agentToken(slug);
  return { slug, token };
}

async function ingestMany(admin, token, events, environment = 'production', agentId = undefined) {
  for (let i = 0; i < events.length; i += 500) {
    const body = { events: events.slice(i, i + 500), environment };
    if (agentId) body.agent_id = agentId;
    const r = await admin.req('POST', '/api/v1/agent/events', body, { token, expect: 200 });
    assert.equal(r.body.accepted, body.events.length, JSON.stringify(r.body).slice(0, 300));
  }
}

// Every event of a search, through the API's pages.
async function allEvents(admin, slug, query) {
  const out = [];
  let cursor = null;
  do {
    const q = new URLSearchParams(query);
    q.set('limit', '500');
    if (cursor) q.set('cursor', cursor);
    const r = await admin.req('GET', `/api/v1/projects/${slug}/events?${q}`, undefined, { expect: 200 });
    out.push(...r.body.events);
    cursor = r.body.next_cursor;
  } while (cursor);
  return out;
}

function countBy(events, key) {
  const m = {};
  for (const e of events) m[e[key]] = (m[e[key]] || 0) + 1;
  return m;
}

// "2026-12-02T09:41" in the local time of this machine (chromium's too):
// what <input type=datetime-local> takes.
function localInput(ms) {
  const d = new Date(ms);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

async function waitRows(page, n) {
  await page.waitForFunction((k) => document.querySelectorAll('#events tbody tr').length === k
    && document.querySelector('#events-state .count'), n);
}

export const EVENT_TESTS = [
  ['bulk triage: everything the filters select, confirmed, in calls of 10,000, with progress and stop', async (ctx, admin) => {
    const { slug, token } = await newProject(admin);
    const t0 = Date.now() - 3600000;
    const ts = (i) => new Date(t0 + i).toISOString();
    // 10,300 match (two calls of the API), 70 do not
    const match = Array.from({ length: 10300 }, (_, i) => event({ ts: ts(i), interceptor: 'xss', action: 'blocked', endpoint: `/m/${i % 7}` }));
    const other = [
      ...Array.from({ length: 40 }, (_, i) => event({ ts: ts(20000 + i), interceptor: 'xss', action: 'logged' })),
      ...Array.from({ length: 30 }, (_, i) => event({ ts: ts(30000 + i), interceptor: 'ssrf', action: 'blocked' })),
    ];
    await ingestMany(admin, token, [...match, ...other]);
    const page = await ctx.page();
    await ctx.signIn(page);
    await page.goto(`${ctx.srv.base}/#/p/${slug}/events?interceptor=xss&action=blocked`);
    await waitRows(page, 50);
    // the first call is held until Stop is pressed: the loop must end after it
    let release;
    const held = new Promise((r) => { release = r; });
    let calls = 0;
    const bodies = [];
    await page.route('**/events/triage', async (route) => {
      calls++;
      bodies.push(route.request().postDataJSON());
      if (calls === 1) await held;
      await route.continue();
    });
    await page.getByLabel('New status').selectOption('resolved');
    await page.getByRole('button', { name: 'Triage all matching…' }).click();
    const question = page.locator('#bulk-question');
    await question.filter({ hasText: 'all 10,300 events' }).waitFor();
    assert.match(await question.textContent(), /interceptor = xss, action = blocked/, 'the confirmation names the filters');
    assert.match(await question.textContent(), /“Resolved”/);
    assert.equal(calls, 0, 'nothing is changed before the confirmation');
    await ctx.screen(page, 'events-bulk-confirm');
    // Cancel at the question changes nothing
    await page.locator('#bulk-back').click();
    await page.locator('#bulk-question').waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Triage all matching…' }).click();
    await page.getByRole('button', { name: 'Mark 10,300 events Resolved' }).click();
    await page.locator('#bulk-done', { hasText: '0 of 10,300 updated' }).waitFor();
    await ctx.screen(page, 'events-bulk-running');
    await page.getByRole('button', { name: 'Stop' }).click();
    release();
    await page.locator('#bulk-result', { hasText: 'Stopped: 10,000 events marked Resolved' }).waitFor();
    assert.equal(calls, 1, 'stopped after the call in flight');
    assert.deepEqual(bodies[0], { status: 'resolved', filters: { interceptor: 'xss', action: 'blocked' } });
    assert.equal(await page.locator('#bulk-result').getAttribute('role'), 'status', 'the result is announced');
    let st = countBy(await allEvents(admin, slug, { interceptor: 'xss', action: 'blocked' }), 'status');
    assert.deepEqual(st, { resolved: 10000, new: 300 });
    // again: the rest, then the table reflects it
    await page.getByRole('button', { name: 'Triage all matching…' }).click();
    await page.locator('#bulk-question', { hasText: '10,300 events match these filters, 10,000 of them “Resolved” already: mark the other 300 as “Resolved”?' }).waitFor();
    await page.getByRole('button', { name: 'Mark 300 events Resolved' }).click();
    await page.locator('#bulk-result', { hasText: 'Done: 300 events marked Resolved.' }).waitFor();
    assert.equal(await page.locator('#bulk-done').textContent(), '300 of 300 updated', 'progress counts the events to change');
    assert.equal(await page.locator('#announce').textContent(), 'Done: 300 events marked Resolved.');
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('#events tbody tr td:last-child')].map((td) => td.textContent);
      return cells.length === 50 && cells.every((c) => c === 'resolved');
    });
    const matching = await allEvents(admin, slug, { interceptor: 'xss', action: 'blocked' });
    assert.equal(matching.length, 10300);
    assert.ok(matching.every((e) => e.status === 'resolved'), 'every matching event changed');
    const rest = [...await allEvents(admin, slug, { action: 'logged' }), ...await allEvents(admin, slug, { interceptor: 'ssrf' })];
    assert.equal(rest.length, 70);
    assert.ok(rest.every((e) => e.status === 'new'), 'no other event changed');
    // nothing left to change: said so, no question
    await page.getByRole('button', { name: 'Triage all matching…' }).click();
    await page.locator('#bulk-result', { hasText: 'Every event these filters select is “Resolved” already: nothing to change.' }).waitFor();
    assert.ok(await page.locator('#bulk-question').isHidden());
    await page.unroute('**/events/triage');
    // a filter on status: the triaged events leave the table
    await page.goto(`${ctx.srv.base}/#/p/${slug}/events?interceptor=ssrf&status=new`);
    await waitRows(page, 30);
    await page.getByLabel('New status').selectOption('acknowledged');
    await page.getByRole('button', { name: 'Triage all matching…' }).click();
    await page.getByRole('button', { name: 'Mark 30 events Acknowledged' }).click();
    await page.locator('#bulk-result', { hasText: 'Done: 30 events marked Acknowledged.' }).waitFor();
    await page.locator('#events-empty').waitFor();
    st = countBy(await allEvents(admin, slug, { interceptor: 'ssrf' }), 'status');
    assert.deepEqual(st, { acknowledged: 30 });
    // nothing left to triage: said so, no question asked
    await page.getByRole('button', { name: 'Triage all matching…' }).click();
    await page.locator('#bulk-result', { hasText: 'No event matches these filters: nothing to triage.' }).waitFor();
    assert.ok(await page.locator('#bulk-question').isHidden());
  }],

  ['an archived project\'s events offer no triage, in bulk or one by one; a viewer gets none either', async (ctx, admin) => {
    const { slug, token } = await newProject(admin);
    const e = event({ endpoint: '/archived' });
    await ingestMany(admin, token, [e]);
    const page = await ctx.page();
    await ctx.signIn(page);
    await page.goto(`${ctx.srv.base}/#/p/${slug}/events`);
    await waitRows(page, 1);
    await page.locator('#bulk-triage').waitFor();
    await admin.req('PATCH', `/api/v1/projects/${slug}`, { archived: true }, { expect: 200 });
    await page.reload();
    await waitRows(page, 1);
    await page.locator('#archived-note').waitFor();
    assert.equal(await page.locator('#bulk-triage').count(), 0, 'no bulk triage');
    await page.goto(`${ctx.srv.base}/#/p/${slug}/events/${e.id}`);
    await page.locator('#event-raw').waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Triage' }).count(), 0, 'no triage of one event');
    await admin.req('PATCH', `/api/v1/projects/${slug}`, { archived: false }, { expect: 200 });
    // a viewer
    const email = `${unique('viewer')}@example.com`;
    await admin.req('POST', '/api/v1/users', { email, password: 'viewer-Passw0rd-long-enough', role: 'viewer' }, { expect: 201 });
    const vpage = await ctx.page();
    await vpage.goto(`${ctx.srv.base}/`);
    await vpage.getByLabel('Email').fill(email);
    await vpage.getByLabel('Password').fill('viewer-Passw0rd-long-enough');
    await vpage.getByRole('button', { name: 'Sign in' }).click();
    await vpage.getByRole('button', { name: 'Sign out' }).waitFor();
    await vpage.goto(`${ctx.srv.base}/#/p/${slug}/events`);
    await waitRows(vpage, 1);
    assert.equal(await vpage.locator('#bulk-triage').count(), 0, 'no bulk triage for a viewer');
    await vpage.goto(`${ctx.srv.base}/#/p/${slug}/events/${e.id}`);
    await vpage.locator('#event-raw').waitFor();
    assert.equal(await vpage.getByRole('heading', { name: 'Triage' }).count(), 0, 'no triage for a viewer');
  }],

  ['every API filter is in the form, the URL, the API call and the export; the detail shows agent and raw JSON', async (ctx, admin) => {
    const { slug, token } = await newProject(admin);
    await admin.req('POST', `/api/v1/projects/${slug}/environments`, { name: 'staging' }, { expect: 201 });
    const now = Date.now();
    const base = {
      ts: new Date(now - 2 * 3600000).toISOString(), interceptor: 'xss', action: 'logged', severity: 'critical',
      source_ip: '198.51.100.77', endpoint: '/filter/target', payload: 'zebrafish <b>bold</b>', method: 'POST',
    };
    const target = event({ ...base, operation: 'render zebrafish', location: { file: 'app/t.py', line: 7, function: 'f' } });
    // each decoy differs from the target in one filter's field
    const decoys = {
      interceptor: event({ ...base, interceptor: 'ssrf' }),
      action: event({ ...base, action: 'blocked' }),
      severity: event({ ...base, severity: 'low' }),
      source_ip: event({ ...base, source_ip: '203.0.113.5' }),
      endpoint: event({ ...base, endpoint: '/filter/other' }),
      since: event({ ...base, ts: new Date(now - 5 * 3600000).toISOString() }),
      until: event({ ...base, ts: new Date(now - 600000).toISOString() }),
      q: event({ ...base, payload: 'nothing here' }),
      status: event({ ...base }),
    };
    await ingestMany(admin, token, [target, ...Object.values(decoys)], 'staging', 'agent-target');
    const agentDecoy = event({ ...base });
    await ingestMany(admin, token, [agentDecoy], 'staging', 'agent-other');
    const envDecoy = event({ ...base });
    await ingestMany(admin, token, [envDecoy], 'production', 'agent-target');
    await admin.req('POST', `/api/v1/projects/${slug}/events/triage`, { status: 'acknowledged' }, { expect: 200 });
    await admin.req('PATCH', `/api/v1/projects/${slug}/events/${decoys.status.id}`, { status: 'new' }, { expect: 200 });

    const page = await ctx.page();
    await ctx.signIn(page);
    await page.goto(`${ctx.srv.base}/#/p/${slug}/events`);
    await waitRows(page, 12);
    const since = now - 3 * 3600000;
    const until = now - 3600000;
    await page.getByLabel('Environment').selectOption('staging');
    await page.getByLabel('Interceptor').selectOption('xss');
    await page.getByLabel('Action').selectOption('logged');
    await page.getByLabel('Severity').selectOption('critical');
    await page.getByLabel('Status', { exact: true }).selectOption('acknowledged');
    await page.getByLabel('Agent').fill('agent-target');
    await page.getByLabel('Source address').fill('198.51.100.0/24');
    await page.getByLabel('Endpoint').fill('/filter/t*');
    await page.getByLabel('Since').fill(localInput(since));
    await page.getByLabel('Until').fill(localInput(until));
    await page.getByLabel('Search').fill('zebrafish');
    const asked = page.waitForRequest((r) => /\/events\?/.test(r.url()) && r.url().includes('q=zebrafish'));
    await page.getByRole('button', { name: 'Apply' }).click();
    const req = new URL((await asked).url());
    await waitRows(page, 1);
    assert.equal(await page.locator('#events tbody tr').getAttribute('data-id'), target.id, 'only the target passes every filter');
    const minute = (ms) => new Date(Math.floor(ms / 60000) * 60000).toISOString();
    const want = {
      environment: 'staging', interceptor: 'xss', action: 'logged', severity: 'critical', status: 'acknowledged',
      agent: 'agent-target', source_ip: '198.51.100.0/24', endpoint: '/filter/t*',
      since: minute(since), until: minute(until), q: 'zebrafish',
    };
    const inUrl = Object.fromEntries(new URLSearchParams(new URL(page.url()).hash.split('?')[1]));
    assert.deepEqual(inUrl, want, 'every filter is in the URL');
    for (const [k, v] of Object.entries(want)) assert.equal(req.searchParams.get(k), v, `the API call has ${k}`);
    // the export links carry every filter; the NDJSON holds the one event
    for (const fmt of ['csv', 'ndjson']) {
      const href = new URL(await page.locator(`#export-${fmt}`).getAttribute('href'), ctx.srv.base);
      for (const [k, v] of Object.entries(want)) assert.equal(href.searchParams.get(k), v, `${fmt} export has ${k}`);
      assert.equal(href.searchParams.get('format'), fmt);
    }
    const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('#export-ndjson').click()]);
    const lines = fs.readFileSync(await dl.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.id), [target.id]);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
    const rows = fs.readFileSync(await csv.path(), 'utf8').trim().split('\r\n');
    assert.equal(rows.length, 2, 'CSV: the header and the one event');
    assert.ok(rows[1].includes(target.id));
    // the bookmark: a reload keeps every filter in the form
    await page.reload();
    await waitRows(page, 1);
    assert.equal(await page.getByLabel('Source address').inputValue(), '198.51.100.0/24');
    assert.equal(await page.getByLabel('Since').inputValue(), localInput(since));
    assert.equal(await page.getByLabel('Status', { exact: true }).inputValue(), 'acknowledged');
    await ctx.screen(page, 'events-every-filter');
    // the detail: agent, code location, payload and operation literally, raw JSON
    await page.locator(`#events tr[data-id="${target.id}"] a`).click();
    await page.locator('#event-raw').waitFor();
    const detail = await page.locator('#event-detail').textContent();
    assert.ok(detail.includes('agent-target'), 'the agent');
    assert.ok(detail.includes('app/t.py:7'), 'the code location');
    assert.equal(await page.locator('#event-payload').textContent(), 'zebrafish <b>bold</b>');
    assert.equal(await page.locator('#event-operation').textContent(), 'render zebrafish');
    const raw = JSON.parse(await page.locator('#event-raw').textContent());
    assert.equal(raw.id, target.id);
    assert.equal(raw.agent_id, 'agent-target');
    assert.equal(raw.environment, 'staging');
  }],

  ['the events screens show their loading, empty and error states', async (ctx, admin) => {
    const { slug, token } = await newProject(admin);
    const e = event({ endpoint: '/state' });
    await ingestMany(admin, token, [e]);
    const page = await ctx.page();
    await ctx.signIn(page);
    // loading: the list answers late
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/events?*', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${ctx.srv.base}/#/p/${slug}/events`);
    await page.getByRole('status').filter({ hasText: 'Loading events…' }).first().waitFor();
    release();
    await waitRows(page, 1);
    await page.unroute('**/events?*');
    // error: the list fails (a problem+json of the server)
    await page.route('**/events?*', (route) => route.fulfill({
      status: 503, contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: 'Unavailable', status: 503, code: 'unavailable', detail: 'The database is <busy>.' }),
    }));
    await page.goto(`${ctx.srv.base}/#/p/${slug}/events?interceptor=xss`);
    await page.locator('#events-state').getByRole('alert').filter({ hasText: 'The database is <busy>.' }).waitFor();
    assert.equal(await page.locator('#events tbody tr').count(), 0);
    await ctx.screen(page, 'events-error');
    await page.unroute('**/events?*');
    // the server cannot be reached at all
    await page.route('**/events?*', (route) => route.abort());
    await page.goto(`${ctx.srv.base}/#/p/${slug}/events?action=logged`);
    await page.locator('#events-state').getByRole('alert').filter({ hasText: 'The server cannot be reached.' }).waitFor();
    await page.unroute('**/events?*');
    // empty: a filter that selects nothing says so
    await page.goto(`${ctx.srv.base}/#/p/${slug}/events?endpoint=/none`);
    await page.locator('#events-empty', { hasText: 'No event matches these filters.' }).waitFor();
    // an event that does not exist: its error, not a blank page
    await page.goto(`${ctx.srv.base}/#/p/${slug}/events/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('alert').waitFor();
    await page.getByRole('heading', { name: 'Something went wrong' }).waitFor();
    // the attacks screen's error
    await page.route('**/events/groups?*', (route) => route.fulfill({
      status: 500, contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: 'Internal error', status: 500, code: 'internal' }),
    }));
    await page.goto(`${ctx.srv.base}/#/p/${slug}/attacks`);
    await page.locator('#groups-state').getByRole('alert').waitFor();
  }],

  ['no screen scrolls sideways at 390 px', async (ctx, admin) => {
    const { slug, token } = await newProject(admin);
    const long = 'x'.repeat(400);
    const e = event({ endpoint: `/very/long/${long}`, payload: `${long} ${long}`, operation: long, source_ip: '2001:db8:ffff:ffff:ffff:ffff:ffff:fffe', location: { file: `app/${long}.py`, line: 1, function: long.slice(0, 200) } });
    await ingestMany(admin, token, [e, event({ endpoint: '/b' })]);
    const page = await ctx.page();
    await page.setViewportSize({ width: 390, height: 800 });
    const checked = [];
    const check = async (what) => {
      const r = await ctx.noSidewaysScroll(page, what);
      assert.ok(r.scroll <= r.client, `${what}: scrollWidth ${r.scroll} > clientWidth ${r.client} (${r.wide.join(', ')})`);
      checked.push(what);
    };
    await page.goto(`${ctx.srv.base}/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await check('sign in');
    // the checker itself: something wide must be caught
    await page.evaluate(() => {
      const d = Object.assign(document.createElement('div'), { id: 'wide' });
      d.style.width = '2000px'; // CSSOM, which the CSP allows (a style attribute it would refuse)
      d.style.height = '1px';
      document.getElementById('view').append(d);
    });
    const bad = await ctx.noSidewaysScroll(page, 'self-check');
    ctx.problems.pop();
    assert.ok(bad.scroll > bad.client && bad.wide.includes('div#wide'), 'the check sees a page that scrolls sideways');
    await ctx.signIn(page);
    const visit = async (hash) => {
      await page.goto(`${ctx.srv.base}/${hash}`);
      await page.waitForFunction(() => !document.querySelector('#view [role="status"].state')
        && !/^Loading/.test(document.querySelector('#view').textContent.trim()));
      await page.waitForTimeout(100);
      await check(hash);
    };
    await visit('#/projects');
    // every link of the main and the project navigation (screens added later are found too)
    await visit(`#/p/${slug}/events`);
    const hashes = await page.evaluate(() => [...document.querySelectorAll('#nav a, nav.tabs a')].map((a) => a.getAttribute('href')));
    const more = [`#/p/${slug}/events?interceptor=sql_injection&endpoint=/very/*`, `#/p/${slug}/events/${e.id}`,
      `#/p/${slug}/attacks?by=source_ip`, '#/nowhere', '#/p/no-such-project/events'];
    for (const hash of [...new Set([...hashes, ...more])]) await visit(hash);
    // the bulk triage question, open
    await page.goto(`${ctx.srv.base}/#/p/${slug}/events`);
    await page.getByRole('button', { name: 'Triage all matching…' }).click();
    await page.locator('#bulk-question').waitFor();
    await check('bulk triage question');
    // the false positive's confirmation, which names the long endpoint
    await page.goto(`${ctx.srv.base}/#/p/${slug}/events/${e.id}`);
    await page.locator('#exclusion-ask').click();
    await page.locator('#exclusion-what').waitFor();
    await check('exclusion confirmation');
    console.log(`     390 px, no sideways scroll: ${checked.length} screens (${checked.join(' ')})`);
  }],

  ['the dashboard\'s own code stays under 150 KB before compression', async () => {
    let total = 0;
    const files = [];
    const walk = (dir) => {
      for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, d.name);
        if (d.isDirectory()) walk(p);
        else {
          const n = fs.statSync(p).size;
          total += n;
          files.push(`${path.relative(WEB, p)} ${n}`);
        }
      }
    };
    walk(WEB); // the chart library is served from its Debian package, not from web/
    console.log(`     web/: ${files.length} files, ${total} bytes (limit ${MAX_WEB_BYTES})`);
    assert.ok(total < MAX_WEB_BYTES, `web/ holds ${total} bytes: ${files.join(', ')}`);
  }],
];

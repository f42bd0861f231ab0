// The dashboard's browser tests: [name, async (ctx, admin) => {...}].
// ctx: run.mjs's Ctx (pages with guards, screen() for screenshots and
// axe-core); admin: an Api signed in as the admin, for setting up data.
import assert from 'node:assert/strict';
import { event, unique } from './harness.mjs';
import { PAYLOADS } from './xss.mjs';

async function projectWithEvents(admin, events) {
  const slug = unique('p').replace(/[^a-z0-9-]/g, '');
  await admin.createProject(slug, `Project ${slug}`);
  const token = await admin.agentToken(slug);
  if (events.length) await admin.ingest(token, events);
  return { slug, token };
}

async function rowCount(page) {
  return page.locator('#events tbody tr').count();
}

export const TESTS = [
  ['sign in, who am I, sign out', async (ctx) => {
    const page = await ctx.page();
    await page.goto(ctx.srv.base + '/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await ctx.screen(page, 'sign-in');
    await page.getByLabel('Email').fill('admin@localhost');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();
    await ctx.signIn(page);
    assert.equal(await page.locator('#who-email').textContent(), 'admin@localhost');
    assert.equal(await page.locator('#who-role').textContent(), 'admin');
    // the session survives a reload (who am I asks the server)
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    assert.equal(me, 401, 'the session ended on the server');
  }],

  ['create a project from the projects screen', async (ctx, admin) => {
    const page = await ctx.page();
    await ctx.signIn(page);
    await page.locator('#projects-list').filter({ hasNotText: 'Loading' }).waitFor();
    const slug = unique('ui').replace(/[^a-z0-9-]/g, '');
    await page.getByLabel('Slug').fill(slug);
    await page.getByLabel('Name').fill('Shop <b>front</b>');
    await page.getByRole('button', { name: 'Create project' }).click();
    const link = page.getByRole('link', { name: slug, exact: true });
    await link.waitFor();
    await page.getByRole('cell', { name: 'Shop <b>front</b>' }).waitFor();
    await page.locator(`tr[data-slug="${slug}"] .last24`, { hasText: '0 blocked · 0 logged' }).waitFor();
    // a project with events: its last 24 hours in the list
    const busy = await projectWithEvents(admin, [event(), event(), event({ action: 'logged' })]);
    await admin.req('PUT', `/api/v1/projects/${busy.slug}/environments/production/policy`,
      { interceptors: { xss: { mode: 'block' } } }, { expect: 200 });
    await page.reload();
    await page.locator(`tr[data-slug="${busy.slug}"] .last24`, { hasText: '2 blocked · 1 logged' }).waitFor();
    // agents online and each environment's policy version
    await page.locator(`tr[data-slug="${busy.slug}"] .agents`, { hasText: /^0$/ }).waitFor();
    await page.locator(`tr[data-slug="${busy.slug}"] .env-versions`, { hasText: /^production v2$/ }).waitFor();
    await page.locator(`tr[data-slug="${slug}"] .env-versions`, { hasText: /^production v1$/ }).waitFor();
    const got = await admin.req('GET', `/api/v1/projects/${slug}`, undefined, { expect: 200 });
    assert.equal(got.body.name, 'Shop <b>front</b>');
    // a taken slug: the server's sentence, shown next to the form
    await page.getByLabel('Slug').fill(slug);
    await page.getByLabel('Name').fill('again');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.locator('#create-project ~ .error, .panel .error').filter({ hasText: /./ }).waitFor();
    await ctx.screen(page, 'projects');
    // keyboard alone: the project's link opens its overview, then its attacks and events
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Attacks' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Attacks' }).waitFor();
    await page.locator('#groups-empty').waitFor();
    await ctx.screen(page, 'attacks-empty');
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Events' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#events-empty').waitFor();
    await ctx.screen(page, 'events-empty');
  }],

  ['ingested events appear in the table and open in detail', async (ctx, admin) => {
    const now = Date.now();
    const events = [
      event({ ts: new Date(now - 60000).toISOString(), interceptor: 'xss', action: 'logged', endpoint: '/search', method: 'GET', payload: 'q=<b>hi</b>', source_ip: '203.0.113.7' }),
      event({ ts: new Date(now - 30000).toISOString(), endpoint: '/login', method: 'POST', payload: "' OR 1=1 --", operation: "SELECT * FROM users WHERE name = '' OR 1=1 --'", location: { file: 'app/db.py', line: 42, function: 'find_user' }, rule: 'sqli.tautology' }),
    ];
    const { slug } = await projectWithEvents(admin, events);
    const page = await ctx.page();
    await ctx.signIn(page);
    await page.goto(`${ctx.srv.base}/#/p/${slug}/events`);
    await page.locator('#events tbody tr').nth(1).waitFor();
    assert.equal(await rowCount(page), 2);
    // newest first
    assert.equal(await page.locator('#events tbody tr').first().getAttribute('data-id'), events[1].id);
    await ctx.screen(page, 'events');
    await page.locator(`#events tr[data-id="${events[1].id}"] a`).click();
    await page.locator('#event-payload').waitFor();
    assert.equal(await page.locator('#event-payload').textContent(), "' OR 1=1 --");
    assert.equal(await page.locator('#event-operation').textContent(), events[1].operation);
    await page.locator('#event-detail').getByText('app/db.py:42').waitFor();
    await ctx.screen(page, 'event-detail');
    await page.goBack();
    await page.locator('#events tbody tr').nth(1).waitFor();
  }],

  ['new events arrive live in the table; pause holds them back', async (ctx, admin) => {
    const { slug, token } = await projectWithEvents(admin, [event({ endpoint: '/old' })]);
    const page = await ctx.page();
    await ctx.signIn(page);
    await page.goto(`${ctx.srv.base}/#/p/${slug}/events?interceptor=xss`);
    await page.locator('#events-empty').waitFor();
    await page.locator('#live-state', { hasText: 'Live' }).filter({ hasText: /^Live$/ }).waitFor();
    // one that passes the filter and one that does not
    const a = event({ interceptor: 'xss', endpoint: '/live-a', payload: '<i>live</i>' });
    await admin.ingest(token, [event({ interceptor: 'ssrf', endpoint: '/other' }), a]);
    await page.locator(`#events tr[data-id="${a.id}"]`).waitFor();
    assert.equal(await rowCount(page), 1, 'only the event the filter selects');
    assert.ok((await page.locator('#events').textContent()).includes('<i>live</i>'));
    await page.getByRole('button', { name: 'Pause' }).click();
    const b = event({ interceptor: 'xss', endpoint: '/live-b' });
    await admin.ingest(token, [b]);
    await page.locator('#live-pending', { hasText: '1 new event waiting.' }).waitFor();
    assert.equal(await rowCount(page), 1, 'paused: the table holds still');
    await ctx.screen(page, 'events-live-paused');
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.locator(`#events tr[data-id="${b.id}"]`).waitFor();
    assert.equal(await page.locator('#events tbody tr').first().getAttribute('data-id'), b.id, 'newest first');
  }],

  ['attacks are grouped, open into their events and are triaged as a whole', async (ctx, admin) => {
    const now = Date.now();
    const t = (s) => new Date(now - s * 1000).toISOString();
    const events = [
      event({ ts: t(50), interceptor: 'xss', endpoint: '/search', action: 'blocked' }),
      event({ ts: t(40), interceptor: 'xss', endpoint: '/search', action: 'logged' }),
      event({ ts: t(30), interceptor: 'xss', endpoint: '/search', action: 'blocked' }),
      event({ ts: t(60), interceptor: 'sql_injection', endpoint: '/login' }),
    ];
    const { slug } = await projectWithEvents(admin, events);
    const page = await ctx.page();
    await ctx.signIn(page);
    await page.goto(`${ctx.srv.base}/#/p/${slug}/attacks`);
    await page.locator('#groups tbody tr').nth(1).waitFor();
    const cells = await page.locator('#groups tbody tr').first().locator('td').allTextContents();
    assert.deepEqual(cells.slice(0, 5), ['xss', '/search', '3', '2', '1'], 'newest group first with its counts');
    await ctx.screen(page, 'attacks');
    // a whole group triaged
    await page.getByLabel('Triage status for group 1').selectOption('resolved');
    await page.locator('#groups tbody tr').first().getByRole('button', { name: 'Apply' }).click();
    await page.locator('#groups tbody tr').first().getByText('Resolve: all 3 events of this group? Press Confirm.').waitFor();
    const asked = await admin.req('GET', `/api/v1/projects/${slug}/events?status=resolved`, undefined, { expect: 200 });
    assert.equal(asked.body.events.length, 0, 'the first click only asks');
    await page.locator('#groups tbody tr').first().getByRole('button', { name: 'Confirm: Resolve 3' }).click();
    await page.locator('#groups tbody tr').first().getByText('3 events updated.').waitFor();
    const st = await admin.req('GET', `/api/v1/projects/${slug}/events?status=resolved`, undefined, { expect: 200 });
    assert.deepEqual(st.body.events.map((e) => e.id).sort(), events.slice(0, 3).map((e) => e.id).sort());
    // the group opens into exactly its events
    await page.locator('#groups tbody tr').first().getByRole('link', { name: 'Events' }).click();
    await page.waitForFunction(() => document.querySelectorAll('#events tbody tr').length === 3
      && document.querySelector('#events-state .count'));
    assert.equal(await page.getByLabel('Interceptor').inputValue(), 'xss');
    // per source address, from the URL
    await page.goto(`${ctx.srv.base}/#/p/${slug}/attacks?by=source_ip`);
    await page.getByRole('columnheader', { name: 'Source' }).waitFor();
    assert.ok(await page.getByLabel('Per source address').isChecked());
  }],

  ['create a token, see its secret once, revoke it', async (ctx, admin) => {
    const { slug } = await projectWithEvents(admin, []);
    const page = await ctx.page();
    await ctx.signIn(page);
    await page.goto(`${ctx.srv.base}/#/p/${slug}/tokens`);
    await page.locator('#tokens').waitFor(); // the agent token made above
    await page.getByLabel('Name').fill('ci <b>pipeline</b>');
    await page.getByLabel('Kind').selectOption('ci');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = (await page.locator('#token-value').textContent()).trim();
    assert.match(secret, /^moat_ci_/);
    await page.getByText('it is shown only once').waitFor();
    await page.getByRole('cell', { name: 'ci <b>pipeline</b>', exact: true }).waitFor();
    const path = `/api/v1/projects/${slug}/events`;
    assert.equal((await admin.req('GET', path, undefined, { token: secret })).status, 200, 'the secret works');
    await ctx.screen(page, 'tokens');
    const revoke = page.getByRole('button', { name: 'Revoke ci <b>pipeline</b>' });
    await revoke.click();
    await page.getByRole('button', { name: 'Confirm revoke of ci <b>pipeline</b>' }).waitFor();
    assert.equal((await admin.req('GET', path, undefined, { token: secret })).status, 200, 'one click does not revoke');
    await page.getByRole('button', { name: 'Confirm revoke of ci <b>pipeline</b>' }).click();
    await page.locator('#tokens tr', { hasText: 'ci <b>pipeline</b>' }).getByRole('cell', { name: 'revoked' }).waitFor();
    assert.equal((await admin.req('GET', path, undefined, { token: secret })).status, 401, 'the revoked secret is refused');
  }],

  ['export downloads what the table shows; an event is triaged from its detail', async (ctx, admin) => {
    const events = [
      event({ interceptor: 'xss', endpoint: '/a', payload: '=cmd|x,"y"' }),
      event({ interceptor: 'ssrf', endpoint: '/b' }),
      event({ interceptor: 'xss', endpoint: '/shop/item', action: 'logged',
        details: { parameter: 'body.comment', input_kind: 'form' } }),
    ];
    const { slug } = await projectWithEvents(admin, events);
    const page = await ctx.page();
    await ctx.signIn(page);
    await page.goto(`${ctx.srv.base}/#/p/${slug}/events?interceptor=xss`);
    await page.waitForFunction(() => document.querySelectorAll('#events tbody tr').length === 2
      && document.querySelector('#events-state .count'));
    const shown = await page.locator('#events tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.id));
    const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('#export-ndjson').click()]);
    const fs = await import('node:fs');
    const lines = fs.readFileSync(await dl.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.id), shown, 'the NDJSON export holds the rows of the table, in order');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
    const text = fs.readFileSync(await csv.path(), 'utf8');
    assert.equal(text.trim().split('\r\n').length, 3, 'CSV: a header and the two rows');
    // triage: a false positive that adds an exclusion to the policy, for
    // the event's parameter only, after a confirmation that says so
    const policyPath = `/api/v1/projects/${slug}/environments/production/policy`;
    const version = async () => Number((await admin.req('GET', policyPath, undefined, { expect: 200 })).headers.get('etag').replace(/"/g, ''));
    const v0 = await version();
    await page.locator(`#events tr[data-id="${events[2].id}"] a`).click();
    await page.getByRole('heading', { name: 'Triage' }).waitFor();
    await page.locator('#event-detail', { hasText: 'body.comment' }).waitFor();
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.locator('#event-status', { hasText: 'acknowledged' }).waitFor();
    const narrow = 'xss at /shop/item, parameter body.comment only';
    await page.getByRole('button', { name: `False positive: stop reporting ${narrow}…` }).click();
    const what = await page.locator('#exclusion-what').textContent();
    assert.ok(what.includes(`policy of production`) && what.includes(`ignore ${narrow}`), `the confirmation says what: ${what}`);
    assert.ok(await page.getByText('The other parameters of /shop/item stay checked.').isVisible(), 'and what stays checked');
    assert.equal(await page.locator('#exclusion-wide').count(), 0, 'no whole-endpoint warning');
    await ctx.screen(page, 'event-exclusion-confirm');
    // cancelled: nothing changes
    await page.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await page.locator('#exclusion-what').count(), 0, 'the confirmation is gone');
    assert.equal(await page.locator('#event-status').textContent(), 'acknowledged', 'the status after cancel');
    assert.equal(await version(), v0, 'no policy version after cancel');
    await page.getByRole('button', { name: `False positive: stop reporting ${narrow}…` }).click();
    await page.getByRole('button', { name: 'Add the exclusion' }).click();
    await page.locator('#triage-result', { hasText: `Policy version ${v0 + 1} of production now ignores ${narrow}.` }).waitFor();
    assert.equal(await page.locator('#exclusion-what').count(), 0, 'the confirmation closes when done');
    assert.equal(await page.locator('#event-status').textContent(), 'false_positive');
    assert.equal(JSON.parse(await page.locator('#event-raw').textContent()).status, 'false_positive', 'raw JSON follows');
    let pol = await admin.req('GET', policyPath, undefined, { expect: 200 });
    assert.deepEqual(pol.body.exclusions.map((x) => [x.interceptor, x.endpoint, x.parameter, x.on_match]),
      [['xss', '/shop/item', 'body.comment', 'ignore']], 'the exclusion in the policy names the parameter');
    await ctx.screen(page, 'event-triaged');
    // an event that names no parameter: the whole endpoint, and the confirmation warns
    await page.goto(`${ctx.srv.base}/#/p/${slug}/events/${events[0].id}`);
    await page.getByRole('heading', { name: 'Triage' }).waitFor();
    const wide = 'xss at /a, every parameter';
    await page.getByRole('button', { name: `False positive: stop reporting ${wide}…` }).click();
    assert.ok((await page.locator('#exclusion-what').textContent()).includes(`ignore ${wide}`), 'the confirmation says the whole endpoint');
    assert.ok((await page.locator('#exclusion-wide').textContent()).includes('any input of /a'), 'and warns');
    await page.getByRole('button', { name: 'Add the exclusion' }).click();
    await page.locator('#triage-result', { hasText: `Policy version ${v0 + 2} of production now ignores ${wide}.` }).waitFor();
    pol = await admin.req('GET', policyPath, undefined, { expect: 200 });
    assert.deepEqual(pol.body.exclusions.map((x) => [x.endpoint, x.parameter === undefined]),
      [['/shop/item', false], ['/a', true]], 'the second exclusion covers the endpoint');
  }],

  ['filters live in the URL and survive a reload', async (ctx, admin) => {
    const events = [
      event({ interceptor: 'xss', action: 'logged', endpoint: '/a' }),
      event({ interceptor: 'ssrf', action: 'blocked', endpoint: '/b' }),
      event({ interceptor: 'xss', action: 'blocked', endpoint: '/c' }),
    ];
    const { slug } = await projectWithEvents(admin, events);
    const page = await ctx.page();
    await ctx.signIn(page);
    await page.goto(`${ctx.srv.base}/#/p/${slug}/events`);
    await page.locator('#events tbody tr').nth(2).waitFor();
    await page.getByLabel('Interceptor').selectOption('xss');
    await page.getByLabel('Action').selectOption('blocked');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/interceptor=xss/);
    const url = new URL(page.url());
    const q = new URLSearchParams(url.hash.split('?')[1]);
    assert.equal(q.get('interceptor'), 'xss');
    assert.equal(q.get('action'), 'blocked');
    const check = async () => {
      // the new view, not the one the hash change replaces
      await page.waitForFunction(() => document.querySelectorAll('#events tbody tr').length === 1
        && document.querySelector('#events-state .count')?.textContent === '1 event shown.');
      assert.equal(await page.locator('#events tbody tr').getAttribute('data-id'), events[2].id);
      assert.equal(await page.getByLabel('Interceptor').inputValue(), 'xss');
      assert.equal(await page.getByLabel('Action').inputValue(), 'blocked');
    };
    await check();
    await page.reload();
    await check();
    // a bookmarked URL with a filter that matches nothing: the empty state
    await page.goto(`${ctx.srv.base}/#/p/${slug}/events?interceptor=command_injection`);
    await page.locator('#events-empty').waitFor();
    assert.equal(await page.getByLabel('Interceptor').inputValue(), 'command_injection');
  }],

  ['stored XSS: attacker text in every field is shown as text, never run', async (ctx, admin) => {
    // Every string field of every event holds a different payload.
    const per = 7;
    const events = [];
    for (let i = 0; i * per < PAYLOADS.length; i++) {
      const p = (k) => PAYLOADS[(i * per + k) % PAYLOADS.length];
      events.push(event({
        ts: new Date(Date.now() - i * 1000).toISOString(),
        payload: p(0), operation: p(1), endpoint: p(2), rule: p(3).slice(0, 128),
        location: { file: p(4), line: 1, function: p(5) }, details: { note: p(6), parameter: `body.${p(6)}` },
        method: `<b>M${i}</b>`,
      }));
    }
    const { slug } = await projectWithEvents(admin, events);
    // Without the CSP: the dashboard itself must not run attacker text.
    const page = await ctx.page({ bypassCSP: true });
    await ctx.signIn(page);
    await page.goto(`${ctx.srv.base}/#/p/${slug}/events`);
    await page.locator('#events tbody tr').nth(events.length - 1).waitFor();
    // every image the page holds has loaded or failed (onerror ran, if any)
    await page.evaluate(() => Promise.all([...document.images].map((i) => (i.complete ? null
      : new Promise((r) => { i.addEventListener('load', r); i.addEventListener('error', r); })))));
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'a payload ran in the table');
    const tableText = await page.locator('#events').textContent();
    for (const e of events) {
      assert.ok(tableText.includes(e.payload), `payload shown literally: ${e.payload}`);
      assert.ok(tableText.includes(e.endpoint), `endpoint shown literally: ${e.endpoint}`);
      assert.ok(tableText.includes(e.method), `method shown literally: ${e.method}`);
    }
    await ctx.screen(page, 'xss-events');
    for (const e of events) {
      await page.goto(`${ctx.srv.base}/#/p/${slug}/events/${e.id}`);
      await page.waitForFunction((id) => document.querySelector('#event-raw')?.textContent.includes(id), e.id);
      assert.equal(await page.locator('#event-payload').textContent(), e.payload);
      assert.equal(await page.locator('#event-operation').textContent(), e.operation);
      const detail = await page.locator('#event-detail').textContent();
      for (const v of [e.endpoint, e.rule, e.location.function, e.method, e.details.parameter]) {
        assert.ok(detail.includes(v), `detail shows literally: ${v}`);
      }
      // the false positive's confirmation names the parameter, as text
      await page.locator('#exclusion-ask').click();
      const what = await page.locator('#exclusion-what').textContent();
      assert.ok(what.includes(`parameter ${e.details.parameter} only`), `the confirmation shows literally: ${what}`);
      assert.equal(await page.evaluate(() => window.__xss), undefined, 'a payload ran in the confirmation');
      assert.ok(detail.includes(`${e.location.file}:1`), 'code location literally');
      const raw = JSON.parse(await page.locator('#event-raw').textContent());
      assert.equal(raw.details.note, e.details.note);
      if (e === events[0]) await ctx.screen(page, 'xss-event-detail');
      // the title is text too
      assert.ok(!(await page.title()).includes('<'), 'no markup in the title');
    }
    // the attacks view shows every endpoint as text
    await page.goto(`${ctx.srv.base}/#/p/${slug}/attacks`);
    await page.locator('#groups tbody tr').nth(events.length - 1).waitFor();
    const groupsText = await page.locator('#groups').textContent();
    for (const e of events) assert.ok(groupsText.includes(e.endpoint), `attacks show literally: ${e.endpoint}`);
    await ctx.screen(page, 'xss-attacks');
    const fired = await page.evaluate(() => window.__xss);
    assert.equal(fired, undefined, `payload ${fired} ran`);
    assert.equal(await page.locator('img, svg, iframe, script:not([src]), object, embed, video, audio, marquee, details, template, math')
      .filter({ hasNot: page.locator('[src="/favicon.svg"]') }).evaluateAll((els) => els.filter((el) => !(el.tagName === 'IMG' && el.getAttribute('src') === '/favicon.svg')
        && !el.matches('svg.trend')).length), 0,
    'no element built from a payload');
  }],

  ['unknown routes and a missing project show their states', async (ctx) => {
    const page = await ctx.page();
    await ctx.signIn(page);
    await page.goto(`${ctx.srv.base}/#/nowhere`);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    await page.goto(`${ctx.srv.base}/#/p/no-such-project/events`);
    await page.getByRole('alert').waitFor();
    await ctx.screen(page, 'error');
  }],
];

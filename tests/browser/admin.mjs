// Browser tests of the administration screens: agents, notification
// channels (a test send that really reaches a receiver on 127.0.0.1),
// users, the audit log and archived projects. Same shape as tests.mjs:
// [name, async (ctx, admin) => {...}].
import assert from 'node:assert/strict';
import http from 'node:http';
import { spawn } from 'node:child_process';
import { unique } from './harness.mjs';

function slugOf(prefix) {
  return unique(prefix).replace(/[^a-z0-9-]/g, '');
}

// An HTTP receiver on 127.0.0.1 that answers `status` with `text` and
// keeps what it got.
async function receiver(status = 200, text = 'ok') {
  const got = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      got.push({ method: req.method, url: req.url, headers: req.headers, body });
      res.writeHead(status, { 'Content-Type': 'text/plain' });
      res.end(text);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { got, url: `http://127.0.0.1:${server.address().port}/hook`, close: () => new Promise((r) => server.close(r)) };
}

async function until(what, fn, ms = 10000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const ADMIN_TESTS = [
  ['agents: a connected agent is listed online with its fields, then offline and removed', async (ctx, admin) => {
    const slug = slugOf('ag');
    await admin.createProject(slug);
    const page = await ctx.page();
    await ctx.signIn(page);
    await page.goto(`${ctx.srv.base}/#/p/${slug}/agents`);
    await page.locator('#agents-empty').waitFor();
    await page.locator('#live-state', { hasText: 'Live' }).waitFor();
    await ctx.screen(page, 'agents-empty');
    const token = await admin.agentToken(slug);
    const agent = spawn(ctx.srv.agentDemo, ['--url', `ws://127.0.0.1:${ctx.srv.agentPort}/v1/agent`, '--token', token,
      '--env', 'production', '--id', 'demo-web-1', '--hostname', 'web-<b>01</b>'], { stdio: 'ignore' });
    try {
      const listed = () => admin.req('GET', `/api/v1/projects/${slug}/agents`, undefined, { expect: 200 });
      await until('the agent online with the policy applied',
        async () => (await listed()).body.agents.some((a) => a.online && a.policy_version === 1));
      // live: the screen re-reads on the feed's agents notes, no Refresh
      const row = page.locator('#agents tr[data-agent="demo-web-1"]');
      await row.locator('td.policy', { hasText: '1 (latest)' }).waitFor();
      const cells = await row.locator('td').allTextContents();
      assert.equal(cells[0], 'demo-web-1');
      assert.equal(cells[1], 'production');
      assert.equal(cells[2], 'online');
      assert.equal(cells[3], 'web-<b>01</b>', 'the host name, as text');
      assert.ok(cells[4].length > 1 && cells[4] !== '—', `a runtime: ${cells[4]}`);
      assert.ok(/\d/.test(cells[5]), `an agent version: ${cells[5]}`);
      assert.match(cells[6], /^1 \(latest\)applied /, 'the policy version it applied, the latest');
      assert.equal(cells[8], '127.0.0.1');
      await page.locator('#rollout', { hasText: '1 of 1 online agent run it' }).waitFor();
      await ctx.screen(page, 'agents');
      // filters live in the URL
      await page.getByLabel('State').selectOption('false');
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.waitForURL(/online=false/);
      await page.locator('#agents-empty', { hasText: 'No agent matches these filters.' }).waitFor();
      await page.reload();
      await page.locator('#agents-empty').waitFor();
      assert.equal(await page.getByLabel('State').inputValue(), 'false');
      // online agents cannot be removed: no button
      await page.goto(`${ctx.srv.base}/#/p/${slug}/agents?q=demo-web`);
      await row.waitFor();
      assert.equal(await row.getByRole('button').count(), 0);
    } finally {
      agent.kill('SIGTERM');
    }
    await until('the agent offline', async () => (await admin.req('GET', `/api/v1/projects/${slug}/agents`)).body.agents.every((a) => !a.online));
    const row = page.locator('#agents tr[data-agent="demo-web-1"]');
    await row.getByRole('cell', { name: 'offline' }).waitFor();
    await page.getByRole('button', { name: 'Remove demo-web-1' }).click();
    await page.getByRole('button', { name: 'Confirm remove of demo-web-1' }).click();
    await page.locator('#agents-empty').waitFor();
    const after = await admin.req('GET', `/api/v1/projects/${slug}/agents`, undefined, { expect: 200 });
    assert.equal(after.body.agents.length, 0, 'removed on the server');
  }],

  ['channels: create a webhook, its secret once, a test send reaches the receiver and the delivery log', async (ctx, admin) => {
    const slug = slugOf('ch');
    await admin.createProject(slug);
    const rx = await receiver();
    try {
      const page = await ctx.page();
      await ctx.signIn(page);
      await page.goto(`${ctx.srv.base}/#/p/${slug}/channels`);
      await page.locator('#channels-empty').waitFor();
      await ctx.screen(page, 'channels-empty');
      // a refused URL: the server's sentence next to the form
      await page.getByLabel('Name').fill('bad');
      await page.getByLabel('URL', { exact: true }).fill('ftp://example.com/x');
      await page.getByRole('button', { name: 'Create channel' }).click();
      await page.locator('#create-channel .error').filter({ hasText: /url/i }).waitFor();
      // a webhook with filters
      await page.getByLabel('Kind').selectOption('webhook');
      await page.getByLabel('Name').fill('ops <i>hook</i>');
      await page.getByLabel('URL', { exact: true }).fill(rx.url);
      await page.getByLabel('Lowest severity').selectOption('high');
      await page.getByLabel('xss', { exact: true }).check();
      await page.getByLabel('sql_injection', { exact: true }).check();
      await page.getByLabel('blocked', { exact: true }).check();
      await page.getByLabel('Throttle (seconds)').fill('120');
      await page.getByRole('button', { name: 'Create channel' }).click();
      const secret = (await page.locator('#channel-secret-value').textContent()).trim();
      assert.match(secret, /^whsec_[A-Za-z0-9_-]{43}$/);
      await page.getByText('it is shown only once').waitFor();
      const row = page.locator('#channels tbody tr', { hasText: 'ops <i>hook</i>' });
      await row.waitFor();
      const rowText = await row.textContent();
      assert.ok(rowText.includes('whsec_…'), 'the listed secret is masked');
      assert.ok(!rowText.includes(secret), 'the full secret is not in the list');
      assert.ok(rowText.includes('interceptors: sql_injection, xss') || rowText.includes('interceptors: xss, sql_injection'), rowText);
      assert.ok(rowText.includes('severity high and up'));
      assert.ok(rowText.includes('120 s'));
      const list = await admin.req('GET', `/api/v1/projects/${slug}/channels`, undefined, { expect: 200 });
      const ch = list.body.channels[0];
      assert.deepEqual([ch.kind, ch.min_severity, ch.actions, ch.throttle_seconds], ['webhook', 'high', ['blocked'], 120]);
      await ctx.screen(page, 'channels');
      // send a test: it reaches the receiver, signed, and the UI says so
      await row.getByRole('button', { name: 'Send a test to ops <i>hook</i>' }).click();
      await row.locator('.test-result', { hasText: /^Delivered: HTTP 200 in \d+ ms\.$/ }).waitFor();
      assert.equal(rx.got.length, 1, 'the receiver got one request');
      assert.equal(rx.got[0].method, 'POST');
      assert.equal(rx.got[0].url, '/hook');
      assert.match(rx.got[0].headers['x-moat-signature'], /^t=\d+,v1=[0-9a-f]{64}$/);
      const delivery = rx.got[0].headers['x-moat-delivery'];
      // disable and enable
      await row.getByRole('button', { name: 'Disable ops <i>hook</i>' }).click();
      await page.locator('#channels tbody tr', { hasText: 'ops <i>hook</i>' }).getByRole('cell', { name: 'disabled', exact: true }).waitFor();
      assert.equal((await admin.req('GET', `/api/v1/projects/${slug}/channels/${ch.id}`)).body.enabled, false);
      await page.getByRole('button', { name: 'Enable ops <i>hook</i>' }).click();
      await page.locator('#channels tbody tr', { hasText: 'ops <i>hook</i>' }).getByRole('cell', { name: 'enabled', exact: true }).waitFor();
      // the delivery log shows the test
      await page.getByRole('link', { name: 'Delivery log of ops <i>hook</i>' }).click();
      const drow = page.locator(`#deliveries tr[data-id="${delivery}"]`);
      await drow.waitFor();
      const dcells = await drow.locator('td').allTextContents();
      assert.deepEqual([dcells[1], dcells[2], dcells[4]], ['test', 'delivered', '200']);
      await ctx.screen(page, 'channel');
      // a second test from the channel's screen refreshes the log
      await page.getByRole('button', { name: 'Send a test to ops <i>hook</i>' }).click();
      await page.locator('.test-result', { hasText: 'Delivered: HTTP 200' }).waitFor();
      await page.locator('#deliveries tbody tr').nth(1).waitFor();
      assert.equal(rx.got.length, 2);
      // change it: a name, a severity, a throttle
      await page.getByLabel('Name').fill('ops hook 2');
      await page.getByLabel('Lowest severity').selectOption('critical');
      await page.getByLabel('Throttle (seconds)').fill('30');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.locator('#channel-saved', { hasText: 'Saved.' }).waitFor();
      await page.getByRole('heading', { name: 'Channel ops hook 2' }).waitFor();
      const changed = (await admin.req('GET', `/api/v1/projects/${slug}/channels/${ch.id}`)).body;
      assert.deepEqual([changed.name, changed.min_severity, changed.throttle_seconds, changed.interceptors.length],
        ['ops hook 2', 'critical', 30, 2], 'the URL and the other fields stay');
      // a slack channel: no secret is shown
      await page.getByRole('link', { name: 'All channels' }).click();
      await page.getByLabel('Kind').selectOption('slack');
      await page.getByLabel('Name').fill('slack one');
      await page.getByLabel('URL', { exact: true }).fill('https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXX');
      await page.getByRole('button', { name: 'Create channel' }).click();
      await page.locator('#channels tbody tr', { hasText: 'slack one' }).waitFor();
      assert.ok(await page.locator('#channel-secret').isHidden());
      // delete, with a confirmation
      await page.getByRole('button', { name: 'Delete slack one' }).click();
      assert.equal((await admin.req('GET', `/api/v1/projects/${slug}/channels`)).body.channels.length, 2, 'one click deletes nothing');
      await page.getByRole('button', { name: 'Confirm delete of slack one' }).click();
      await page.locator('#channels tbody tr', { hasText: 'slack one' }).waitFor({ state: 'detached' });
      assert.equal((await admin.req('GET', `/api/v1/projects/${slug}/channels`)).body.channels.length, 1);
    } finally {
      await rx.close();
    }
  }],

  ['channels: a test send the receiver refuses says so (its answer as text), and is dead in the log', async (ctx, admin) => {
    const slug = slugOf('chf');
    await admin.createProject(slug);
    // the receiver's answer ends up in the error: it is anyone's text
    const answer = '<img src=x onerror="window.__xss=1">';
    const rx = await receiver(500, answer);
    try {
      const ch = (await admin.req('POST', `/api/v1/projects/${slug}/channels`, { kind: 'webhook', name: 'down', url: rx.url }, { expect: 201 })).body;
      const page = await ctx.page({ bypassCSP: true });
      await ctx.signIn(page);
      await page.goto(`${ctx.srv.base}/#/p/${slug}/channels/${ch.id}`);
      await page.locator('#deliveries-empty').waitFor();
      await page.getByRole('button', { name: 'Send a test to down' }).click();
      const result = page.locator('.test-result', { hasText: /^Not delivered: .*HTTP 500/ });
      await result.waitFor();
      assert.ok((await result.textContent()).includes(answer), 'the receiver\'s answer, literally');
      assert.equal(rx.got.length, 1);
      const row = page.locator('#deliveries tbody tr').first();
      await row.waitFor();
      const cells = await row.locator('td').allTextContents();
      assert.deepEqual([cells[1], cells[2], cells[4]], ['test', 'dead', '500']);
      assert.ok(cells[8].includes(answer), 'the last error, literally');
      assert.equal(await page.locator('#view img').count(), 0, 'no element built from the answer');
      assert.equal(await page.evaluate(() => window.__xss), undefined, 'the answer ran');
      await ctx.screen(page, 'channel-test-failed');
    } finally {
      await rx.close();
    }
  }],

  ['users: an admin creates a user and changes its role; others get no Users screen', async (ctx, admin) => {
    const page = await ctx.page();
    await ctx.signIn(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await page.locator('#users tr[data-email="admin@localhost"]').waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).getAttribute('aria-current'), 'page');
    const email = `${slugOf('u')}@example.test`;
    const password = 'a-long-enough-passw0rd';
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Name (optional)').fill('Ann <script>x</script>');
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByLabel('Initial password').fill(password);
    await page.getByRole('button', { name: 'Create user' }).click();
    const row = page.locator(`#users tr[data-email="${email}"]`);
    await row.waitFor();
    await row.getByRole('cell', { name: 'Ann <script>x</script>' }).waitFor();
    await ctx.screen(page, 'users');
    await page.getByLabel(`Role of ${email}`, { exact: true }).selectOption('editor');
    await page.getByRole('button', { name: `Change the role of ${email}` }).click();
    await until('the new role', async () => {
      const users = (await admin.req('GET', '/api/v1/users', undefined, { expect: 200 })).body.users;
      return users.find((u) => u.email === email)?.role === 'editor';
    });
    // the row is changed in place, not drawn again: a choice made right
    // after (below) is not undone by a redraw (that raced under load)
    await row.getByRole('status').filter({ hasText: 'Changed.' }).waitFor();
    assert.equal(await page.getByLabel(`Role of ${email}`, { exact: true }).inputValue(), 'editor', 'the list shows the new role');
    // a viewer: no Users or Audit link, and a clear 403 when opened directly
    await page.getByLabel(`Role of ${email}`, { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: `Change the role of ${email}` }).click();
    await until('back to viewer', async () => (await admin.req('GET', '/api/v1/users')).body.users.find((u) => u.email === email)?.role === 'viewer');
    const other = await ctx.page();
    await ctx.signIn(other, email, password);
    const nav = other.getByRole('navigation', { name: 'Main' });
    assert.equal(await nav.getByRole('link', { name: 'Users' }).count(), 0, 'no Users link for a viewer');
    assert.equal(await nav.getByRole('link', { name: 'Audit log' }).count(), 0, 'no Audit link for a viewer');
    // a viewer reads channels and agents, and is offered no change
    const seen = slugOf('vw');
    await admin.createProject(seen);
    await admin.req('POST', `/api/v1/projects/${seen}/channels`, { kind: 'slack', name: 'team', url: 'https://hooks.slack.com/services/T0/B0/XXXXXXXXXXXXXXXX' }, { expect: 201 });
    await other.goto(`${ctx.srv.base}/#/p/${seen}/channels`);
    await other.locator('#channels tbody tr', { hasText: 'team' }).waitFor();
    assert.equal(await other.locator('#channels tbody tr button').count(), 0, 'no test, disable or delete for a viewer');
    assert.equal(await other.locator('#create-channel').count(), 0, 'no create form for a viewer');
    assert.ok(!/\bnull\b/.test(await other.locator('#view').innerText()), 'no "null" where the create form would be');
    await other.goto(`${ctx.srv.base}/#/projects`);
    await other.locator(`#projects tr[data-slug="${seen}"]`).waitFor();
    assert.equal(await other.getByRole('button', { name: `Archive ${seen}` }).count(), 0, 'no archive for a viewer');
    await other.goto(`${ctx.srv.base}/#/users`);
    await other.locator('#forbidden', { hasText: 'Only admins manage users.' }).waitFor();
    await ctx.screen(other, 'users-forbidden');
    await other.goto(`${ctx.srv.base}/#/audit`);
    await other.locator('#forbidden', { hasText: 'Only admins read the audit log.' }).waitFor();
    // disable, with a confirmation: the user's session ends
    await page.getByRole('button', { name: `Disable ${email}` }).click();
    await page.getByRole('button', { name: `Confirm disable of ${email}` }).click();
    await page.locator(`#users tr[data-email="${email}"] .user-state`, { hasText: 'disabled' }).waitFor();
    assert.equal(await other.evaluate(async () => (await fetch('/api/v1/auth/me')).status), 401, 'disabled: signed out');
    await page.getByRole('button', { name: `Enable ${email}` }).click();
    await page.locator(`#users tr[data-email="${email}"] .user-state`, { hasText: 'active' }).waitFor();
  }],

  ['audit log: what was just done is listed, filtered from the URL, paged', async (ctx, admin) => {
    const slug = slugOf('au');
    await admin.createProject(slug);
    await admin.req('POST', `/api/v1/projects/${slug}/tokens`, { kind: 'ci', name: 'audit <b>ci</b>' }, { expect: 201 });
    await admin.req('PATCH', `/api/v1/projects/${slug}`, { name: 'renamed' }, { expect: 200 });
    const page = await ctx.page();
    await ctx.signIn(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await page.locator('#audit tbody tr').first().waitFor();
    await ctx.screen(page, 'audit');
    // by project, from the form: exactly this project's entries, newest first
    await page.getByLabel('Project').fill(slug);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(new RegExp(`project=${slug}`));
    await page.waitForFunction(() => document.querySelectorAll('#audit tbody tr').length === 3);
    const actions = await page.locator('#audit tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.action));
    assert.deepEqual(actions, ['project.update', 'token.create', 'project.create']);
    const text = await page.locator('#audit').textContent();
    assert.ok(text.includes('audit <b>ci</b>'), 'details as text');
    assert.ok(text.includes('admin@localhost'));
    // the filter survives a reload; an action from the URL
    await page.goto(`${ctx.srv.base}/#/audit?project=${slug}&action=token.create`);
    await page.waitForFunction(() => document.querySelectorAll('#audit tbody tr').length === 1
      && document.querySelector('#audit tbody tr').dataset.action === 'token.create');
    assert.equal(await page.getByLabel('Action').inputValue(), 'token.create');
    assert.equal(await page.getByLabel('Project').inputValue(), slug);
    await page.goto(`${ctx.srv.base}/#/audit?project=no-such-project`);
    await page.locator('#audit-empty').waitFor();
    // paging: more than a page of entries for one project
    const many = slugOf('aupg');
    await admin.createProject(many);
    for (let i = 0; i < 120; i++) await admin.req('PATCH', `/api/v1/projects/${many}`, { name: `n${i}` }, { expect: 200 });
    await page.goto(`${ctx.srv.base}/#/audit?project=${many}`);
    await page.waitForFunction(() => document.querySelectorAll('#audit tbody tr').length === 100);
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.waitForFunction(() => document.querySelectorAll('#audit tbody tr').length === 121);
    assert.ok(await page.getByRole('button', { name: 'Load more' }).isHidden());
  }],

  ['projects: archive hides a project, "show archived" lists it, its screens are read only, un-archive', async (ctx, admin) => {
    const slug = slugOf('ar');
    await admin.createProject(slug);
    const page = await ctx.page();
    await ctx.signIn(page);
    await page.locator(`#projects tr[data-slug="${slug}"]`).waitFor();
    await page.getByRole('button', { name: `Archive ${slug}` }).click();
    await page.locator(`#projects tr[data-slug="${slug}"]`).waitFor({ state: 'detached' });
    assert.equal((await admin.req('GET', `/api/v1/projects/${slug}`)).body.archived, true);
    await page.getByLabel('Show archived').check();
    await page.waitForURL(/#\/projects\?archived=1/);
    const row = page.locator(`#projects tr[data-slug="${slug}"]`);
    await row.getByRole('button', { name: `Un-archive ${slug}` }).waitFor();
    assert.ok((await row.textContent()).includes('(archived)'));
    await ctx.screen(page, 'projects-archived');
    // its screens say so and offer no changes
    await page.goto(`${ctx.srv.base}/#/p/${slug}/channels`);
    await page.locator('#archived-note').waitFor();
    await page.locator('#channels-empty').waitFor();
    assert.equal(await page.locator('#create-channel').count(), 0, 'no channel form');
    await ctx.screen(page, 'channels-archived');
    await page.goto(`${ctx.srv.base}/#/p/${slug}/tokens`);
    await page.locator('#archived-note').waitFor();
    assert.equal(await page.locator('#create-token').count(), 0, 'no token form');
    await page.goto(`${ctx.srv.base}/#/p/${slug}/agents`);
    await page.locator('#archived-note').waitFor();
    // un-archive from the list
    await page.getByRole('link', { name: 'projects list' }).click();
    await page.getByRole('button', { name: `Un-archive ${slug}` }).click();
    await page.locator(`#projects tr[data-slug="${slug}"]`).getByRole('button', { name: `Archive ${slug}` }).waitFor();
    assert.equal((await admin.req('GET', `/api/v1/projects/${slug}`)).body.archived, false);
    await page.getByLabel('Show archived').uncheck();
    await page.waitForURL(/#\/projects$/);
    await page.locator(`#projects tr[data-slug="${slug}"]`).waitFor();
  }],
];

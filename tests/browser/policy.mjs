// Browser tests of the policy screens (web/policy.js, policyhistory.js):
// the environments, the form and the JSON editor, review (the server's diff
// and the impact on seeded events), save, the server's errors next to their
// fields, a stale save, history with the diff of two versions, rollback, and
// the viewer's read-only editor.
import assert from 'node:assert/strict';
import { event, unique, ADMIN_PASSWORD, waitOutput } from './harness.mjs';
import { PAYLOADS } from './xss.mjs';

async function project(admin, events = []) {
  const slug = unique('pol').replace(/[^a-z0-9-]/g, '');
  await admin.createProject(slug, `Project ${slug}`);
  const token = await admin.agentToken(slug);
  if (events.length) await admin.ingest(token, events);
  return { slug, token };
}

const policyApi = (slug, rest = '') => `/api/v1/projects/${slug}/environments/production/policy${rest}`;

async function versions(admin, slug) {
  return (await admin.req('GET', policyApi(slug, '/versions'), undefined, { expect: 200 })).body.versions;
}

async function openEditor(ctx, page, slug) {
  await page.goto(`${ctx.srv.base}/#/p/${slug}/policy/production`);
  await page.locator('#pf-interceptors-sql_injection-mode').waitFor();
}

// Waits until the element's text is exactly want.
async function waitText(page, sel, want) {
  await page.waitForFunction(([s, w]) => document.querySelector(s)?.textContent === w, [sel, want])
    .catch(async () => { throw new Error(`${sel}: want ${want}, have ${await page.locator(sel).first().textContent().catch(() => null)}`); });
}

// The text of one impact cell (interceptor row, kind column).
function impactCell(page, interceptor, kind) {
  return page.locator(`#impact tr[data-interceptor="${interceptor}"] td[data-kind="${kind}"]`);
}

export const POLICY_TESTS = [
  ['policy: edit a mode in the form, review the diff and the impact, save, see the version in the history', async (ctx, admin) => {
    const t = (s) => new Date(Date.now() - s * 1000).toISOString();
    const events = [
      event({ ts: t(300), interceptor: 'sql_injection', action: 'logged', endpoint: '/login' }),
      event({ ts: t(200), interceptor: 'sql_injection', action: 'logged', endpoint: '/login' }),
      event({ ts: t(100), interceptor: 'sql_injection', action: 'logged', endpoint: '/login' }),
      event({ ts: t(90), interceptor: 'sql_injection', action: 'logged', endpoint: '/search' }),
      event({ ts: t(80), interceptor: 'xss', action: 'blocked', endpoint: '/cms/page' }),
      event({ ts: t(70), interceptor: 'xss', action: 'blocked', endpoint: '/cms/page' }),
      // older than a day: counted over 7 days, not over 1
      event({ ts: t(3 * 86400), interceptor: 'sql_injection', action: 'logged', endpoint: '/old' }),
      event({ ts: t(3 * 86400 + 60), interceptor: 'sql_injection', action: 'logged', endpoint: '/old' }),
    ];
    const { slug } = await project(admin, events);
    const page = await ctx.page();
    await ctx.signIn(page);
    // from the project's navigation to the environments, then production
    await page.goto(`${ctx.srv.base}/#/p/${slug}/events`);
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Policy' }).click();
    await page.locator('#environments tr[data-env="production"]').waitFor();
    assert.deepEqual((await page.locator('#environments tbody tr td').allTextContents()).slice(0, 2), ['production', '1']);
    await ctx.screen(page, 'policy-environments');
    await page.locator('#environments').getByRole('link', { name: 'production', exact: true }).click();
    await page.locator('#pf-interceptors-sql_injection-mode').waitFor();
    assert.match(await page.locator('#policy-version').textContent(), /^Version 1 · saved .* by system · “safe default”$/);
    await ctx.screen(page, 'policy-editor');

    await page.getByRole('group', { name: 'sql_injection', exact: true }).getByLabel('Mode').selectOption('block');
    await page.locator('#policy-dirty', { hasText: 'Unsaved changes.' }).waitFor();
    // over the last day: the 4 recent logged SQL injections
    await page.getByLabel('Impact over the last (days)').fill('1');
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByRole('heading', { name: 'Impact on the events of the last 1 day' }).waitFor();
    assert.equal(await impactCell(page, 'sql_injection', 'would_block').textContent(), '4');
    assert.equal(await page.locator('#impact-top li[data-interceptor="sql_injection"][data-kind="would_block"]').textContent(),
      'sql_injection, would now block: /login (3), /search (1)');
    await page.getByLabel('Impact over the last (days)').fill('7');
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByRole('heading', { name: 'Impact on the events of the last 7 days' }).waitFor();
    const diff = await page.locator('#policy-diff').textContent();
    assert.equal(diff, 'changed $.interceptors.sql_injection.mode\n  - "monitor"\n  + "block"');
    // the impact: the 6 logged SQL injections would now be blocked, the 2
    // blocked XSS would only be logged (xss is in monitor)
    assert.equal(await impactCell(page, 'sql_injection', 'would_block').textContent(), '6');
    assert.equal(await impactCell(page, 'xss', 'would_log_only').textContent(), '2');
    assert.equal(await impactCell(page, 'ssrf', 'would_block').textContent(), '0');
    assert.equal(await page.locator('#impact-totals').textContent(),
      'Would now block: 6 · Would only log: 2 · Silenced: 0 · Denylist: 0');
    assert.equal(await page.locator('#impact-top li[data-interceptor="sql_injection"][data-kind="would_block"]').textContent(),
      'sql_injection, would now block: /login (3), /old (2), /search (1)');
    const href = await impactCell(page, 'sql_injection', 'would_block').getByRole('link').getAttribute('href');
    assert.match(href, new RegExp(`^#/p/${slug}/events\\?`));
    const q = new URLSearchParams(href.split('?')[1]);
    assert.equal(q.get('interceptor'), 'sql_injection');
    assert.equal(q.get('action'), 'logged');
    assert.equal(q.get('environment'), 'production');
    await ctx.screen(page, 'policy-review');

    await page.getByLabel('Message (optional)').fill('block SQL injection <now>');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#policy-saved', { hasText: 'Saved as version 2.' }).waitFor();
    await page.locator('#policy-version', { hasText: 'Version 2' }).waitFor();
    assert.equal(await page.locator('#policy-dirty').textContent(), '');
    const pol = await admin.req('GET', policyApi(slug), undefined, { expect: 200 });
    assert.equal(pol.headers.get('x-moat-policy-version'), '2');
    assert.equal(pol.body.interceptors.sql_injection.mode, 'block');
    assert.equal(pol.body.interceptors.xss.mode, 'monitor', 'only what was edited changed');

    await page.getByRole('link', { name: 'See the history' }).click();
    await page.locator('#versions tr[data-version="2"]').waitFor();
    const cells = await page.locator('#versions tr[data-version="2"] td').allTextContents();
    assert.equal(cells[0], '2');
    assert.equal(cells[2], 'admin@localhost');
    assert.equal(cells[3], 'block SQL injection <now>');
    assert.equal(await page.locator('#versions tbody tr').count(), 2);
    await ctx.screen(page, 'policy-history');

    // the impact's link opens exactly those events
    await page.goto(`${ctx.srv.base}/${href}`);
    await page.waitForFunction(() => document.querySelectorAll('#events tbody tr').length === 6
      && document.querySelector('#events-state .count'));
  }],

  ['policy: the denylist and the exclusions are edited in the form and kept in sync with the JSON editor', async (ctx, admin) => {
    const { slug } = await project(admin);
    const page = await ctx.page();
    await ctx.signIn(page);
    await openEditor(ctx, page, slug);
    await page.getByRole('button', { name: 'Add address' }).click();
    await page.locator('#pf-denylist-ips-0-value').fill('203.0.113.0/24');
    await page.getByRole('button', { name: 'Add address' }).click();
    await page.locator('#pf-denylist-ips-1-value').fill('198.51.100.7');
    await page.locator('#pf-denylist-ips-1-until').fill('2099-12-01T10:30');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.locator('#pf-denylist-users-0-value').fill('user-4711');
    await page.getByRole('button', { name: 'Add exclusion' }).click();
    const ex = page.getByRole('group', { name: 'Exclusion 1' });
    await ex.getByLabel('Interceptor').selectOption('xss');
    await ex.getByLabel('Endpoint').fill('/cms/*');
    await ex.getByLabel('Parameter (optional)').fill('body.html');
    await ex.getByLabel('Source IP or CIDR (optional)').fill('10.0.0.0/8');
    await ex.getByLabel('Reason (optional)').fill('rich text editor');
    await page.getByRole('group', { name: 'ssrf' }).getByLabel('Allowed hosts').fill('api.internal\nbilling.internal');
    await page.getByRole('group', { name: 'llm_prompt_injection' }).getByLabel('Threshold').fill('0.9');
    await page.getByRole('group', { name: 'command_injection' }).getByLabel('Notify the channels').check();
    // the JSON editor holds the same document
    await page.getByRole('tab', { name: 'JSON' }).click();
    const doc = JSON.parse(await page.locator('#policy-json').inputValue());
    assert.deepEqual(doc.denylist.ips, [{ value: '203.0.113.0/24' },
      { value: '198.51.100.7', until: new Date('2099-12-01T10:30').toISOString().replace('.000Z', 'Z') }]);
    assert.deepEqual(doc.denylist.users, [{ value: 'user-4711' }]);
    assert.deepEqual(doc.exclusions, [{ interceptor: 'xss', endpoint: '/cms/*', on_match: 'ignore', parameter: 'body.html',
      source: '10.0.0.0/8', reason: 'rich text editor' }]);
    assert.deepEqual(doc.interceptors.ssrf.allow_hosts, ['api.internal', 'billing.internal']);
    assert.equal(doc.interceptors.llm_prompt_injection.threshold, 0.9);
    assert.equal(doc.interceptors.command_injection.notify, true);
    await ctx.screen(page, 'policy-json');
    // an edit in JSON shows in the form; the first address is removed there
    doc.interceptors.nosql_injection.mode = 'off';
    await page.locator('#policy-json').fill(JSON.stringify(doc, null, 2));
    await page.getByRole('tab', { name: 'Form' }).click();
    assert.equal(await page.locator('#pf-interceptors-nosql_injection-mode').inputValue(), 'off');
    await ctx.screen(page, 'policy-form-lists');
    await page.getByRole('button', { name: 'Remove address 1 (203.0.113.0/24)' }).click();
    assert.equal(await page.locator('#pf-denylist-ips-0-value').inputValue(), '198.51.100.7');
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.locator('#policy-diff').waitFor();
    const diff = await page.locator('#policy-diff').textContent();
    for (const p of ['$.denylist.ips', '$.denylist.users', '$.exclusions', '$.interceptors.ssrf.allow_hosts',
      '$.interceptors.nosql_injection.mode', '$.interceptors.command_injection.notify']) {
      assert.ok(diff.includes(`changed ${p}\n`), `the diff names ${p}: ${diff}`);
    }
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#policy-saved', { hasText: 'Saved as version 2.' }).waitFor();
    const pol = (await admin.req('GET', policyApi(slug), undefined, { expect: 200 })).body;
    assert.deepEqual(pol.denylist.ips.map((e) => e.value), ['198.51.100.7']);
    assert.equal(pol.exclusions[0].endpoint, '/cms/*');
    assert.equal(pol.interceptors.nosql_injection.mode, 'off');
    // a change after the review hides the Save until reviewed again
    await page.getByRole('group', { name: 'xss' }).getByLabel('Mode').selectOption('block');
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByRole('button', { name: 'Save' }).waitFor();
    await page.getByRole('group', { name: 'xss' }).getByLabel('Mode').selectOption('off');
    assert.equal(await page.getByRole('button', { name: 'Save' }).count(), 0, 'no Save for a document not reviewed');
    await page.getByRole('button', { name: 'Discard changes' }).click();
    assert.equal(await page.locator('#pf-interceptors-xss-mode').inputValue(), 'monitor', 'back to the saved version');
    assert.equal(await page.locator('#policy-dirty').textContent(), '');
  }],

  ['policy: invalid JSON is kept; the server\'s errors show next to their fields and nothing is saved', async (ctx, admin) => {
    const { slug } = await project(admin);
    const page = await ctx.page();
    await ctx.signIn(page);
    await openEditor(ctx, page, slug);
    // the tabs work with the arrow keys
    await page.getByRole('tab', { name: 'Form' }).focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getByRole('tab', { name: 'JSON' }).getAttribute('aria-selected'), 'true');
    assert.ok(await page.getByRole('tab', { name: 'JSON' }).evaluate((el) => el === document.activeElement));
    assert.equal(await page.locator('#panel-json').isVisible(), true);
    const good = JSON.parse(await page.locator('#policy-json').inputValue());
    // not JSON: the error is shown and the text stays
    const broken = '{"interceptors": {"xss": ';
    await page.locator('#policy-json').fill(broken);
    await page.getByRole('tab', { name: 'Form' }).click();
    await page.locator('#policy-json-error', { hasText: 'The JSON is not valid' }).waitFor();
    assert.equal(await page.locator('#policy-json').inputValue(), broken, 'nothing is lost');
    assert.equal(await page.locator('#policy-json').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByRole('tab', { name: 'JSON' }).getAttribute('aria-selected'), 'true');
    await page.getByRole('button', { name: 'Review changes' }).click();
    assert.equal(await page.locator('#policy-review').isHidden(), true, 'invalid JSON is not sent');
    // valid JSON, values the server refuses
    good.interceptors.xss.mode = 'wrong';
    good.interceptors.llm_prompt_injection.threshold = 3;
    await page.locator('#policy-json').fill(JSON.stringify(good, null, 2));
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.locator('#policy-errors li').nth(1).waitFor();
    const listed = await page.locator('#policy-errors li').allTextContents();
    assert.ok(listed.some((l) => l.startsWith('$.interceptors.xss.mode: must be off, monitor or block')), listed.join('|'));
    assert.ok(listed.some((l) => l.startsWith('$.interceptors.llm_prompt_injection.threshold: ')), listed.join('|'));
    assert.equal(await page.locator('#policy-json').getAttribute('aria-invalid'), 'true');
    assert.ok(await page.locator('#policy-errors-title').evaluate((el) => el === document.activeElement), 'focus on the errors');
    assert.equal(await page.locator('#policy-errors').getAttribute('role'), 'alert');
    await ctx.screen(page, 'policy-errors-json');
    // in the form, each error is next to its field and describes it
    await page.getByRole('tab', { name: 'Form' }).click();
    const mode = page.locator('#pf-interceptors-xss-mode');
    assert.equal(await mode.getAttribute('aria-invalid'), 'true');
    assert.equal(await mode.inputValue(), '__invalid');
    assert.equal(await page.locator('#pf-interceptors-xss-mode option:checked').textContent(), '"wrong" (not valid)');
    const described = (await mode.getAttribute('aria-describedby')).split(' ');
    const note = page.locator(`#${described[described.length - 1]}`);
    assert.equal(await note.textContent(), 'must be off, monitor or block');
    assert.equal(await note.evaluate((el) => el.previousElementSibling.id), 'pf-interceptors-xss-mode', 'next to the field');
    const thr = page.locator('#pf-interceptors-llm_prompt_injection-threshold');
    assert.equal(await thr.getAttribute('aria-invalid'), 'true');
    await page.getByRole('button', { name: 'Go to the field $.interceptors.xss.mode' }).click();
    assert.ok(await mode.evaluate((el) => el === document.activeElement), 'the field is focused');
    await ctx.screen(page, 'policy-errors-form');
    assert.equal(await page.getByRole('button', { name: 'Save' }).count(), 0);
    assert.equal((await versions(admin, slug)).length, 1, 'nothing was saved');
    // fixed in the form: the review passes and the errors are gone
    await mode.selectOption('block');
    await thr.fill('0.5');
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByRole('button', { name: 'Save' }).waitFor();
    assert.equal(await page.locator('#policy-errors').textContent(), '');
    assert.equal(await page.locator('.field-error').count(), 0);
  }],

  ['policy: a save over a newer version is refused with a clear message', async (ctx, admin) => {
    const { slug } = await project(admin);
    const page = await ctx.page();
    await ctx.signIn(page);
    await openEditor(ctx, page, slug);
    await page.locator('#pf-interceptors-ssrf-mode').selectOption('block');
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByRole('button', { name: 'Save' }).waitFor();
    // someone else saves meanwhile
    const cur = (await admin.req('GET', policyApi(slug), undefined, { expect: 200 })).body;
    cur.interceptors.xss.mode = 'block';
    await admin.req('PUT', policyApi(slug), cur, { expect: 200 });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#policy-conflict', { hasText: 'Not saved: someone saved a newer version' }).waitFor();
    assert.equal(await page.locator('#policy-conflict').getAttribute('role'), 'alert');
    assert.equal((await versions(admin, slug)).length, 2, 'the stale document was not saved');
    assert.equal(await page.locator('#pf-interceptors-ssrf-mode').inputValue(), 'block', 'the edits are kept');
    await ctx.screen(page, 'policy-conflict');
    await page.getByRole('button', { name: 'Load the current version' }).click();
    await page.locator('#policy-version', { hasText: 'Version 2' }).waitFor();
    assert.equal(await page.locator('#pf-interceptors-xss-mode').inputValue(), 'block');
  }],

  ['policy history: the diff of two versions; rollback makes a new version equal to the old one', async (ctx, admin) => {
    const { slug } = await project(admin);
    const v1 = (await admin.req('GET', policyApi(slug), undefined, { expect: 200 })).body;
    const v2 = JSON.parse(JSON.stringify(v1));
    v2.interceptors.sql_injection.mode = 'block';
    await admin.req('PUT', policyApi(slug), { ...v2, message: 'sqli block' }, { expect: 200 });
    const v3 = JSON.parse(JSON.stringify(v2));
    v3.interceptors.xss = { mode: 'off', notify: true };
    v3.exclusions = [{ interceptor: 'ssrf', endpoint: '/hook', on_match: 'monitor' }];
    await admin.req('PUT', policyApi(slug), { ...v3, message: 'xss off' }, { expect: 200 });
    const page = await ctx.page();
    await ctx.signIn(page);
    await page.goto(`${ctx.srv.base}/#/p/${slug}/policy/production/history`);
    await page.locator('#versions tbody tr').nth(2).waitFor();
    assert.deepEqual(await page.locator('#versions tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.version)), ['3', '2', '1']);
    await page.getByLabel('From', { exact: true }).selectOption('1');
    await page.getByLabel('To', { exact: true }).selectOption('3');
    await page.getByRole('button', { name: 'Show differences' }).click();
    await page.waitForURL(/history\?from=1&to=3$/);
    await page.locator('#version-diff').waitFor();
    assert.equal(await page.locator('#version-diff').textContent(), [
      'changed $.exclusions\n  - []\n  + [\n      {\n        "endpoint": "/hook",\n        "interceptor": "ssrf",\n'
        + '        "on_match": "monitor"\n      }\n    ]',
      'changed $.interceptors.sql_injection.mode\n  - "monitor"\n  + "block"',
      'changed $.interceptors.xss.mode\n  - "monitor"\n  + "off"',
      'changed $.interceptors.xss.notify\n  - false\n  + true',
    ].join('\n\n'));
    await ctx.screen(page, 'policy-history-diff');
    // the bookmarked URL shows the same diff after a reload
    await page.reload();
    await page.locator('#version-diff').waitFor();
    assert.equal(await page.getByLabel('From', { exact: true }).inputValue(), '1');

    await page.getByRole('button', { name: 'Roll back to version 1' }).click();
    await page.getByRole('heading', { name: 'Roll back to version 1?' }).waitFor();
    assert.equal((await versions(admin, slug)).length, 3, 'one click does not roll back');
    await ctx.screen(page, 'policy-rollback-confirm');
    await page.getByLabel('Message (optional)').fill('back to the default');
    await page.getByRole('button', { name: 'Confirm rollback to version 1' }).click();
    await page.locator('#rollback-done', { hasText: 'Rolled back: version 4 is the document of version 1.' }).waitFor();
    await page.locator('#versions tr[data-version="4"]').waitFor();
    const cells = await page.locator('#versions tr[data-version="4"] td').allTextContents();
    assert.equal(cells[3], 'back to the default');
    assert.equal(cells[4], 'version 1');
    const d4 = (await admin.req('GET', policyApi(slug, '/versions/4'), undefined, { expect: 200 })).body;
    const d1 = (await admin.req('GET', policyApi(slug, '/versions/1'), undefined, { expect: 200 })).body;
    assert.deepEqual(d4.document, d1.document);
    assert.equal(d4.sha256, d1.sha256);
    assert.equal(d4.rollback_of, 1);
    await ctx.screen(page, 'policy-rolled-back');
  }],

  ['policy: a viewer sees the policy read-only', async (ctx, admin) => {
    const { slug } = await project(admin);
    const cur = (await admin.req('GET', policyApi(slug), undefined, { expect: 200 })).body;
    cur.interceptors.sql_injection.mode = 'block';
    await admin.req('PUT', policyApi(slug), cur, { expect: 200 });
    const email = `${unique('viewer')}@example.test`;
    await admin.req('POST', '/api/v1/users', { email, password: ADMIN_PASSWORD, role: 'viewer' }, { expect: 201 });
    const page = await ctx.page();
    await page.goto(ctx.srv.base + '/');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await openEditor(ctx, page, slug);
    await page.locator('#policy-readonly', { hasText: 'read-only' }).waitFor();
    assert.equal(await page.locator('#pf-interceptors-sql_injection-mode').inputValue(), 'block');
    assert.equal(await page.locator('#pf-interceptors-sql_injection-mode').isDisabled(), true);
    for (const name of ['Review changes', 'Save', 'Discard changes', 'Add address', 'Add exclusion']) {
      assert.equal(await page.getByRole('button', { name }).count(), 0, `no ${name} button`);
    }
    await ctx.screen(page, 'policy-viewer');
    await page.getByRole('tab', { name: 'JSON' }).click();
    assert.equal(await page.locator('#policy-json').getAttribute('readonly'), '');
    assert.equal(JSON.parse(await page.locator('#policy-json').inputValue()).interceptors.sql_injection.mode, 'block');
    await page.goto(`${ctx.srv.base}/#/p/${slug}/policy/production/history`);
    await page.locator('#versions tbody tr').nth(1).waitFor();
    assert.equal(await page.getByRole('button', { name: /Roll back/ }).count(), 0, 'no rollback for a viewer');
    await ctx.screen(page, 'policy-viewer-history');
    await page.goto(`${ctx.srv.base}/#/p/${slug}/policy`);
    await page.locator('#environments tr[data-env="production"]').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Create environment' }).count(), 0);
    assert.ok(!(await page.locator('#view').textContent()).includes('null'));
  }],

  ['stored XSS: endpoints in the impact and text in the policy and its history are shown as text', async (ctx, admin) => {
    const eps = PAYLOADS.slice(0, 5);
    const events = eps.map((endpoint, i) => event({
      ts: new Date(Date.now() - (i + 1) * 1000).toISOString(), interceptor: 'sql_injection', action: 'logged', endpoint,
    }));
    const { slug } = await project(admin, events);
    const cur = (await admin.req('GET', policyApi(slug), undefined, { expect: 200 })).body;
    cur.exclusions = [{ interceptor: 'xss', endpoint: `/${PAYLOADS[5]}`, parameter: PAYLOADS[6], reason: PAYLOADS[7], on_match: 'ignore' }];
    await admin.req('PUT', policyApi(slug), { ...cur, message: PAYLOADS[8] }, { expect: 200 });
    const page = await ctx.page({ bypassCSP: true });
    await ctx.signIn(page);
    await openEditor(ctx, page, slug);
    assert.equal(await page.locator('#pf-exclusions-0-endpoint').inputValue(), `/${PAYLOADS[5]}`);
    assert.equal(await page.locator('#pf-exclusions-0-reason').inputValue(), PAYLOADS[7]);
    assert.ok((await page.locator('#policy-version').textContent()).includes(PAYLOADS[8]));
    await page.locator('#pf-interceptors-sql_injection-mode').selectOption('block');
    await page.getByRole('button', { name: 'Review changes' }).click();
    const top = await page.locator('#impact-top li[data-kind="would_block"]').textContent();
    for (const e of eps) assert.ok(top.includes(`${e} (1)`), `impact endpoint shown literally: ${e}`);
    await page.goto(`${ctx.srv.base}/#/p/${slug}/policy/production/history?from=1&to=2`);
    await page.locator('#version-diff').waitFor();
    assert.equal(await page.locator('#versions tr[data-version="2"] td').nth(3).textContent(), PAYLOADS[8]);
    assert.ok((await page.locator('#version-diff').textContent()).includes(JSON.stringify(PAYLOADS[7])));
    await page.evaluate(() => Promise.all([...document.images].map((i) => (i.complete ? null
      : new Promise((r) => { i.addEventListener('load', r); i.addEventListener('error', r); })))));
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'a payload ran');
    assert.equal(await page.locator('#view').locator('img, svg, iframe, script, object, embed, video, audio, details, template').count(), 0,
      'no element built from a payload');
  }],

  ["policy: an archived project's policy is read-only", async (ctx, admin) => {
    const { slug } = await project(admin);
    await admin.req('PATCH', `/api/v1/projects/${slug}`, { archived: true }, { expect: 200 });
    const page = await ctx.page();
    await ctx.signIn(page);
    await openEditor(ctx, page, slug);
    await page.locator('#policy-readonly', { hasText: 'The project is archived' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Review changes' }).count(), 0);
    assert.equal(await page.locator('#pf-interceptors-xss-mode').isDisabled(), true);
    await page.goto(`${ctx.srv.base}/#/p/${slug}/policy/production/history`);
    await page.locator('#versions tbody tr').first().waitFor();
    assert.equal(await page.getByRole('button', { name: /Roll back/ }).count(), 0);
  }],

  ['policy: a new environment is created from the environments screen and has its own policy', async (ctx, admin) => {
    const { slug } = await project(admin);
    const page = await ctx.page();
    await ctx.signIn(page);
    await page.goto(`${ctx.srv.base}/#/p/${slug}/policy`);
    await page.getByLabel('Name').fill('staging');
    await page.getByRole('button', { name: 'Create environment' }).click();
    await page.waitForURL(new RegExp(`#/p/${slug}/policy/staging$`));
    await page.getByRole('heading', { name: 'Policy of staging' }).waitFor();
    await page.locator('#pf-interceptors-xss-mode').selectOption('block');
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#policy-saved', { hasText: 'Saved as version 2.' }).waitFor();
    const staging = await admin.req('GET', `/api/v1/projects/${slug}/environments/staging/policy`, undefined, { expect: 200 });
    assert.equal(staging.body.interceptors.xss.mode, 'block');
    const prod = await admin.req('GET', policyApi(slug), undefined, { expect: 200 });
    assert.equal(prod.body.interceptors.xss.mode, 'monitor', 'production is untouched');
    // the environment links switch the editor
    await page.getByRole('navigation', { name: 'Environments' }).getByRole('link', { name: 'production' }).click();
    await page.getByRole('heading', { name: 'Policy of production' }).waitFor();
    await page.locator('#policy-version', { hasText: 'Version 1' }).waitFor();
    assert.equal(await page.locator('#pf-interceptors-xss-mode').inputValue(), 'monitor');
    await page.goto(`${ctx.srv.base}/#/p/${slug}/policy`);
    await page.locator('#environments tr[data-env="staging"]').waitFor();
    assert.equal(await page.locator('#environments tr[data-env="staging"] td').nth(1).textContent(), '2');
    await ctx.screen(page, 'policy-environments-two');
    // a name taken: the server's sentence
    await page.getByLabel('Name').fill('staging');
    await page.getByRole('button', { name: 'Create environment' }).click();
    await page.locator('#create-env + .error').filter({ hasText: /./ }).waitFor();
    assert.equal(await page.locator('#create-env + .error').getAttribute('role'), 'alert');
  }],

  ['policy: saved in the editor, the new version reaches a running moat-agent-demo, seen in the overview without a reload', async (ctx, admin) => {
    const { slug, token } = await project(admin);
    const demo = ctx.spawn('moat-agent-demo', ['--url', `ws://127.0.0.1:${ctx.srv.agentPort}/v1/agent`, '--token', token,
      '--env', 'production', '--id', 'demo-policy-1', '--hostname', 'demo-host']);
    await waitOutput(demo, /policy version 1 /);
    const page = await ctx.page();
    await ctx.signIn(page);
    await openEditor(ctx, page, slug);
    await page.evaluate(() => { window.__noReload = true; });
    await page.getByRole('group', { name: 'command_injection' }).getByLabel('Mode').selectOption('block');
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#policy-saved', { hasText: 'Saved as version 2.' }).waitFor();
    // to the overview by the project's navigation: a hash change
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    const row = '#ov-rollout tr[data-env="production"]';
    await waitText(page, `${row} .latest`, 'v2');
    await waitText(page, `${row} .on-latest`, '1');
    await waitText(page, `${row} .older`, '0'); // the agent runs v2: it applied it
    await waitText(page, `${row} .online`, '1');
    await waitOutput(demo, /policy version 2 /);
    assert.equal(await page.evaluate(() => window.__noReload), true, 'no reload');
  }],
];

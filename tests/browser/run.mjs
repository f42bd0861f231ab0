// Runs the dashboard's browser tests: starts one moatd (harness.mjs), one
// chromium, and each test of tests.mjs, admin.mjs, policy.mjs and
// events.mjs in a fresh browser context (its own cookies). A test fails on
// an exception, on any JavaScript dialog, page error or
// Content-Security-Policy violation in its pages.
//   node run.mjs --moatd build/moatd --web-root web [--out DIR] [-k PATTERN] [--big]
// --big runs only the tests of perf.mjs (a database of 1 million events,
// about a minute: `make browser-big`, part of `make test`).
// Prints `browser: N passed, M failed` last and exits 1 on a failure.
// Screenshots and moatd's log go to the output folder (printed at the end).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { Moatd, Api, ADMIN_PASSWORD, CHROMIUM, CHROMIUM_ARGS, AXE_SOURCE, tempDir, spawnTracked, killTracked } from './harness.mjs';
import { TESTS as BASE_TESTS } from './tests.mjs';
import { ADMIN_TESTS } from './admin.mjs';
import { POLICY_TESTS } from './policy.mjs';
import { EVENT_TESTS } from './events.mjs';
import { PERF_TESTS } from './perf.mjs';
import { OVERVIEW_TESTS } from './overview.mjs';

// [name, async (ctx, admin) => {...}, {timeoutMs}?]
const TESTS = [...BASE_TESTS, ...ADMIN_TESTS, ...POLICY_TESTS, ...EVENT_TESTS, ...OVERVIEW_TESTS];

const TEST_TIMEOUT_MS = 60000;

function parseArgs(argv) {
  const a = { moatd: 'build/moatd', webRoot: 'web', out: null, k: null, big: false };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    if (argv[i] === '--moatd') a.moatd = v, i++;
    else if (argv[i] === '--web-root') a.webRoot = v, i++;
    else if (argv[i] === '--out') a.out = v, i++;
    else if (argv[i] === '-k') a.k = v, i++;
    else if (argv[i] === '--big') a.big = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return a;
}

// What a test gets: the server, an admin API client, pages with guards,
// screenshots in every size and theme, and axe-core.
class Ctx {
  constructor(browser, srv, out, name) {
    this.browser = browser;
    this.srv = srv;
    this.out = out;
    this.name = name;
    this.problems = [];
    this.contexts = [];
    this.children = [];
  }

  // A helper binary of the build (build/moat-agent-demo, build/moat-loadgen),
  // killed when the test ends whatever its outcome.
  spawn(name, args) {
    const p = spawnTracked(path.join(path.dirname(this.srv.moatd), name), args);
    this.children.push(p);
    return p;
  }

  // A page in a fresh context; with bypassCSP the page runs without the
  // server's CSP, so markup injected by the dashboard would really execute
  // (the XSS test must not rely on the CSP to hide a bug).
  async page({ bypassCSP = false } = {}) {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP });
    this.contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10000);
    page.on('dialog', (d) => {
      this.problems.push(`a ${d.type()} dialog opened: ${d.message().slice(0, 200)}`);
      d.dismiss().catch(() => {});
    });
    page.on('pageerror', (e) => this.problems.push(`page error: ${e.message.slice(0, 300)}`));
    page.on('console', (m) => {
      const t = m.text();
      if (m.type() === 'error' && /Content Security Policy|Refused to/.test(t)) this.problems.push(`CSP: ${t.slice(0, 300)}`);
    });
    return page;
  }

  async signIn(page, email = 'admin@localhost', password = ADMIN_PASSWORD) {
    await page.goto(this.srv.base + '/');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  // Screenshots of the screen at 1280 and 390 px, light and dark, and
  // axe-core in both themes at both widths: a serious or critical
  // violation fails the test, and so does a page wider than the window
  // (wide tables scroll inside their own box).
  async screen(page, name) {
    const dir = path.join(this.out, 'screens');
    fs.mkdirSync(dir, { recursive: true });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const colorScheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme });
        await page.screenshot({ path: path.join(dir, `${name}-${width}-${colorScheme}.png`), fullPage: true });
        await this.noSidewaysScroll(page, `${name} at ${width} px, ${colorScheme}`);
        await this.axe(page, `${name} at ${width} px, ${colorScheme}`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ colorScheme: 'light' });
  }

  // The page must not scroll sideways: wide content (tables) scrolls in
  // its own container, forms wrap. Offenders are named by their selector.
  async noSidewaysScroll(page, what) {
    const r = await page.evaluate(() => {
      const root = document.documentElement;
      const width = root.clientWidth;
      const wide = [];
      for (const el of document.body.querySelectorAll('*')) {
        const box = el.getBoundingClientRect();
        if (box.right <= width + 0.5 || box.width === 0) continue;
        let inside = false; // inside a container that scrolls (or clips) sideways
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          if (getComputedStyle(p).overflowX !== 'visible') inside = true;
        }
        if (!inside) wide.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.classList.length ? '.' + [...el.classList].join('.') : ''}`);
      }
      return { scroll: root.scrollWidth, client: width, wide: wide.slice(0, 5) };
    });
    if (r.scroll > r.client) this.problems.push(`${what}: the page scrolls sideways (scrollWidth ${r.scroll} > clientWidth ${r.client}; ${r.wide.join(', ')})`);
    return r;
  }

  async axe(page, what) {
    const has = await page.evaluate(() => typeof window.axe === 'object');
    if (!has) await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
    });
    for (const v of violations) this.problems.push(`axe, ${what}: ${v}`);
  }

  async close() {
    for (const c of this.contexts) await c.close().catch(() => {});
    await Promise.all(this.children.map(killTracked));
  }
}

function withTimeout(p, ms, what) {
  let t;
  return Promise.race([p, new Promise((_, rej) => { t = setTimeout(() => rej(new Error(`${what}: timed out after ${ms} ms`)), ms); })])
    .finally(() => clearTimeout(t));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = path.resolve(args.out || path.join('build', 'browser', stamp));
  fs.mkdirSync(out, { recursive: true });
  // private webhooks allowed: a channel's test send goes to a receiver the
  // test runs on 127.0.0.1 (admin.mjs); no test relies on the refusal
  const srv = new Moatd(path.resolve(args.moatd), path.resolve(args.webRoot), tempDir('moat-browser-'),
    { allowPrivateWebhooks: true });
  let passed = 0;
  let failed = 0;
  let browser = null;
  const t0 = Date.now();
  try {
    await srv.start();
    const admin = await new Api(srv.base).login();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    for (const [name, fn, opts = {}] of args.big ? PERF_TESTS : TESTS) {
      if (args.k && !name.includes(args.k)) continue;
      const ctx = new Ctx(browser, srv, out, name);
      const t = Date.now();
      let err = null;
      try {
        await withTimeout(fn(ctx, admin), opts.timeoutMs || TEST_TIMEOUT_MS, name);
      } catch (e) {
        err = e;
      }
      await ctx.close();
      const ms = Date.now() - t;
      if (!err && ctx.problems.length === 0) {
        passed++;
        console.log(`ok   ${name} (${ms} ms)`);
      } else {
        failed++;
        console.log(`FAIL ${name} (${ms} ms)`);
        if (err) console.log(`     ${String(err.stack || err).split('\n').slice(0, 6).join('\n     ')}`);
        for (const p of ctx.problems.slice(0, 20)) console.log(`     ${p}`);
      }
    }
  } catch (e) {
    failed++;
    console.log(`FAIL setup: ${e.stack || e}`);
  } finally {
    if (browser) await browser.close().catch(() => {});
    await srv.stop();
    fs.copyFileSync(srv.logPath, path.join(out, 'moatd.log'));
    fs.rmSync(srv.tmp, { recursive: true, force: true });
  }
  console.log(`browser: output (screenshots, moatd.log) in ${out}`);
  console.log(`browser: ${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  process.exit(failed ? 1 : 0);
}

main();

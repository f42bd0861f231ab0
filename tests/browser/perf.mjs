// The figure: the events view of a project with 1 million events
// shows its first rows within 1 s of navigation on this machine. The test
// runs its own moatd: it makes the project, stops moatd, stores the events
// with seed_events.py (one INSERT ... SELECT, indexes built after; about
// 30 s for 1M on a 2-core Xeon), starts moatd again on that database and
// times, in chromium, performance.now() from the navigation to the first
// row of #events in the DOM and painted (the frame after it; for a filter
// that matches nothing, to the empty state):
//   - in-app: from setting location.hash (the router's hashchange);
//   - a fresh load of the bookmarked URL: performance.now() counts from
//     the navigation's start (modules, who am I, project, first page).
// Each is measured several times, printed, and every one must be < 1000 ms.
// MOAT_BROWSER_BIG_EVENTS sets the count (default 1000000).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Moatd, Api, ADMIN_PASSWORD, tempDir } from './harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const EVENTS = Number(process.env.MOAT_BROWSER_BIG_EVENTS || 1000000);
const LIMIT_MS = 1000;
const SLUG = 'big';

// In the page: navigate with the hash and resolve with the milliseconds to
// the first row painted.
function byHash([hash, selector]) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
    const obs = new MutationObserver(() => {
      if (document.querySelector(selector)) {
        obs.disconnect();
        done();
      }
    });
    obs.observe(document.getElementById('view'), { childList: true, subtree: true });
    location.hash = hash;
  });
}

// In a freshly loaded page: the time since the navigation started at which
// the first row was painted.
function sinceLoad() {
  return new Promise((resolve) => {
    const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
    if (document.querySelector('#events tbody tr')) return done();
    const obs = new MutationObserver(() => {
      if (document.querySelector('#events tbody tr')) {
        obs.disconnect();
        done();
      }
    });
    obs.observe(document.documentElement, { childList: true, subtree: true });
  });
}

export const PERF_TESTS = [
  [`the events view of a project with ${EVENTS.toLocaleString('en-US')} events shows its first rows within 1 s`, async (ctx) => {
    const tmp = tempDir('moat-browser-big-');
    const made = new Moatd(ctx.srv.moatd, ctx.srv.webRoot, tmp);
    const srv = new Moatd(ctx.srv.moatd, ctx.srv.webRoot, tmp);
    try {
      await made.start();
      await (await new Api(made.base).login()).createProject(SLUG, 'One million events');
      await made.stop();
      const t = Date.now();
      const seed = spawnSync('python3', [path.join(HERE, 'seed_events.py'), '--db', path.join(tmp, 'moat.db'),
        '--project', SLUG, '--events', String(EVENTS)], { encoding: 'utf8', timeout: 600000 });
      assert.equal(seed.status, 0, `seed_events.py: ${seed.stderr || seed.error}`);
      const seedS = (Date.now() - t) / 1000;
      console.log(`     seeding: ${seed.stdout.trim()} (${seedS.toFixed(1)} s with the python start)`);
      await srv.start();
      const page = await ctx.page();
      await page.goto(srv.base + '/');
      await page.getByLabel('Email').fill('admin@localhost');
      await page.getByLabel('Password').fill(ADMIN_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('#projects-list').filter({ hasNotText: 'Loading' }).waitFor();
      const ROW = '#events tbody tr';
      const views = [
        [`#/p/${SLUG}/events`, ROW],
        [`#/p/${SLUG}/events?interceptor=xss&severity=low`, ROW],
        [`#/p/${SLUG}/events?status=new&q=passwd`, ROW],
        // no event has both: the server reads every xss event to say so
        [`#/p/${SLUG}/events?interceptor=xss&severity=critical`, '#events-empty'],
      ];
      const figures = [];
      for (const [hash, selector] of views) {
        for (let i = 0; i < 3; i++) {
          await page.evaluate(() => { location.hash = '#/projects'; });
          await page.locator('#projects-list').filter({ hasNotText: 'Loading' }).waitFor();
          const ms = await page.evaluate(byHash, [hash, selector]);
          figures.push({ how: selector === ROW ? 'hash change' : 'hash change, to the empty state', hash, ms });
        }
      }
      for (let i = 0; i < 3; i++) {
        await page.goto('about:blank');
        await page.goto(`${srv.base}/#/p/${SLUG}/events`);
        const ms = await page.evaluate(sinceLoad);
        figures.push({ how: 'page load', hash: `#/p/${SLUG}/events`, ms });
      }
      const rows = await page.locator('#events tbody tr').count();
      assert.equal(rows, 50, 'the first page');
      for (const f of figures) console.log(`     first rows: ${f.ms.toFixed(0).padStart(4)} ms  ${f.how.padEnd(31)} ${f.hash}`);
      const worst = figures.reduce((a, b) => (b.ms > a.ms ? b : a));
      console.log(`     first rows at ${EVENTS} events: worst ${worst.ms.toFixed(0)} ms (${worst.how} ${worst.hash}), limit ${LIMIT_MS} ms`);
      for (const f of figures) assert.ok(f.ms < LIMIT_MS, `${f.how} to ${f.hash}: first rows after ${f.ms.toFixed(0)} ms`);
    } finally {
      await made.stop();
      await srv.stop();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, { timeoutMs: 600000 }],
];

// tests/xss/chromium.mjs — the xss check judged by a real browser.
//
// Every payload of payloads.mjs (or of a file given with --file, one
// JSON string a line) goes, unescaped, into every sink below; the page is
// rendered by headless Chromium (Debian's /usr/bin/chromium, through
// playwright-core from tests/browser), alert/confirm/prompt/print are
// hooked, a dialog from any frame or a request to a URL holding "xssran"
// counts too; after load the harness waits, then dispatches mouseover and
// focus to every element and clicks every one. Beside it libmoatagent's
// check (build/xssjudge, tests/xss/xssjudge.c) judges the same page with
// the payload as the request's input. A payload that runs script and is
// allowed is a bypass.
//
//   sh tests/xss/run.sh [--all] [--only SINK,...] [--file F] [--out F] [--resume F.part]
//
// A page that does not finish in RENDER_MS (8000) is reported as HUNG
// (clicking a link whose value is a relative URL can stall the navigation
// from about:blank); --out F streams results to F.part, --resume F.part
// skips what a stopped run rendered. XSS_WORKERS pages at a time (2).
// Network: every request is aborted (nothing leaves the machine).
import { chromium } from '../browser/node_modules/playwright-core/index.mjs';
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { PAYLOADS } from './payloads.mjs';

// [name, head, body, may]; P is replaced by the payload. may(p): whether
// the payload can leave the sink's data at all, by HTML and JavaScript
// rules alone (not the check's): a quoted value without its quote or a
// character reference, raw text without "</", a comment without its end,
// text without '<'. Without --all a payload that cannot is not rendered.
const has = (p, ...cs) => cs.some((c) => p.includes(c));
const SINKS = [
  ['text', '', '<div class="c"><p>P</p></div>', (p) => has(p, '<')],
  ['attr-dq', '', '<form action="/s"><input name="q" value="P"></form>', (p) => has(p, '"')],
  ['attr-sq', '', "<form action='/s'><input name='q' value='P'></form>", (p) => has(p, "'")],
  ['attr-uq', '', '<form action=/s><input name=q value=P></form>', (p) => /[\s>]/.test(p)],
  ['href', '', '<p><a href="P" rel="nofollow">home</a></p>', () => true],
  ['src', '', '<iframe src="P" width="100" height="50"></iframe>', () => true],
  ['script-dq', '<script>var q = "P";</script>', '<p>x</p>', (p) => /["\n\r\u2028\u2029]|<\/|<!--/.test(p)],
  ['script-sq', '', "<script>var q = 'P'; document.title = q;</script>", (p) => /['\n\r\u2028\u2029]|<\/|<!--/.test(p)],
  ['handler', '', '<button onclick="show(\'P\')">show</button>', (p) => /['"&\n\r\u2028\u2029]/.test(p)],
  ['style', '<style>.c { color: P; }</style>', '<p class="c">x</p>', (p) => /<\/|[;}{(]/.test(p)],
  ['textarea', '', '<form><textarea name="t">P</textarea></form>', (p) => has(p, '</')],
  ['title', '<title>P - site</title>', '<p>x</p>', (p) => has(p, '</')],
  ['comment', '', '<!-- user: P --><p>x</p>', (p) => has(p, '>')],
  ['svg', '', '<svg width="100" height="30"><text x="0" y="20">P</text></svg>', (p) => has(p, '<')],
  ['math', '', '<math><mi>P</mi></math>', (p) => has(p, '<')],
  ['noscript', '', '<noscript>P</noscript><p>x</p>', (p) => has(p, '</')],
  ['jsurl', '', '<p><a href="javascript:show(\'P\')">show</a></p>', () => true],
  ['script-tpl', '<script>var q = `P`;</script>', '<p>x</p>', (p) => /`|\$\{|<\/|<!--/.test(p)],
  ['script-num', '<script>var n = P;</script>', '<p>x</p>', () => true],
  ['srcdoc', '', '<iframe srcdoc="<p>P</p>"></iframe>', (p) => /[<&"]/.test(p)],
];

const HOOK = `(() => {
  const hit = () => { try { window.__xssran_(); } catch (e) {} };
  for (const f of ['alert', 'confirm', 'prompt', 'print'])
    try { window[f] = hit; } catch (e) {}
  window.show = () => {};
})();`;

function page(sink, p) {
  const put = (t) => t.split('P').join(p);
  return '<!doctype html><html><head><meta charset="utf-8">' +
    '<style>@keyframes spin { from { opacity: 1 } to { opacity: .9 } }</style>' +
    put(sink[1]) + '</head><body>' + put(sink[2]) + '</body></html>';
}

// The judge, one line in, one line out.
function judge() {
  const p = spawn(process.env.XSSJUDGE || 'build/xssjudge', [], { stdio: ['pipe', 'pipe', 'inherit'] });
  const rl = createInterface({ input: p.stdout });
  const waiting = [];
  rl.on('line', (l) => waiting.shift()(l));
  return {
    ask(html, input) {
      return new Promise((res) => {
        waiting.push(res);
        p.stdin.write(Buffer.from(html).toString('hex') + '\t' + Buffer.from(input).toString('hex') + '\n');
      });
    },
    close() { p.stdin.end(); },
  };
}

// Renders one page; 1 if script ran, 0 if not, -1 if the page hung
// (RENDER_MS: a modal, a print window, a stuck renderer): reported apart.
async function render(ctx, state, html) {
  state.ran = false;
  let pg = null;
  const work = (async () => {
    pg = await ctx.newPage();
    pg.on('dialog', (d) => { state.ran = true; d.dismiss().catch(() => {}); });
    await pg.setContent(html, { waitUntil: 'load', timeout: 2500 }).catch(() => {});
    await pg.waitForTimeout(100);
    await pg.evaluate(() => {
      for (const el of document.querySelectorAll('*')) {
        el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        try { el.focus(); } catch (e) {}
      }
    }).catch(() => {});
    await pg.evaluate(() => {
      for (const el of document.querySelectorAll('body *')) try { el.click(); } catch (e) {}
    }).catch(() => {});
    await pg.waitForTimeout(120);
    await pg.close({ runBeforeUnload: false }).catch(() => {});
    return 0;
  })();
  let timer;
  const hung = new Promise((res) => { timer = setTimeout(() => res(-1), Number(process.env.RENDER_MS || 8000)); });
  const r = await Promise.race([work, hung]);
  clearTimeout(timer);
  if (r === -1 && pg) pg.close({ runBeforeUnload: false }).catch(() => {});
  return state.ran ? 1 : r;
}

async function main() {
  const args = process.argv.slice(2);
  let payloads = PAYLOADS, only = null, out = null, all = false, judgeOnly = false, resume = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--file') payloads = readFileSync(args[++i], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    else if (args[i] === '--only') only = args[++i].split(',');
    else if (args[i] === '--out') out = args[++i];
    else if (args[i] === '--all') all = true;
    else if (args[i] === '--judge-only') judgeOnly = true;
    else if (args[i] === '--resume') resume = readFileSync(args[++i], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  }
  const sinks = SINKS.filter((s) => !only || only.includes(s[0]));
  const cases = [];
  for (let pi = 0; pi < payloads.length; pi++)
    for (const s of sinks) cases.push({ pi, sink: s[0], html: page(s, payloads[pi]), input: payloads[pi], may: s[3](payloads[pi]) });
  const j = judge();
  for (const c of cases) [c.verdict, c.rule] = (await j.ask(c.html, c.input)).split(' ');
  j.close();

  // Without --all only what the check allows is rendered (a bypass is
  // allowed and runs script); ran= then counts those alone.
  // --resume F: the .part file of a run that stopped; its cases are not
  // rendered again.
  const seen = new Map(resume.map((r) => [r.sink + '\t' + r.payload, r]));
  for (const c of cases) {
    const r = seen.get(c.sink + '\t' + payloads[c.pi]);
    if (r) [c.ran, c.hung, c.resumed, c.rendered] = [r.ran, r.hung, true, true];
  }
  const todo = judgeOnly ? [] : cases.filter((c) => !c.resumed && (all || (c.verdict !== 'BLOCK' && c.may)));
  for (const c of cases) if (!c.resumed) c.ran = false;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-print-preview'] });
  const workers = Number(process.env.XSS_WORKERS || 2);
  let next = 0, done = 0;
  await Promise.all([...Array(workers)].map(async () => {
    const ctx = await browser.newContext();
    const state = { ran: false };
    await ctx.exposeBinding('__xssran_', () => { state.ran = true; });
    await ctx.addInitScript(HOOK);
    await ctx.route('**/*', (r) => {
      if (r.request().url().includes('xssran')) state.ran = true;
      r.abort().catch(() => {});
    });
    while (next < todo.length) {
      const c = todo[next++];
      const r = await render(ctx, state, c.html);
      c.ran = r === 1;
      c.rendered = true;
      c.hung = r === -1;
      done++;
      if (c.ran && c.verdict !== 'BLOCK') console.log(`BYPASS ${c.sink} ${JSON.stringify(payloads[c.pi])}`);
      if (c.hung) console.log(`HUNG ${c.sink} ${JSON.stringify(payloads[c.pi])}`);
      if (out) appendFileSync(out + '.part', JSON.stringify({ payload: payloads[c.pi], sink: c.sink, verdict: c.verdict, ran: c.ran, hung: c.hung }) + '\n');
      if (done % 100 === 0) console.error(`.. ${done}/${todo.length}`);
    }
    await ctx.close();
  }));
  await browser.close();

  const n = { cases: cases.length, hung: cases.filter((c) => c.hung).length, ran: 0, blocked: 0, ranBlocked: 0, bypass: 0, blockedInert: 0 };
  for (const c of cases) {
    const b = c.verdict === 'BLOCK';
    if (c.ran) n.ran++;
    if (b) n.blocked++;
    if (c.ran && b) n.ranBlocked++;
    if (!c.ran && b && c.rendered) n.blockedInert++; /* rendered, blocked, ran nothing */
    if (c.ran && !b) n.bypass++;
  }
  if (out) writeFileSync(out, cases.map((c) => JSON.stringify({ payload: payloads[c.pi], sink: c.sink, verdict: c.verdict, rule: c.rule, ran: c.ran })).join('\n') + '\n');
  console.log(`XSSCHROME payloads=${payloads.length} sinks=${sinks.length} cases=${n.cases} rendered=${todo.length} ran=${n.ran} ` +
    `blocked=${n.blocked} ran_blocked=${n.ranBlocked} blocked_inert=${n.blockedInert} hung=${n.hung} bypasses=${n.bypass}`);
  process.exitCode = n.bypass ? 1 : 0;
}

main().catch((e) => { console.error(e); process.exit(2); });

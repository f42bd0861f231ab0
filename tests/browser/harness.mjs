// The browser tests' harness: a real moatd on 127.0.0.1 (ports 0, the
// server prints what it bound) with a database in a temporary directory,
// an API client for setting up data (a cookie session with its CSRF token,
// or a bearer token), and Debian's chromium driven by playwright-core.
// Playwright never downloads a browser here: executablePath is
// /usr/bin/chromium and PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 is set by the
// Makefile for npm.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

export const ADMIN_EMAIL = 'admin@localhost';
export const ADMIN_PASSWORD = 'browser-admin-Passw0rd-long';
const START_TIMEOUT_MS = 15000;

export class Moatd {
  // options.allowPrivateWebhooks: start with --allow-private-webhooks, so
  // that channels may point at a receiver on 127.0.0.1 (off by default).
  constructor(moatd, webRoot, tmp, { allowPrivateWebhooks = false } = {}) {
    this.moatd = moatd;
    this.webRoot = webRoot;
    this.tmp = tmp;
    this.allowPrivateWebhooks = allowPrivateWebhooks;
    this.logPath = path.join(tmp, 'moatd.log');
    // the example agent built next to moatd (make all)
    this.agentDemo = path.join(path.dirname(moatd), 'moat-agent-demo');
  }

  // Starts moatd and resolves once it printed its listening line.
  start() {
    const env = { ...process.env, MOAT_ADMIN_PASSWORD: ADMIN_PASSWORD };
    for (const k of Object.keys(env)) if (k.startsWith('MOAT_') && k !== 'MOAT_ADMIN_PASSWORD') delete env[k];
    const log = fs.createWriteStream(this.logPath);
    this.proc = spawn(this.moatd, ['serve', '--listen', '127.0.0.1:0', '--agent-listen', '127.0.0.1:0',
      '--db', path.join(this.tmp, 'moat.db'), '--web-root', this.webRoot,
      ...(this.allowPrivateWebhooks ? ['--allow-private-webhooks'] : [])],
    { env, stdio: ['ignore', 'ignore', 'pipe'] });
    return new Promise((resolve, reject) => {
      let buf = '';
      const timer = setTimeout(() => reject(new Error(`moatd did not listen within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
      this.proc.stderr.on('data', (d) => {
        log.write(d);
        if (this.port) return;
        buf += d.toString();
        const m = /listening http=127\.0\.0\.1:(\d+) agent=127\.0\.0\.1:(\d+)/.exec(buf);
        if (m) {
          this.port = Number(m[1]);
          this.agentPort = Number(m[2]);
          this.base = `http://127.0.0.1:${this.port}`;
          clearTimeout(timer);
          resolve(this);
        }
      });
      this.proc.on('exit', (code) => {
        if (!this.port) {
          clearTimeout(timer);
          reject(new Error(`moatd exited with ${code} before listening; see ${this.logPath}`));
        }
      });
    });
  }

  // SIGTERM, then waits for the exit (SIGKILL after 10 s).
  stop() {
    if (!this.proc || this.proc.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(() => this.proc.kill('SIGKILL'), 10000);
      this.proc.on('exit', () => {
        clearTimeout(t);
        resolve();
      });
      this.proc.kill('SIGTERM');
    });
  }
}

// A REST client for setting up data: signs in as the admin (cookie + CSRF).
export class Api {
  constructor(base) {
    this.base = base;
    this.cookie = null;
    this.csrf = null;
  }

  async req(method, p, body, { token, expect } = {}) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    else if (this.cookie) {
      headers.Cookie = this.cookie;
      if (method !== 'GET') headers['X-CSRF-Token'] = this.csrf;
    }
    const res = await fetch(this.base + p, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (expect !== undefined && res.status !== expect) {
      throw new Error(`${method} ${p}: expected ${expect}, got ${res.status} ${text.slice(0, 300)}`);
    }
    return { status: res.status, body: json, headers: res.headers };
  }

  async login(email = ADMIN_EMAIL, password = ADMIN_PASSWORD) {
    const r = await fetch(this.base + '/api/v1/auth/login', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }),
    });
    if (r.status !== 200) throw new Error(`login: ${r.status}`);
    this.cookie = r.headers.get('set-cookie').split(';')[0];
    this.csrf = (await r.json()).csrf_token;
    return this;
  }

  async createProject(slug, name = slug) {
    return (await this.req('POST', '/api/v1/projects', { slug, name }, { expect: 201 })).body;
  }

  async agentToken(slug) {
    const r = await this.req('POST', `/api/v1/projects/${slug}/tokens`, { kind: 'agent', name: `agent-${Date.now()}` }, { expect: 201 });
    return r.body.token;
  }

  // Reports events with an agent token; all must be accepted.
  async ingest(token, events, environment = 'production') {
    const r = await this.req('POST', '/api/v1/agent/events', { events, environment }, { token, expect: 200 });
    if (r.body.accepted !== events.length) throw new Error(`ingest: ${JSON.stringify(r.body).slice(0, 500)}`);
    return r.body;
  }
}

let seq = 0;
export function unique(prefix) {
  seq += 1;
  return `${prefix}-${process.pid}-${seq}`;
}

export function event(fields = {}) {
  return {
    id: crypto.randomUUID(),
    ts: new Date().toISOString(),
    interceptor: 'sql_injection',
    action: 'blocked',
    severity: 'high',
    ...fields,
  };
}

// Helper processes of a test (moat-agent-demo, moat-loadgen): spawned
// through here, so that every one still running is killed at the test's
// end (Ctx.close) and, whatever happens, when this process exits.
const children = new Set();
process.on('exit', () => {
  for (const p of children) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
});

export function spawnTracked(cmd, args) {
  const p = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  p.out = '';
  p.err = '';
  p.stdout.on('data', (d) => { p.out += d; });
  p.stderr.on('data', (d) => { p.err += d; });
  p.on('exit', () => children.delete(p));
  p.on('error', () => children.delete(p));
  children.add(p);
  return p;
}

// Kills p (SIGTERM, SIGKILL after 3 s) and resolves when it has exited.
export function killTracked(p) {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => p.kill('SIGKILL'), 3000);
    p.on('exit', () => {
      clearTimeout(t);
      resolve();
    });
    p.kill('SIGTERM');
  });
}

// Resolves when p's stdout matches re (rejects after ms, or when p exits).
export function waitOutput(p, re, ms = 15000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = re.exec(p.out);
      if (m) {
        done();
        resolve(m);
      }
    };
    const fail = (why) => {
      done();
      reject(new Error(`${why}; stdout: ${p.out.slice(-500)} stderr: ${p.err.slice(-500)}`));
    };
    const t = setTimeout(() => fail(`no ${re} within ${ms} ms`), ms);
    const onExit = (code) => fail(`exited with ${code} before ${re}`);
    const done = () => {
      clearTimeout(t);
      p.stdout.off('data', check);
      p.off('exit', onExit);
    };
    p.stdout.on('data', check);
    p.on('exit', onExit);
    check();
  });
}

export const CHROMIUM = '/usr/bin/chromium';

// The flags of every launch. Playwright gives each launch a fresh
// --user-data-dir of its own (it refuses one in args).
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const require = createRequire(import.meta.url);
export const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

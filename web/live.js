// The live feed of one project (agentproto/PROTOCOL.md, "The dashboard's
// live feed"): a one-time ticket from POST /api/v1/live/ticket, then a
// WebSocket with subprotocol moat.live.v1, on the ticket's port of this
// host or, without a port (behind --public-url), on this origin. Reconnects
// with a new ticket after a lost connection, backing off up to 30 s; a
// session that ended (close 4401) stops it and calls onEnded.
import { api } from './api.js';

const PROTOCOL = 'moat.live.v1';

// The feed's state in a status element (its class: live-{state}).
export const showState = (el) => (s) => {
  el.textContent = { connecting: 'Connecting to live updates…', live: 'Live', lost: 'Live updates lost; reconnecting…' }[s];
  el.className = `live-${s}`;
};

// fn runs `ms` after the first of a run of calls (the others join it).
export function soon(fn, ms) {
  let t = null;
  const d = () => { t = t || setTimeout(() => { t = null; fn(); }, ms); };
  d.cancel = () => clearTimeout(t);
  return d;
}

// opts: {slug, filters (the feed's: environment, interceptor, action,
// severity), notes (true: also agent and policy notes), onEvent(e),
// onNote(msg) (msg.type 'agents' or 'policy'), onDropped(n),
// onState('connecting'|'live'|'lost'), onEnded()}. Returns {close()}.
export function openLive(opts) {
  let ws = null;
  let closed = false;
  let timer = null;
  let backoff = 1000;

  const retry = () => {
    if (closed) return;
    opts.onState('lost');
    timer = setTimeout(connect, backoff);
    backoff = Math.min(backoff * 2, 30000);
  };

  async function connect() {
    timer = null;
    if (closed) return;
    opts.onState('connecting');
    let r;
    try {
      r = await api('POST', '/api/v1/live/ticket', { project: opts.slug });
    } catch {
      return retry();
    }
    if (closed) return;
    if (r.status === 401) return opts.onEnded();
    if (r.status !== 201 || !r.body || typeof r.body.url !== 'string') return retry();
    const t = r.body;
    const url = Number.isInteger(t.port)
      ? `ws://${location.hostname}:${t.port}${t.url}`
      : `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${t.url}`;
    try {
      ws = new WebSocket(url, t.protocol || PROTOCOL);
    } catch {
      return retry();
    }
    ws.addEventListener('open', () => {
      const sub = { type: 'subscribe', filters: opts.filters };
      if (opts.notes) sub.notes = true;
      ws.send(JSON.stringify(sub));
    });
    ws.addEventListener('message', (m) => {
      let msg;
      try {
        msg = JSON.parse(m.data);
      } catch {
        return;
      }
      if (!msg || typeof msg !== 'object') return;
      if (msg.type === 'subscribed') {
        backoff = 1000;
        opts.onState('live');
      } else if (msg.type === 'event' && msg.event && typeof msg.event === 'object') {
        opts.onEvent(msg.event);
      } else if ((msg.type === 'agents' || msg.type === 'policy') && opts.onNote) {
        opts.onNote(msg);
      } else if (msg.type === 'dropped' && Number.isInteger(msg.events)) {
        opts.onDropped(msg.events);
      }
    });
    ws.addEventListener('close', (c) => {
      ws = null;
      if (closed) return;
      if (c.code === 4401) {
        closed = true;
        opts.onEnded();
        return;
      }
      retry();
    });
  }

  connect();
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (ws) ws.close(1000);
    },
  };
}

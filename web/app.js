// Moat dashboard: the shell (sign in, who am I, sign out) and the router.
// Routes live in the URL hash (ROUTES; a list's filters in its query, as
// the API names them), so every screen can be bookmarked and the server
// serves only static files. Server strings are rendered as text (dom.js).
import { api, problemText, setCsrf } from './api.js';
import { h, errorBox, field, postForm } from './dom.js';
import { projectsView } from './projects.js';
import { eventsView, eventView } from './events.js';
import { attacksView } from './attacks.js';
import { tokensView } from './tokens.js';
import { agentsView } from './agents.js';
import { channelsView, channelView } from './channels.js';
import { usersView } from './users.js';
import { auditView } from './audit.js';
import { policyPickerView, policyEditorView } from './policy.js';
import { policyHistoryView } from './policyhistory.js';
import { overviewView } from './overview.js';

// [the route's segments ('*': any one, passed to the view in order), view]
const ROUTES = [
  ['projects', projectsView], ['', projectsView], ['users', usersView], ['audit', auditView],
  ['p/*', overviewView], ['p/*/overview', overviewView], ['p/*/attacks', attacksView],
  ['p/*/events', eventsView], ['p/*/events/*', eventView], ['p/*/agents', agentsView], ['p/*/tokens', tokensView],
  ['p/*/channels', channelsView], ['p/*/channels/*', channelView], ['p/*/policy', policyPickerView],
  ['p/*/policy/*', policyEditorView], ['p/*/policy/*/history', policyHistoryView],
];

const $ = (id) => document.getElementById(id);
let me = null;
let cleanup = null; // the current screen's teardown (e.g. closes the live feed)
let focusView = false; // a navigation's screen takes the focus when it is drawn

// Parses the hash into {parts, query}.
export function currentRoute() {
  const raw = location.hash.replace(/^#/, '') || '/projects';
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, query };
}


// nodes: nodes, strings (as text) or arrays of them; null and false are left out.
// After a navigation the new screen takes the focus here, once, as it is
// drawn: not when its last request answers, by which time the keyboard may
// have moved on (a focused link would lose the Enter meant for it).
function setView(title, ...nodes) {
  const view = $('view');
  view.replaceChildren(...nodes.flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false));
  document.title = title ? `${title} · Moat` : 'Moat';
  if (focusView) {
    focusView = false;
    view.focus({ preventScroll: true });
  }
}

function loginView(message) {
  const email = h('input', { name: 'email', type: 'email', autocomplete: 'username', required: true });
  const pass = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const [form, err] = postForm({ class: 'stack', id: 'login-form' }, 'Sign in',
    [field('login-email', 'Email', email), field('login-password', 'Password', pass)], async () => {
      const r = await api('POST', '/api/v1/auth/login', { email: email.value, password: pass.value });
      if (r.status !== 200 || !r.body?.user) return problemText(r);
      setCsrf(r.body.csrf_token);
      signedIn(r.body.user);
      await render();
    });
  err.textContent = message || '';
  setView('Sign in', h('section', { class: 'narrow' }, h('h1', {}, 'Sign in'), form, err));
  $('nav').hidden = true;
  $('who').hidden = true;
  email.focus();
}

function signedIn(user) {
  me = user;
  $('who-email').textContent = String(user.email);
  $('who-role').textContent = String(user.role);
  $('who').hidden = false;
  $('nav').hidden = false;
  // what only admins may open is not offered to others
  for (const el of document.querySelectorAll('#nav [data-admin]')) el.hidden = user.role !== 'admin';
}

// The session ended under a screen (the live feed was closed with 4401).
function sessionEnded() {
  me = null;
  setCsrf(null);
  render();
}

// Draws the screen the URL names.
async function render() {
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  if (!me) return loginView();
  const { parts, query } = currentRoute();
  for (const a of document.querySelectorAll('#nav a')) {
    const here = a.getAttribute('href') === `#/${parts[0] || 'projects'}`;
    if (here) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const ctx = { me, query, onCleanup: (f) => { cleanup = f; }, setView, sessionEnded, refresh: render };
  const route = ROUTES.find(([pattern]) => {
    const p = pattern ? pattern.split('/') : [];
    return p.length === parts.length && p.every((x, i) => (x === '*' ? parts[i] : x === parts[i]));
  });
  try {
    if (!route) {
      return setView('Not found', h('h1', {}, 'Not found'),
        h('p', {}, 'This page does not exist. ', h('a', { href: '#/projects' }, 'Go to the projects.')));
    }
    await route[1](ctx, ...parts.filter((_, i) => route[0].split('/')[i] === '*'));
  } catch (e) {
    if (e && e.status === 401) {
      me = null;
      setCsrf(null);
      return loginView('Your session has ended. Sign in again.');
    }
    setView('Error', h('h1', {}, 'Something went wrong'), errorBox(e && e.message ? e.message : 'The server cannot be reached.'));
  }
}

async function start() {
  let r;
  try {
    r = await api('GET', '/api/v1/auth/me');
  } catch {
    return loginView('The server cannot be reached.');
  }
  if (r.status === 200 && r.body && r.body.user) {
    setCsrf(r.body.csrf_token);
    signedIn(r.body.user);
  } else if (r.status !== 401) {
    return loginView(problemText(r));
  }
  await render();
}

$('logout').addEventListener('click', async () => {
  const button = $('logout');
  button.disabled = true;
  try {
    await api('POST', '/api/v1/auth/logout');
  } catch {
    // whatever happened, forget the session here; the server asks again
  } finally {
    button.disabled = false;
    setCsrf(null);
    me = null;
  }
  await render();
});

window.addEventListener('hashchange', () => {
  focusView = true;
  render();
});

start();

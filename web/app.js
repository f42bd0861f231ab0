// Moat placeholder dashboard (ES module; the CSP allows no inline script).
// Signs in with POST /api/v1/auth/login, shows the user from
// /api/v1/auth/me and the projects from /api/v1/projects. Every string that
// comes from the server is rendered with textContent, never as HTML.
// The session lives in an HttpOnly cookie; the CSRF token is kept in memory
// only and sent as X-CSRF-Token on every state change.

const $ = (id) => document.getElementById(id);

let csrfToken = null;

// Calls the API. Resolves to {status, body}; body is the parsed JSON (or a
// problem+json object) or null. Network failures reject.
async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  const res = await fetch(path, init);
  let data = null;
  const type = res.headers.get('Content-Type') || '';
  if (res.status !== 204 && type.includes('json')) {
    try {
      data = await res.json();
    } catch {
      data = null;
    }
  }
  return { status: res.status, body: data };
}

// A human-readable message for a failed call (problem+json or otherwise).
function problemText(r) {
  const p = r.body;
  if (p && typeof p === 'object') {
    if (p.code === 'rate_limited') return 'Too many attempts. Try again later.';
    if (p.code === 'invalid_credentials') return 'Wrong email or password.';
    if (typeof p.detail === 'string' && p.detail) return p.detail;
    if (typeof p.title === 'string' && p.title) return p.title;
  }
  return `Request failed (HTTP ${r.status}).`;
}

function show(view) {
  $('loading').hidden = true;
  $('login-view').hidden = view !== 'login';
  $('projects-view').hidden = view !== 'projects';
  $('who').hidden = view !== 'projects';
}

function formatTime(value) {
  if (typeof value !== 'string') return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toLocaleString();
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

function renderProjects(projects) {
  const tbody = $('projects').querySelector('tbody');
  tbody.replaceChildren();
  for (const p of projects) {
    const tr = document.createElement('tr');
    if (p.archived) tr.className = 'archived';
    const envs = Array.isArray(p.environments)
      ? p.environments.map((e) => String(e.name)).join(', ')
      : '';
    const name = p.archived ? `${p.name} (archived)` : String(p.name);
    tr.append(cell(String(p.slug)), cell(name), cell(envs), cell(formatTime(p.created_at)));
    tbody.append(tr);
  }
  $('projects').hidden = projects.length === 0;
  $('projects-empty').hidden = projects.length !== 0;
}

async function loadProjects() {
  $('projects-error').textContent = '';
  const r = await api('GET', '/api/v1/projects');
  if (r.status === 200 && r.body && Array.isArray(r.body.projects)) {
    renderProjects(r.body.projects);
  } else {
    renderProjects([]);
    $('projects-empty').hidden = true;
    $('projects-error').textContent = problemText(r);
  }
}

function showUser(user) {
  $('who-email').textContent = String(user.email);
  $('who-role').textContent = String(user.role);
  show('projects');
}

// Asks the server who we are; shows the login form when nobody is.
async function refresh() {
  const r = await api('GET', '/api/v1/auth/me');
  if (r.status === 200 && r.body && r.body.user) {
    csrfToken = typeof r.body.csrf_token === 'string' ? r.body.csrf_token : null;
    showUser(r.body.user);
    await loadProjects();
  } else {
    csrfToken = null;
    show('login');
    if (r.status !== 401) $('login-error').textContent = problemText(r);
  }
}

async function onLogin(ev) {
  ev.preventDefault();
  const form = ev.currentTarget;
  const button = form.querySelector('button[type="submit"]');
  const error = $('login-error');
  error.textContent = '';
  button.disabled = true;
  try {
    const r = await api('POST', '/api/v1/auth/login', {
      email: form.elements.email.value,
      password: form.elements.password.value,
    });
    if (r.status === 200 && r.body && r.body.user) {
      csrfToken = typeof r.body.csrf_token === 'string' ? r.body.csrf_token : null;
      form.reset();
      showUser(r.body.user);
      await loadProjects();
    } else {
      error.textContent = problemText(r);
    }
  } catch {
    error.textContent = 'The server cannot be reached.';
  } finally {
    button.disabled = false;
  }
}

async function onLogout() {
  const button = $('logout');
  button.disabled = true;
  try {
    await api('POST', '/api/v1/auth/logout');
  } catch {
    // The cookie is HttpOnly; whatever happened, forget the CSRF token and
    // ask the server again below.
  } finally {
    button.disabled = false;
    csrfToken = null;
    $('projects').querySelector('tbody').replaceChildren();
  }
  await refresh();
}

$('login-form').addEventListener('submit', onLogin);
$('logout').addEventListener('click', onLogout);

refresh().catch(() => {
  show('login');
  $('login-error').textContent = 'The server cannot be reached.';
});

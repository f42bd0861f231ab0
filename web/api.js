// The REST client. The session lives in an HttpOnly cookie; the CSRF token
// is kept in memory only and sent as X-CSRF-Token on every state change.

let csrfToken = null;

export function setCsrf(token) {
  csrfToken = typeof token === 'string' ? token : null;
}

// Resolves to {status, body, headers}; body is the parsed JSON (or a
// problem+json object) or null. Network failures reject. extraHeaders:
// more request headers (e.g. If-Match).
export async function api(method, path, body, extraHeaders = {}) {
  const headers = { Accept: 'application/json', ...extraHeaders };
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
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
  return { status: res.status, body: data, headers: res.headers };
}

// A sentence for a failed call (problem+json or otherwise).
export function problemText(r) {
  const p = r.body;
  if (p && typeof p === 'object') {
    if (p.code === 'rate_limited') return 'Too many attempts. Try again later.';
    if (p.code === 'invalid_credentials') return 'Wrong email or password.';
    let s = typeof p.detail === 'string' && p.detail ? p.detail : typeof p.title === 'string' ? p.title : '';
    if (Array.isArray(p.errors) && p.errors.length) {
      s += ' ' + p.errors.map((e) => `${e.path || ''}: ${e.message || ''}`).join('; ');
    }
    if (s) return s;
  }
  return `Request failed (HTTP ${r.status}).`;
}

// The path of one project's resource, with each segment encoded.
export function projectPath(slug, rest = '') {
  return `/api/v1/projects/${encodeURIComponent(slug)}${rest}`;
}

// The body of a successful answer; a 401 throws {status: 401} (the router
// shows the sign-in form), any other failure throws an Error with the
// server's sentence.
export async function get(path) {
  const r = await api('GET', path);
  if (r.status === 200) return r.body;
  if (r.status === 401) throw Object.assign(new Error('signed out'), { status: 401 });
  throw Object.assign(new Error(problemText(r)), { status: r.status });
}

// Users (#/users, role admin; the API answers 403 to anyone else, and so
// does this screen, without asking): the list, create (email, name, role,
// an initial password of 12 characters or more), change a role, disable
// (a second click confirms; it ends the user's sessions) and enable. The
// API has no delete: a disabled user cannot sign in. The server refuses a
// change that would leave no enabled admin (409 last_admin).
import { api, get, problemText } from './api.js';
import { h, txt, formatTime, loading, errorBox, announce, confirmButton, forbidden, scrollBox } from './dom.js';

const ROLES = ['viewer', 'editor', 'admin'];
const NOT_ALLOWED = 'Only admins manage users.';

function userPath(id) {
  return `/api/v1/users/${encodeURIComponent(id)}`;
}

function roleControl(u, reload) {
  const id = `role-${u.id}`;
  const select = h('select', { id, 'aria-label': `Role of ${u.email}` },
    ROLES.map((r) => h('option', { value: r, selected: u.role === r }, r)));
  const button = h('button', { type: 'button', class: 'secondary', 'aria-label': `Change the role of ${u.email}` }, 'Change');
  const msg = h('span', { class: 'note', role: 'status' });
  button.addEventListener('click', async () => {
    if (select.value === u.role) {
      msg.textContent = 'Unchanged.';
      return;
    }
    button.disabled = true;
    msg.textContent = '';
    try {
      const r = await api('PATCH', userPath(u.id), { role: select.value });
      if (r.status === 200) {
        announce(`${u.email} is now ${r.body.role}.`);
        await reload();
      } else {
        msg.textContent = problemText(r);
      }
    } catch {
      msg.textContent = 'The server cannot be reached.';
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { class: 'role-control' }, select, button, msg);
}

function userRow(u, me, reload) {
  const self = me && me.id === u.id;
  let toggle;
  const setDisabled = async (disabled, button) => {
    const r = await api('PATCH', userPath(u.id), { disabled });
    if (r.status === 200) {
      announce(`${u.email} ${disabled ? 'disabled' : 'enabled'}.`);
      await reload();
    } else {
      button.replaceWith(errorBox(problemText(r)));
    }
  };
  if (u.disabled) {
    toggle = h('button', { type: 'button', class: 'secondary', 'aria-label': `Enable ${u.email}` }, 'Enable');
    toggle.addEventListener('click', async () => {
      toggle.disabled = true;
      await setDisabled(false, toggle);
    });
  } else {
    toggle = self ? h('span', { class: 'note' }, 'you') : confirmButton('Disable', String(u.email), (b) => setDisabled(true, b));
  }
  return h('tr', { 'data-email': String(u.email), class: u.disabled ? 'archived' : undefined },
    h('td', { class: 'cut' }, txt(u.email)),
    h('td', {}, txt(u.name)),
    h('td', { class: 'role' }, roleControl(u, reload)),
    h('td', { class: 'user-state' }, u.disabled ? 'disabled' : 'active'),
    h('td', {}, formatTime(u.created_at)),
    h('td', {}, u.last_login_at ? formatTime(u.last_login_at) : 'never'),
    h('td', {}, toggle));
}

function createForm(onCreated) {
  const err = errorBox('');
  const email = h('input', { id: 'user-email', name: 'email', type: 'email', required: true, maxlength: 254, autocomplete: 'off' });
  const name = h('input', { id: 'user-name', name: 'name', autocomplete: 'off' });
  const role = h('select', { id: 'user-role', name: 'role' },
    ROLES.map((r) => h('option', { value: r }, r)));
  const pass = h('input', {
    id: 'user-password', name: 'password', type: 'password', required: true, minlength: 12, maxlength: 1024,
    autocomplete: 'new-password', 'aria-describedby': 'user-password-help',
  });
  const button = h('button', { type: 'submit' }, 'Create user');
  const form = h('form', { class: 'inline', id: 'create-user' },
    h('div', { class: 'field' }, h('label', { for: 'user-email' }, 'Email'), email),
    h('div', { class: 'field' }, h('label', { for: 'user-name' }, 'Name (optional)'), name),
    h('div', { class: 'field' }, h('label', { for: 'user-role' }, 'Role'), role),
    h('div', { class: 'field' }, h('label', { for: 'user-password' }, 'Initial password'), pass,
      h('small', { id: 'user-password-help' }, '12 characters or more; give it to the user safely')),
    button);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    button.disabled = true;
    const body = { email: email.value.trim(), password: pass.value, role: role.value };
    if (name.value.trim()) body.name = name.value.trim();
    try {
      const r = await api('POST', '/api/v1/users', body);
      if (r.status === 201) {
        announce(`User ${r.body.email} created.`);
        form.reset();
        await onCreated();
      } else {
        err.textContent = problemText(r);
      }
    } catch {
      err.textContent = 'The server cannot be reached.';
    } finally {
      button.disabled = false;
    }
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'new-user-title' },
    h('h2', { id: 'new-user-title' }, 'New user'), form, err);
}

export async function usersView(ctx) {
  if (ctx.me.role !== 'admin') {
    ctx.setView('Not allowed', ...forbidden(NOT_ALLOWED));
    return;
  }
  ctx.setView('Users', loading('users'));
  const list = h('div', { id: 'users-list' }, loading('users'));
  const reload = async () => {
    try {
      const b = await get('/api/v1/users');
      const users = Array.isArray(b.users) ? b.users : [];
      list.replaceChildren(scrollBox('Users', h('table', { id: 'users' },
        h('caption', { class: 'sr-only' }, 'Users'),
        h('thead', {}, h('tr', {}, ['Email', 'Name', 'Role', 'State', 'Created', 'Last sign-in', 'Access']
          .map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, users.map((u) => userRow(u, ctx.me, reload))))));
    } catch (err) {
      if (err.status === 401) throw err;
      if (err.status === 403) {
        ctx.setView('Not allowed', ...forbidden(NOT_ALLOWED));
        return;
      }
      list.replaceChildren(errorBox(err.message));
    }
  };
  ctx.setView('Users', h('h1', {}, 'Users'), list, createForm(reload));
  await reload();
}

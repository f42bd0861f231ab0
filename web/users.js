// Users (#/users, admins only; others get the 403 state without asking):
// list, create (password of 12+ characters), change a role, disable (second
// click; ends the user's sessions) and enable. There is no delete, and the
// server refuses to leave no enabled admin (409 last_admin).
import { api, problemText } from './api.js';
import { h, txt, formatTime, loading, announce, confirmButton, forbidden, scrollBox, button, busy, field, options, table,
  reloader, postForm, panel, rowCall } from './dom.js';

const ROLES = ['viewer', 'editor', 'admin'];
const NOT_ALLOWED = 'Only admins manage users.';
const userPath = (id) => `/api/v1/users/${encodeURIComponent(id)}`;

// The role is changed in place (the row is not drawn again), so a choice
// made meanwhile in this or another row is never undone by a redraw.
function roleControl(u) {
  const select = h('select', { id: `role-${u.id}`, 'aria-label': `Role of ${u.email}` }, options(ROLES, u.role));
  const msg = h('span', { class: 'note', role: 'status' });
  const change = button('Change', { class: 'secondary', 'aria-label': `Change the role of ${u.email}` }, () => {
    if (select.value === u.role) return void (msg.textContent = 'Unchanged.');
    return busy(change, msg, async () => {
      const r = await api('PATCH', userPath(u.id), { role: select.value });
      if (r.status !== 200) return problemText(r);
      u.role = r.body.role;
      announce(`${u.email} is now ${u.role}.`);
      return 'Changed.';
    });
  });
  return h('div', { class: 'role-control' }, select, change, msg);
}

function userRow(u, me, reload) {
  const setDisabled = (disabled, b) => rowCall(b, ['PATCH', userPath(u.id), { disabled }],
    () => `${u.email} ${disabled ? 'disabled' : 'enabled'}.`, reload);
  return h('tr', { 'data-email': String(u.email), class: u.disabled ? 'archived' : undefined },
    h('td', { class: 'cut' }, txt(u.email)),
    h('td', {}, txt(u.name)),
    h('td', { class: 'role' }, roleControl(u)),
    h('td', { class: 'user-state' }, u.disabled ? 'disabled' : 'active'),
    h('td', {}, formatTime(u.created_at)),
    h('td', {}, u.last_login_at ? formatTime(u.last_login_at) : 'never'),
    h('td', {}, u.disabled ? button('Enable', { class: 'secondary', 'aria-label': `Enable ${u.email}` }, (b) => setDisabled(false, b))
      : me && me.id === u.id ? h('span', { class: 'note' }, 'you') : confirmButton('Disable', String(u.email), (b) => setDisabled(true, b))));
}

function createForm(onCreated) {
  const email = h('input', { name: 'email', type: 'email', required: true, maxlength: 254, autocomplete: 'off' });
  const name = h('input', { name: 'name', autocomplete: 'off' });
  const role = h('select', { name: 'role' }, options(ROLES));
  const pass = h('input', {
    name: 'password', type: 'password', required: true, minlength: 12, maxlength: 1024, autocomplete: 'new-password',
  });
  return panel('new-user-title', 'New user', postForm({ id: 'create-user' }, 'Create user', [
    field('user-email', 'Email', email), field('user-name', 'Name (optional)', name), field('user-role', 'Role', role),
    field('user-password', 'Initial password', pass, '12 characters or more; give it to the user safely'),
  ], async (form) => {
    const body = { email: email.value.trim(), password: pass.value, role: role.value };
    if (name.value.trim()) body.name = name.value.trim();
    const r = await api('POST', '/api/v1/users', body);
    if (r.status !== 201) return problemText(r);
    announce(`User ${r.body.email} created.`);
    form.reset();
    await onCreated();
  }));
}

export async function usersView(ctx) {
  const no = () => ctx.setView('Not allowed', ...forbidden(NOT_ALLOWED));
  if (ctx.me.role !== 'admin') return no();
  ctx.setView('Users', loading('users'));
  const list = reloader('users-list', 'users', '/api/v1/users', (b) => scrollBox('Users', table('users', 'Users',
    ['Email', 'Name', 'Role', 'State', 'Created', 'Last sign-in', 'Access'],
    (Array.isArray(b.users) ? b.users : []).map((u) => userRow(u, ctx.me, list.reload)))), no);
  ctx.setView('Users', h('h1', {}, 'Users'), list.node, createForm(list.reload));
  await list.reload();
}

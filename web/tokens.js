// A project's tokens: the list (secrets are never listed, only their
// prefix), create (the secret shown once, with a copy button and a
// warning) and revoke (a second click confirms; no dialog). An archived
// project's tokens are listed only.
import { api, get, problemText, projectPath } from './api.js';
import { h, txt, formatTime, loading, errorBox, announce, projectNav, confirmButton, shownOnce } from './dom.js';

function tokenRow(slug, t, canEdit, reload) {
  let action = '—';
  if (canEdit && !t.revoked) {
    action = confirmButton('Revoke', String(t.name), async (button) => {
      const r = await api('DELETE', projectPath(slug, `/tokens/${encodeURIComponent(t.id)}`));
      if (r.status === 204 || r.status === 200) {
        announce(`Token ${t.name} revoked.`);
        await reload();
      } else {
        button.replaceWith(errorBox(problemText(r)));
      }
    });
  }
  return h('tr', { class: t.revoked ? 'archived' : undefined, 'data-id': String(t.id) },
    h('td', {}, txt(t.name)), h('td', {}, txt(t.kind)), h('td', { class: 'mono' }, `${txt(t.prefix)}…`),
    h('td', {}, formatTime(t.created_at)), h('td', {}, t.last_used_at ? formatTime(t.last_used_at) : 'never'),
    h('td', {}, t.expires_at ? formatTime(t.expires_at) : 'never'),
    h('td', {}, t.revoked ? 'revoked' : 'active'), h('td', {}, action));
}

function createForm(slug, onCreated) {
  const err = errorBox('');
  const shown = h('div', { id: 'token-secret', hidden: true });
  const kind = h('select', { id: 'tok-kind', name: 'kind' },
    h('option', { value: 'agent' }, 'agent (reports events, gets the policy)'),
    h('option', { value: 'ci' }, 'ci (reads events, pushes policy)'));
  const name = h('input', { id: 'tok-name', name: 'name', required: true, autocomplete: 'off' });
  const button = h('button', { type: 'submit' }, 'Create token');
  const form = h('form', { class: 'inline', id: 'create-token' },
    h('div', { class: 'field' }, h('label', { for: 'tok-name' }, 'Name'), name),
    h('div', { class: 'field' }, h('label', { for: 'tok-kind' }, 'Kind'), kind), button);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    button.disabled = true;
    try {
      const r = await api('POST', projectPath(slug, '/tokens'), { kind: kind.value, name: name.value });
      if (r.status !== 201) {
        err.textContent = problemText(r);
        return;
      }
      shown.replaceChildren(...shownOnce('token-value', String(r.body.token),
        'Copy this token now: it is shown only once.'));
      shown.hidden = false;
      form.reset();
      await onCreated();
    } catch {
      err.textContent = 'The server cannot be reached.';
    } finally {
      button.disabled = false;
    }
  });
  return h('section', { class: 'panel' }, h('h2', {}, 'New token'), form, err, shown);
}

export async function tokensView(ctx, slug) {
  ctx.setView(`Tokens · ${slug}`, loading('tokens'));
  const project = await get(projectPath(slug));
  const canEdit = ctx.me.role !== 'viewer' && !project.archived;
  const list = h('div', { id: 'tokens-list' }, loading('tokens'));
  const reload = async () => {
    try {
      const b = await get(projectPath(slug, '/tokens'));
      const tokens = Array.isArray(b.tokens) ? b.tokens : [];
      list.replaceChildren(tokens.length === 0
        ? h('p', { class: 'state', id: 'tokens-empty' }, 'No tokens yet.')
        : h('div', { class: 'scroll' }, h('table', { id: 'tokens' },
          h('caption', { class: 'sr-only' }, `Tokens of ${slug}`),
          h('thead', {}, h('tr', {}, ['Name', 'Kind', 'Prefix', 'Created', 'Last used', 'Expires', 'State', 'Action']
            .map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, tokens.map((t) => tokenRow(slug, t, canEdit, reload))))));
    } catch (err) {
      if (err.status === 401) throw err;
      list.replaceChildren(errorBox(err.message));
    }
  };
  const nodes = [projectNav(slug, project, 'tokens'), h('h1', {}, 'Tokens'), list];
  if (canEdit) nodes.push(createForm(slug, reload));
  ctx.setView(`Tokens · ${slug}`, ...nodes);
  await reload();
}

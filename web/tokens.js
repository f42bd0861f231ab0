// A project's tokens: list (only their prefix), create (the secret shown
// once, with a copy button) and revoke (second click). An archived
// project's tokens are listed only.
import { api, get, problemText, projectPath } from './api.js';
import { h, txt, formatTime, loading, projectNav, confirmButton, shownOnce, scrollBox, field, options, table, reloader,
  postForm, panel, rowCall } from './dom.js';

function tokenRow(slug, t, canEdit, reload) {
  return h('tr', { class: t.revoked ? 'archived' : undefined, 'data-id': String(t.id) },
    h('td', {}, txt(t.name)), h('td', {}, txt(t.kind)), h('td', { class: 'mono' }, `${txt(t.prefix)}…`),
    h('td', {}, formatTime(t.created_at)), h('td', {}, t.last_used_at ? formatTime(t.last_used_at) : 'never'),
    h('td', {}, t.expires_at ? formatTime(t.expires_at) : 'never'),
    h('td', {}, t.revoked ? 'revoked' : 'active'),
    h('td', {}, canEdit && !t.revoked ? confirmButton('Revoke', String(t.name), (b) => rowCall(b,
      ['DELETE', projectPath(slug, `/tokens/${encodeURIComponent(t.id)}`)], () => `Token ${t.name} revoked.`, reload)) : '—'));
}

function createForm(slug, onCreated) {
  const shown = h('div', { id: 'token-secret', hidden: true });
  const kind = h('select', { name: 'kind' },
    options([['agent', 'agent (reports events, gets the policy)'], ['ci', 'ci (reads events, pushes policy)']]));
  const name = h('input', { name: 'name', required: true, autocomplete: 'off' });
  return panel('new-token-title', 'New token', postForm({ id: 'create-token' }, 'Create token',
    [field('tok-name', 'Name', name), field('tok-kind', 'Kind', kind)], async (form) => {
      const r = await api('POST', projectPath(slug, '/tokens'), { kind: kind.value, name: name.value });
      if (r.status !== 201) return problemText(r);
      shown.replaceChildren(...shownOnce('token-value', String(r.body.token), 'Copy this token now: it is shown only once.'));
      shown.hidden = false;
      form.reset();
      await onCreated();
    }), shown);
}

export async function tokensView(ctx, slug) {
  ctx.setView(`Tokens · ${slug}`, loading('tokens'));
  const project = await get(projectPath(slug));
  const canEdit = ctx.me.role !== 'viewer' && !project.archived;
  const list = reloader('tokens-list', 'tokens', projectPath(slug, '/tokens'), (b) => {
    const tokens = Array.isArray(b.tokens) ? b.tokens : [];
    return tokens.length === 0 ? h('p', { class: 'state', id: 'tokens-empty' }, 'No tokens yet.')
      : scrollBox('Tokens', table('tokens', `Tokens of ${slug}`, ['Name', 'Kind', 'Prefix', 'Created', 'Last used', 'Expires', 'State', 'Action'],
        tokens.map((t) => tokenRow(slug, t, canEdit, list.reload))));
  });
  ctx.setView(`Tokens · ${slug}`, projectNav(slug, project, 'tokens'), h('h1', {}, 'Tokens'), list.node,
    canEdit ? createForm(slug, list.reload) : null);
  await list.reload();
}

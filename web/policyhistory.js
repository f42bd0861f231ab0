// A policy's versions (#/p/{slug}/policy/{env}/history[?from=A&to=B]):
// newest first, the diff of two (computed here from their documents, as
// the server diffs a dry run), and rollback after a confirmation (POST
// …/policy/rollback makes a new version equal to the old one).
import { api, get, problemText } from './api.js';
import { h, txt, formatTime, loading, errorBox, announce, routeHref, projectNav, button, busy, field, options, pager, panel } from './dom.js';
import { policyPath, policyNav, projectEnvs } from './policy.js';
import { diffDocs, diffText } from './policydiff.js';

const versionNumber = (v) => (/^[1-9]\d*$/.test(v || '') ? Number(v) : null);

export async function policyHistoryView(ctx, slug, env) {
  const title = `Policy history ${env} · ${slug}`;
  ctx.setView(title, loading('the history'));
  const [project, environments] = await projectEnvs(slug);
  const canEdit = ctx.me.role !== 'viewer' && project.archived !== true;
  const from = versionNumber(ctx.query.get('from'));
  const to = versionNumber(ctx.query.get('to'));

  let versions = [];
  const confirmBox = h('div', { id: 'rollback-confirm' });
  const rollbackResult = h('div', {});
  const fromSel = h('select', { name: 'from' });
  const toSel = h('select', { name: 'to' });
  const diffBox = h('div', {});

  const askRollback = (v) => {
    const message = h('input', { type: 'text', maxlength: 1000, autocomplete: 'off' });
    const err = errorBox('');
    const head = h('h2', { id: 'rollback-title', tabindex: -1 }, `Roll back to version ${v.version}?`);
    const yes = button(`Confirm rollback to version ${v.version}`, {}, () => busy(yes, err, async () => {
      const msg = message.value.trim();
      const r = await api('POST', policyPath(slug, env, '/rollback'), msg ? { version: v.version, message: msg } : { version: v.version });
      if (r.status === 401) return ctx.sessionEnded();
      if (r.status !== 200) return problemText(r);
      confirmBox.replaceChildren();
      const text = r.body.changed ? `Rolled back: version ${r.body.version} is the document of version ${r.body.rollback_of}.`
        : `Nothing to do: the current version ${r.body.version} already equals version ${r.body.rollback_of}.`;
      rollbackResult.replaceChildren(h('p', { class: 'ok', role: 'status', id: 'rollback-done' }, text));
      announce(text);
      await list.page(true);
    }));
    confirmBox.replaceChildren(h('section', { class: 'panel', 'aria-labelledby': 'rollback-title' }, head,
      h('p', {}, `A new version with the document of version ${v.version} becomes current and is pushed to the agents of ${env}.`),
      h('div', { class: 'inline' }, field('rollback-message', 'Message (optional)', message, null, 'field grow'), yes,
        button('Cancel', { class: 'secondary' }, () => confirmBox.replaceChildren())),
      err));
    head.focus();
  };

  // newest first, paged with next_before; the first row is the current version
  const list = pager({
    id: 'versions', label: 'Versions', caption: `Versions of the policy of ${env}`, noun: ['version'], more: 'Older versions',
    cols: ['Version', 'Saved', 'By', 'Message', 'Rollback of', canEdit ? 'Rollback' : 'State'],
    load: async (before) => {
      const b = await get(policyPath(slug, env, `/versions?limit=50${before ? `&before=${before}` : ''}`));
      const got = Array.isArray(b.versions) ? b.versions : [];
      versions = before ? versions.concat(got) : got;
      const opts = (sel, want) => sel.replaceChildren(...options(versions.map((x) => [x.version, `Version ${x.version}`]), want));
      opts(fromSel, from || versions[Math.min(1, versions.length - 1)]?.version);
      opts(toSel, to || versions[0]?.version);
      return [got, b.next_before];
    },
    row: (v) => h('tr', { 'data-version': String(v.version) },
      h('td', { class: 'num' }, String(v.version)), h('td', {}, formatTime(v.created_at)),
      h('td', {}, txt(v.author)), h('td', {}, txt(v.message)),
      h('td', {}, v.rollback_of ? `version ${v.rollback_of}` : '—'),
      h('td', {}, v === versions[0] ? h('span', { class: 'badge' }, 'current')
        : canEdit ? button('Roll back', { class: 'secondary', 'aria-label': `Roll back to version ${v.version}` }, () => askRollback(v)) : '—')),
  });

  async function showDiff(a, b) {
    diffBox.replaceChildren(loading('the two versions'));
    try {
      const [va, vb] = await Promise.all([a, b].map((n) => get(policyPath(slug, env, `/versions/${n}`))));
      diffBox.replaceChildren(h('h3', { id: 'version-diff-title' }, `Version ${a} → version ${b}`),
        h('pre', { class: 'literal diff', id: 'version-diff', tabindex: 0, 'aria-labelledby': 'version-diff-title' },
          diffText(diffDocs(va.document, vb.document))));
    } catch (err) {
      if (err.status === 401) throw err;
      diffBox.replaceChildren(errorBox(err.message));
    }
  }
  const compare = h('form', { id: 'compare', class: 'inline', 'aria-labelledby': 'compare-title' },
    field('cmp-from', 'From', fromSel), field('cmp-to', 'To', toSel), h('button', { type: 'submit' }, 'Show differences'));
  compare.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const href = routeHref(['p', slug, 'policy', env, 'history'], new URLSearchParams({ from: fromSel.value, to: toSel.value }));
    if (location.hash === href) showDiff(Number(fromSel.value), Number(toSel.value));
    else location.hash = href;
  });

  ctx.setView(title, projectNav(slug, project, 'policy'), policyNav(slug, env, environments, 'history'),
    h('h1', {}, `Policy history of ${env}`), rollbackResult, confirmBox, ...list.nodes,
    panel('compare-title', 'Compare two versions', compare, diffBox));
  await list.page();
  if (from && to) await showDiff(from, to);
}

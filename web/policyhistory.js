// A policy's history: #/p/{slug}/policy/{env}/history[?from=A&to=B] lists
// the versions (newest first, paged with next_before), shows the diff of
// two (computed here from their documents, as the server diffs a dry run)
// and rolls back to one after a confirmation (POST …/policy/rollback makes
// a new version equal to it).
import { api, get, problemText } from './api.js';
import { h, txt, formatTime, loading, errorBox, announce, routeHref, projectNav, scrollBox } from './dom.js';
import { policyPath, policyNav, projectEnvs, button, table } from './policy.js';
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
  let nextBefore = null;
  const tbody = h('tbody', {});
  const listState = h('div', {});
  const confirmBox = h('div', { id: 'rollback-confirm' });
  const rollbackResult = h('div', {});
  const fromSel = h('select', { id: 'cmp-from', name: 'from' });
  const toSel = h('select', { id: 'cmp-to', name: 'to' });
  const diffBox = h('div', {});

  const fillCompare = () => {
    const opts = (sel, want) => sel.replaceChildren(...versions.map((v) => h('option', {
      value: String(v.version), selected: v.version === want,
    }, `Version ${v.version}`)));
    opts(fromSel, from || versions[Math.min(1, versions.length - 1)]?.version);
    opts(toSel, to || versions[0]?.version);
  };

  const askRollback = (v) => {
    const message = h('input', { id: 'rollback-message', type: 'text', maxlength: 1000, autocomplete: 'off' });
    const err = errorBox('');
    const head = h('h2', { id: 'rollback-title', tabindex: -1 }, `Roll back to version ${v.version}?`);
    const yes = button(`Confirm rollback to version ${v.version}`, {}, async () => {
      yes.disabled = true;
      err.textContent = '';
      try {
        const msg = message.value.trim();
        const r = await api('POST', policyPath(slug, env, '/rollback'), msg ? { version: v.version, message: msg } : { version: v.version });
        if (r.status === 401) return ctx.sessionEnded();
        if (r.status !== 200) return void (err.textContent = problemText(r));
        confirmBox.replaceChildren();
        const text = r.body.changed ? `Rolled back: version ${r.body.version} is the document of version ${r.body.rollback_of}.`
          : `Nothing to do: the current version ${r.body.version} already equals version ${r.body.rollback_of}.`;
        rollbackResult.replaceChildren(h('p', { class: 'ok', role: 'status', id: 'rollback-done' }, text));
        announce(text);
        await reload();
      } catch {
        err.textContent = 'The server cannot be reached.';
      } finally {
        yes.disabled = false;
      }
    });
    confirmBox.replaceChildren(h('section', { class: 'panel', 'aria-labelledby': 'rollback-title' }, head,
      h('p', {}, `A new version with the document of version ${v.version} becomes current and is pushed to the agents of ${env}.`),
      h('div', { class: 'inline' },
        h('div', { class: 'field grow' }, h('label', { for: 'rollback-message' }, 'Message (optional)'), message), yes,
        button('Cancel', { class: 'secondary' }, () => confirmBox.replaceChildren())),
      err));
    head.focus();
  };

  const row = (v, current) => h('tr', { 'data-version': String(v.version) },
    h('td', { class: 'num' }, String(v.version)), h('td', {}, formatTime(v.created_at)),
    h('td', {}, txt(v.author)), h('td', {}, txt(v.message)),
    h('td', {}, v.rollback_of ? `version ${v.rollback_of}` : '—'),
    h('td', {}, current ? h('span', { class: 'badge' }, 'current')
      : canEdit ? button('Roll back', { class: 'secondary', 'aria-label': `Roll back to version ${v.version}` }, () => askRollback(v)) : '—'));

  const more = button('Older versions', { class: 'secondary', id: 'versions-more', hidden: true }, () => page());
  async function page() {
    more.disabled = true;
    try {
      const b = await get(policyPath(slug, env, `/versions?limit=50${nextBefore ? `&before=${nextBefore}` : ''}`));
      const got = Array.isArray(b.versions) ? b.versions : [];
      tbody.append(...got.map((v, i) => row(v, !versions.length && i === 0)));
      versions = versions.concat(got);
      nextBefore = b.next_before || null;
      listState.replaceChildren(h('p', { class: 'count' }, `${versions.length} version${versions.length === 1 ? '' : 's'} shown.`));
      fillCompare();
    } catch (err) {
      if (err.status === 401) throw err;
      listState.replaceChildren(errorBox(err.message));
    } finally {
      more.disabled = false;
      more.hidden = !nextBefore;
    }
  }
  async function reload() {
    versions = [];
    nextBefore = null;
    tbody.replaceChildren();
    await page();
  }

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
    h('div', { class: 'field' }, h('label', { for: 'cmp-from' }, 'From'), fromSel),
    h('div', { class: 'field' }, h('label', { for: 'cmp-to' }, 'To'), toSel),
    h('button', { type: 'submit' }, 'Show differences'));
  compare.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const href = routeHref(['p', slug, 'policy', env, 'history'], new URLSearchParams({ from: fromSel.value, to: toSel.value }));
    if (location.hash === href) showDiff(Number(fromSel.value), Number(toSel.value));
    else location.hash = href;
  });

  ctx.setView(title, projectNav(slug, project, 'policy'), policyNav(slug, env, environments, 'history'),
    h('h1', {}, `Policy history of ${env}`), rollbackResult, confirmBox,
    scrollBox('Versions', table('versions', `Versions of the policy of ${env}`,
      ['Version', 'Saved', 'By', 'Message', 'Rollback of', canEdit ? 'Rollback' : 'State'], tbody)),
    listState, more,
    h('section', { class: 'panel', 'aria-labelledby': 'compare-title' },
      h('h2', { id: 'compare-title' }, 'Compare two versions'), compare, diffBox));
  await page();
  if (from && to) await showDiff(from, to);
}

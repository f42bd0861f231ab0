// A policy's history: #/p/{slug}/policy/{env}/history[?from=A&to=B]
// lists the versions (newest first, paged with next_before), shows the
// differences of two versions (computed here from their documents, as the
// server computes a dry run's diff) and rolls back to a version (a second
// click confirms; POST …/policy/rollback makes a new version equal to it).
import { api, get, problemText, projectPath } from './api.js';
import { h, txt, formatTime, loading, errorBox, announce, routeHref, projectNav } from './dom.js';
import { policyPath, policyNav } from './policy.js';
import { diffDocs, diffText } from './policydiff.js';

const versionNumber = (v) => (/^[1-9]\d*$/.test(v || '') ? Number(v) : null);

export async function policyHistoryView(ctx, slug, env) {
  ctx.setView(`Policy history ${env} · ${slug}`, loading('the history'));
  const [project, envs] = await Promise.all([get(projectPath(slug)), get(projectPath(slug, '/environments'))]);
  const environments = Array.isArray(envs.environments) ? envs.environments : [];
  const canEdit = ctx.me.role !== 'viewer' && project.archived !== true;
  const from = versionNumber(ctx.query.get('from'));
  const to = versionNumber(ctx.query.get('to'));

  let versions = [];
  let nextBefore = null;
  const tbody = h('tbody', {});
  const listState = h('div', { id: 'versions-state' });
  const more = h('button', { type: 'button', class: 'secondary', id: 'versions-more', hidden: true }, 'Older versions');
  const confirmBox = h('div', { id: 'rollback-confirm' });
  const rollbackResult = h('div', { id: 'rollback-result' });
  const fromSel = h('select', { id: 'cmp-from', name: 'from' });
  const toSel = h('select', { id: 'cmp-to', name: 'to' });
  const diffBox = h('div', { id: 'version-diff-box' });

  const fillCompare = () => {
    const opts = (sel, want) => sel.replaceChildren(...versions.map((v) => h('option', {
      value: String(v.version), selected: v.version === want,
    }, `Version ${v.version}`)));
    const newest = versions[0] ? versions[0].version : null;
    opts(fromSel, from || (versions[1] ? versions[1].version : newest));
    opts(toSel, to || newest);
  };

  const askRollback = (v) => {
    const message = h('input', { id: 'rollback-message', type: 'text', maxlength: 1000, autocomplete: 'off' });
    const yes = h('button', { type: 'button', id: 'rollback-yes' }, `Confirm rollback to version ${v.version}`);
    const no = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    const err = errorBox('');
    const title = h('h2', { id: 'rollback-title', tabindex: -1 }, `Roll back to version ${v.version}?`);
    no.addEventListener('click', () => confirmBox.replaceChildren());
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      err.textContent = '';
      try {
        const body = { version: v.version };
        if (message.value.trim()) body.message = message.value.trim();
        const r = await api('POST', policyPath(slug, env, '/rollback'), body);
        if (r.status === 401) return ctx.sessionEnded();
        if (r.status !== 200) {
          err.textContent = problemText(r);
          return;
        }
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
    confirmBox.replaceChildren(h('section', { class: 'panel', 'aria-labelledby': 'rollback-title' }, title,
      h('p', {}, `A new version with the document of version ${v.version} becomes current and is pushed to the agents of ${env}.`),
      h('div', { class: 'inline' },
        h('div', { class: 'field grow' }, h('label', { for: 'rollback-message' }, 'Message (optional)'), message), yes, no),
      err));
    title.focus();
  };

  const row = (v, current) => {
    let action = current ? h('span', { class: 'badge' }, 'current') : '—';
    if (!current && canEdit) {
      action = h('button', { type: 'button', class: 'secondary' }, 'Roll back');
      action.setAttribute('aria-label', `Roll back to version ${v.version}`);
      action.addEventListener('click', () => askRollback(v));
    }
    return h('tr', { 'data-version': String(v.version) },
      h('td', { class: 'num' }, String(v.version)), h('td', {}, formatTime(v.created_at)),
      h('td', {}, txt(v.author)), h('td', {}, txt(v.message)),
      h('td', {}, v.rollback_of ? `version ${v.rollback_of}` : '—'), h('td', {}, action));
  };

  const page = async () => {
    more.disabled = true;
    try {
      const b = await get(policyPath(slug, env, `/versions?limit=50${nextBefore ? `&before=${nextBefore}` : ''}`));
      const got = Array.isArray(b.versions) ? b.versions : [];
      tbody.append(...got.map((v) => row(v, versions.length === 0 && v === got[0])));
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
  };
  more.addEventListener('click', () => page());
  async function reload() {
    versions = [];
    nextBefore = null;
    tbody.replaceChildren();
    await page();
  }

  const compare = h('form', { id: 'compare', class: 'inline', 'aria-labelledby': 'compare-title' },
    h('div', { class: 'field' }, h('label', { for: 'cmp-from' }, 'From'), fromSel),
    h('div', { class: 'field' }, h('label', { for: 'cmp-to' }, 'To'), toSel),
    h('button', { type: 'submit' }, 'Show differences'));
  compare.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams({ from: fromSel.value, to: toSel.value });
    const href = routeHref(['p', slug, 'policy', env, 'history'], q);
    if (location.hash === href) showDiff(Number(fromSel.value), Number(toSel.value));
    else location.hash = href;
  });

  async function showDiff(a, b) {
    diffBox.replaceChildren(loading('the two versions'));
    try {
      const [va, vb] = await Promise.all([a, b].map((n) => get(policyPath(slug, env, `/versions/${n}`))));
      const entries = diffDocs(va.document, vb.document);
      diffBox.replaceChildren(h('h3', { id: 'version-diff-title' }, `Version ${a} → version ${b}`),
        h('pre', { class: 'literal diff', id: 'version-diff', tabindex: 0, 'aria-labelledby': 'version-diff-title' }, diffText(entries)));
    } catch (err) {
      if (err.status === 401) throw err;
      diffBox.replaceChildren(errorBox(err.message));
    }
  }

  ctx.setView(`Policy history ${env} · ${slug}`,
    projectNav(slug, project, 'policy'),
    policyNav(slug, env, environments, 'history'),
    h('h1', {}, `Policy history of ${env}`),
    rollbackResult, confirmBox,
    h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Versions' }, h('table', { id: 'versions' },
      h('caption', { class: 'sr-only' }, `Versions of the policy of ${env}`),
      h('thead', {}, h('tr', {}, ['Version', 'Saved', 'By', 'Message', 'Rollback of', canEdit ? 'Rollback' : 'State']
        .map((c) => h('th', { scope: 'col' }, c)))),
      tbody)),
    listState, more,
    h('section', { class: 'panel', 'aria-labelledby': 'compare-title' },
      h('h2', { id: 'compare-title' }, 'Compare two versions'), compare, diffBox));
  await page();
  if (from && to) await showDiff(from, to);
}

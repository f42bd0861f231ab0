// The projects screen: every project with its last 24 hours, agents online
// and each environment's policy version, and a form that creates one (POST
// /api/v1/projects); a project's link opens its overview. Archived projects
// are listed only with "Show archived" (#/projects?archived=1); editors
// archive and un-archive a project from its row (PATCH {"archived": true|false}).
import { api, get, problemText, projectPath } from './api.js';
import { h, txt, formatTime, loading, errorBox, announce, routeHref } from './dom.js';

function createForm(onCreated) {
  const err = errorBox('');
  const slug = h('input', {
    id: 'new-slug', name: 'slug', required: true, minlength: 2, maxlength: 40,
    pattern: '[a-z0-9]+(-[a-z0-9]+)*', 'aria-describedby': 'new-slug-help', autocomplete: 'off',
  });
  const name = h('input', { id: 'new-name', name: 'name', required: true, autocomplete: 'off' });
  const button = h('button', { type: 'submit' }, 'Create project');
  const form = h('form', { class: 'inline', id: 'create-project', 'aria-labelledby': 'create-title' },
    h('div', { class: 'field' }, h('label', { for: 'new-slug' }, 'Slug'), slug,
      h('small', { id: 'new-slug-help' }, 'a-z, 0-9 and -, 2 to 40 characters')),
    h('div', { class: 'field' }, h('label', { for: 'new-name' }, 'Name'), name),
    button);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    button.disabled = true;
    try {
      const r = await api('POST', '/api/v1/projects', { slug: slug.value, name: name.value });
      if (r.status === 201) {
        announce(`Project ${slug.value} created.`);
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
  return h('section', { class: 'panel' }, h('h2', { id: 'create-title' }, 'New project'), form, err);
}

const MAX_STATS = 50; // projects whose figures are read (two calls each)

// Fills a project's figures: its last 24 hours (blocked and logged, …/stats),
// agents online and each environment's policy version (the rollout of
// …/agents, asked for one agent only).
async function fillStats(table, projects) {
  await Promise.all(projects.slice(0, MAX_STATS).filter((p) => !p.archived).map(async (p) => {
    const row = [...table.querySelectorAll('tr[data-slug]')].find((tr) => tr.dataset.slug === p.slug);
    if (!row) return;
    const [s, a] = (await Promise.allSettled([get(projectPath(p.slug, '/stats?bucket=day')),
      get(projectPath(p.slug, '/agents?online=true&limit=1'))])).map((r) => r.value);
    const cell = (cls, v) => { row.querySelector(cls).textContent = v === undefined ? 'unavailable' : v; };
    cell('.last24', s && `${s.by_action.blocked} blocked · ${s.by_action.logged} logged`);
    cell('.agents', a && a.rollout.reduce((n, r) => n + r.online, 0));
    if (a) cell('.env-versions', a.rollout.map((r) => `${r.environment} v${r.latest_version}`).join(', '));
  }));
}

// Archive or un-archive, from the project's row.
function archiveButton(p, reload) {
  const label = p.archived ? 'Un-archive' : 'Archive';
  const button = h('button', { type: 'button', class: 'secondary', 'aria-label': `${label} ${p.slug}` }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const r = await api('PATCH', projectPath(p.slug), { archived: !p.archived });
      if (r.status === 200) {
        announce(`Project ${p.slug} ${r.body.archived ? 'archived' : 'un-archived'}.`);
        await reload();
      } else {
        button.replaceWith(errorBox(problemText(r)));
      }
    } catch {
      button.replaceWith(errorBox('The server cannot be reached.'));
    }
  });
  return button;
}

function projectsTable(projects, showArchived, canEdit, reload) {
  if (projects.length === 0) {
    return h('p', { class: 'state', id: 'projects-empty' }, showArchived
      ? 'No projects yet. Create the first one below.'
      : 'No active projects. Create one below, or show the archived ones.');
  }
  const rows = projects.map((p, i) => h('tr', { class: p.archived ? 'archived' : undefined, 'data-slug': String(p.slug) },
    h('td', {}, h('a', { href: `#/p/${encodeURIComponent(p.slug)}` }, String(p.slug))),
    h('td', {}, p.archived ? `${txt(p.name)} (archived)` : txt(p.name)),
    h('td', { class: 'last24' }, i < MAX_STATS && !p.archived ? '…' : '—'),
    h('td', { class: 'agents num' }, i < MAX_STATS && !p.archived ? '…' : '—'),
    h('td', { class: 'env-versions' }, (p.environments || []).map((e) => String(e.name)).join(', ')),
    h('td', {}, formatTime(p.created_at)),
    canEdit ? h('td', {}, archiveButton(p, reload)) : null));
  return h('div', { class: 'scroll' }, h('table', { id: 'projects' },
    h('caption', { class: 'sr-only' }, 'Projects'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Slug'), h('th', { scope: 'col' }, 'Name'),
      h('th', { scope: 'col' }, 'Last 24 hours'), h('th', { scope: 'col', class: 'num' }, 'Agents online'),
      h('th', { scope: 'col' }, 'Environments (policy version)'), h('th', { scope: 'col' }, 'Created'),
      canEdit ? h('th', { scope: 'col' }, 'Archive') : null)),
    h('tbody', {}, rows)));
}

export async function projectsView(ctx) {
  const showArchived = ctx.query.get('archived') === '1';
  const canEdit = ctx.me.role !== 'viewer';
  const list = h('div', { id: 'projects-list' }, loading('projects'));
  const toggle = h('input', { id: 'show-archived', type: 'checkbox', checked: showArchived });
  toggle.addEventListener('change', () => {
    location.hash = routeHref(['projects'], toggle.checked ? new URLSearchParams({ archived: '1' }) : null);
  });
  const reload = async () => {
    try {
      const b = await get(`/api/v1/projects${showArchived ? '?archived=true' : ''}`);
      const projects = Array.isArray(b.projects) ? b.projects : [];
      list.replaceChildren(projectsTable(projects, showArchived, canEdit, reload));
      await fillStats(list, projects);
    } catch (e) {
      if (e.status === 401) throw e;
      list.replaceChildren(errorBox(e.message));
    }
  };
  const nodes = [h('h1', {}, 'Projects'),
    h('div', { class: 'field check' }, toggle, h('label', { for: 'show-archived' }, 'Show archived')), list];
  if (canEdit) nodes.push(createForm(reload));
  ctx.setView('Projects', ...nodes);
  await reload();
}

// The projects screen: every project with its last 24 hours, agents online
// and each environment's policy version, and a form that creates one (POST
// /api/v1/projects); a project's link opens its overview. Archived projects
// are listed only with "Show archived" (#/projects?archived=1); editors
// archive and un-archive a project from its row (PATCH {"archived": true|false}).
import { api, get, problemText, projectPath } from './api.js';
import { h, txt, formatTime, announce, routeHref, button, field, table, scrollBox, reloader, postForm, panel, rowCall } from './dom.js';

function createForm(onCreated) {
  const slug = h('input', { name: 'slug', required: true, minlength: 2, maxlength: 40, pattern: '[a-z0-9]+(-[a-z0-9]+)*', autocomplete: 'off' });
  const name = h('input', { name: 'name', required: true, autocomplete: 'off' });
  return panel('create-title', 'New project', postForm({ id: 'create-project', 'aria-labelledby': 'create-title' }, 'Create project',
    [field('new-slug', 'Slug', slug, 'a-z, 0-9 and -, 2 to 40 characters'), field('new-name', 'Name', name)], async (form) => {
      const r = await api('POST', '/api/v1/projects', { slug: slug.value, name: name.value });
      if (r.status !== 201) return problemText(r);
      announce(`Project ${slug.value} created.`);
      form.reset();
      await onCreated();
    }));
}

const MAX_STATS = 50; // projects whose figures are read (two calls each)

// Fills a project's figures: its last 24 hours (blocked and logged, …/stats),
// agents online and each environment's policy version (the rollout of
// …/agents, asked for one agent only).
async function fillStats(t, projects) {
  await Promise.all(projects.slice(0, MAX_STATS).filter((p) => !p.archived).map(async (p) => {
    const row = [...t.querySelectorAll('tr[data-slug]')].find((tr) => tr.dataset.slug === p.slug);
    if (!row) return;
    const [s, a] = (await Promise.allSettled([get(projectPath(p.slug, '/stats?bucket=day')),
      get(projectPath(p.slug, '/agents?online=true&limit=1'))])).map((r) => r.value);
    const cell = (cls, v) => { row.querySelector(cls).textContent = v === undefined ? 'unavailable' : v; };
    cell('.last24', s && `${s.by_action.blocked} blocked · ${s.by_action.logged} logged`);
    cell('.agents', a && a.rollout.reduce((n, r) => n + r.online, 0));
    if (a) cell('.env-versions', a.rollout.map((r) => `${r.environment} v${r.latest_version}`).join(', '));
  }));
}

function projectRow(p, i, canEdit, reload) {
  const label = p.archived ? 'Un-archive' : 'Archive';
  const later = i < MAX_STATS && !p.archived ? '…' : '—';
  return h('tr', { class: p.archived ? 'archived' : undefined, 'data-slug': String(p.slug) },
    h('td', {}, h('a', { href: routeHref(['p', String(p.slug)]) }, String(p.slug))),
    h('td', {}, p.archived ? `${txt(p.name)} (archived)` : txt(p.name)),
    h('td', { class: 'last24' }, later),
    h('td', { class: 'agents num' }, later),
    h('td', { class: 'env-versions' }, (p.environments || []).map((e) => String(e.name)).join(', ')),
    h('td', {}, formatTime(p.created_at)),
    canEdit ? h('td', {}, button(label, { class: 'secondary', 'aria-label': `${label} ${p.slug}` }, (b) => rowCall(b,
      ['PATCH', projectPath(p.slug), { archived: !p.archived }], (x) => `Project ${p.slug} ${x.archived ? 'archived' : 'un-archived'}.`,
      reload))) : null);
}

export async function projectsView(ctx) {
  const showArchived = ctx.query.get('archived') === '1';
  const canEdit = ctx.me.role !== 'viewer';
  const toggle = h('input', { type: 'checkbox', checked: showArchived });
  toggle.addEventListener('change', () => {
    location.hash = routeHref(['projects'], toggle.checked ? new URLSearchParams({ archived: '1' }) : null);
  });
  const list = reloader('projects-list', 'projects', `/api/v1/projects${showArchived ? '?archived=true' : ''}`, (b) => {
    const projects = Array.isArray(b.projects) ? b.projects : [];
    if (!projects.length) {
      return h('p', { class: 'state', id: 'projects-empty' }, showArchived ? 'No projects yet. Create the first one below.'
        : 'No active projects. Create one below, or show the archived ones.');
    }
    const t = table('projects', 'Projects', ['Slug', 'Name', 'Last 24 hours', ['Agents online', 'num'],
      'Environments (policy version)', 'Created', canEdit && 'Archive'], projects.map((p, i) => projectRow(p, i, canEdit, list.reload)));
    fillStats(t, projects); // the figures arrive after the list
    return scrollBox('Projects', t);
  });
  ctx.setView('Projects', h('h1', {}, 'Projects'), field('show-archived', 'Show archived', toggle, null, 'field check'), list.node,
    canEdit ? createForm(list.reload) : null);
  await list.reload();
}

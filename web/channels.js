// A project's notification channels (Slack incoming webhooks, signed
// webhooks): #/p/{slug}/channels lists, creates, test-sends, enables and
// deletes (second click); #/p/{slug}/channels/{id} changes one and shows
// its delivery log. A webhook's signing secret is shown once, from the
// create answer. An archived project's channels are read only.
import { api, get, problemText, projectPath } from './api.js';
import { h, txt, formatTime, loading, errorBox, announce, routeHref, projectNav, confirmButton, shownOnce, scrollBox,
  INTERCEPTORS, UNREACHABLE, button, busy, field, options, table, reloader, pager, cursorPage, detail, rowCall } from './dom.js';

const NOTIFY_ON = [
  ['threats', 'Attacks (events)'],
  ['policy_failed', 'A policy an agent could not apply'],
  ['rollout_stalled', 'A stalled rollout'],
  ['environment_offline', 'Every agent of an environment offline'],
];

const channelPath = (slug, id, rest = '') => projectPath(slug, `/channels/${encodeURIComponent(id)}${rest}`);
const all = (list, none) => (Array.isArray(list) && list.length ? list.join(', ') : none);
const hears = (c, k) => !c.notify_on || c.notify_on[k] !== false;

// One line of what a channel hears about.
function filtersText(c) {
  const on = NOTIFY_ON.filter(([k]) => hears(c, k)).map(([k]) => k.replace(/_/g, ' '));
  return `interceptors: ${all(c.interceptors, 'all')}; severity ${txt(c.min_severity)} and up; `
    + `actions: ${all(c.actions, 'both')}; environments: ${all(c.environments, 'all')}; `
    + `on: ${all(on, 'nothing')}`;
}

// "Send a test" and the line that says how it went.
function testButton(slug, c, after) {
  const result = h('span', { class: 'note test-result', role: 'status' });
  const say = (text, cls) => {
    result.textContent = text;
    result.className = `note test-result ${cls}`;
  };
  return [button('Send a test', { class: 'secondary', 'aria-label': `Send a test to ${c.name}` }, (b) => busy(b, null, async () => {
    say('Sending…', '');
    try {
      const r = await api('POST', channelPath(slug, c.id, '/test'));
      if (r.status !== 200) return say(problemText(r), 'error-text');
      const t = r.body;
      const code = t.response_code === null || t.response_code === undefined ? 'no answer' : `HTTP ${t.response_code}`;
      say(t.delivered ? `Delivered: ${code} in ${t.took_ms} ms.` : `Not delivered: ${txt(t.error)} (${code}, ${t.took_ms} ms).`,
        t.delivered ? 'ok-text' : 'error-text');
      announce(result.textContent);
      if (after) await after();
    } catch {
      say(UNREACHABLE, 'error-text');
    }
  })), result];
}

function enableButton(slug, c, after) {
  const label = c.enabled ? 'Disable' : 'Enable';
  return button(label, { class: 'secondary', 'aria-label': `${label} ${c.name}` }, (b) => rowCall(b,
    ['PATCH', channelPath(slug, c.id), { enabled: !c.enabled }], (x) => `Channel ${c.name} ${x.enabled ? 'enabled' : 'disabled'}.`, after));
}

const checkboxes = (legend, name, choices, checked) => h('fieldset', { class: 'checks' }, h('legend', {}, legend),
  choices.map((c) => {
    const [value, label = value] = [c].flat();
    return field(`ch-${name}-${value}`, label, h('input', { type: 'checkbox', name, value, checked: checked(value) }), null, 'field check');
  }));

// The create and change form; channel null creates. onDone(answer) gets the
// server's 200/201 body.
function channelForm(slug, project, channel, onDone) {
  const c = channel || {};
  const editing = Boolean(channel);
  const err = errorBox('');
  const idp = editing ? 'edit' : 'new';
  const kind = h('select', { name: 'kind', disabled: editing },
    options([['webhook', 'Webhook (signed JSON)'], ['slack', 'Slack (incoming webhook)']], c.kind));
  const name = h('input', { name: 'name', required: true, maxlength: 100, autocomplete: 'off', value: editing ? String(c.name) : undefined });
  const url = h('input', {
    name: 'url', type: 'url', required: !editing, maxlength: 2048, autocomplete: 'off', placeholder: editing ? String(c.url) : 'https://…',
  });
  // enabled is changed by its own button once the channel exists
  const enabled = h('input', { name: 'enabled', type: 'checkbox', checked: true });
  const sev = h('select', { name: 'min_severity' }, options(['low', 'medium', 'high', 'critical'], c.min_severity || 'low'));
  const number = (name, min, max, v) => h('input', { name, type: 'number', min, max, step: 1, value: String(v) });
  const throttle = number('throttle_seconds', 0, 86400, c.throttle_seconds ?? 60);
  const stall = number('rollout_stall_seconds', 1, 604800, c.rollout_stall_seconds ?? 600);
  const has = (k) => (v) => Array.isArray(c[k]) && c[k].includes(v);
  const submit = h('button', { type: 'submit' }, editing ? 'Save changes' : 'Create channel');
  const form = h('form', { class: 'channel-form', id: editing ? 'edit-channel' : 'create-channel' },
    h('div', { class: 'inline' },
      field(`${idp}-kind`, 'Kind', kind),
      field(`${idp}-name`, 'Name', name),
      field(`${idp}-url`, 'URL', url, editing ? 'Leave empty to keep the current URL (shown masked).'
        : 'http:// or https://; a Slack incoming-webhook URL for Slack.'),
      editing ? null : field(`${idp}-enabled`, 'Enabled', enabled, null, 'field check')),
    h('div', { class: 'inline' },
      field(`${idp}-severity`, 'Lowest severity', sev),
      field(`${idp}-throttle`, 'Throttle (seconds)', throttle, 'At most one message per window; a burst becomes one digest.'),
      field(`${idp}-stall`, 'Rollout stall (seconds)', stall)),
    checkboxes('Interceptors (none checked: all)', 'interceptors', INTERCEPTORS, has('interceptors')),
    checkboxes('Actions (none checked: both)', 'actions', ['blocked', 'logged'], has('actions')),
    checkboxes('Environments (none checked: all)', 'environments', (project.environments || []).map((e) => String(e.name)), has('environments')),
    checkboxes('Notify on', 'notify_on', NOTIFY_ON, (k) => hears(c, k)),
    h('div', { class: 'actions' }, submit), err);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const checked = (n) => [...form.querySelectorAll(`input[name="${n}"]:checked`)].map((i) => i.value);
    const body = {
      name: name.value, min_severity: sev.value,
      interceptors: checked('interceptors'), actions: checked('actions'), environments: checked('environments'),
      notify_on: Object.fromEntries(NOTIFY_ON.map(([k]) => [k, checked('notify_on').includes(k)])),
    };
    if (!editing) Object.assign(body, { kind: kind.value, enabled: enabled.checked });
    if (url.value.trim()) body.url = url.value.trim();
    for (const input of [throttle, stall]) if (input.value !== '') body[input.name] = Number(input.value);
    busy(submit, err, async () => {
      const r = await api(editing ? 'PATCH' : 'POST', editing ? channelPath(slug, c.id) : projectPath(slug, '/channels'), body);
      if (r.status !== 200 && r.status !== 201) return problemText(r);
      if (!editing) form.reset();
      url.value = '';
      await onDone(r.body);
    });
  });
  return form;
}

function channelRow(slug, c, canEdit, reload) {
  const href = routeHref(['p', slug, 'channels', String(c.id)]);
  return h('tr', { 'data-id': String(c.id), class: c.enabled ? undefined : 'archived' },
    h('td', {}, h('a', { href }, txt(c.name)), c.source === 'policy' ? h('small', { class: 'sub' }, 'made by a policy') : null),
    h('td', {}, txt(c.kind)),
    h('td', { class: 'mono cut' }, txt(c.url), c.secret ? h('small', { class: 'sub' }, `secret ${c.secret}`) : null),
    h('td', {}, c.enabled ? 'enabled' : 'disabled'),
    h('td', { class: 'filters-text' }, filtersText(c)),
    h('td', { class: 'num' }, `${c.throttle_seconds} s`),
    h('td', { class: 'actions-cell' }, h('div', { class: 'actions' },
      h('a', { href, class: 'button secondary', 'aria-label': `Delivery log of ${c.name}` }, 'Delivery log'),
      canEdit ? [...testButton(slug, c), enableButton(slug, c, reload),
        confirmButton('Delete', String(c.name), (b) => rowCall(b, ['DELETE', channelPath(slug, c.id)],
          () => `Channel ${c.name} deleted.`, reload))] : null)));
}

export async function channelsView(ctx, slug) {
  ctx.setView(`Notifications · ${slug}`, loading('channels'));
  const project = await get(projectPath(slug));
  const canEdit = ctx.me.role !== 'viewer' && !project.archived;
  const list = reloader('channels-list', 'channels', projectPath(slug, '/channels'), (b) => {
    const channels = Array.isArray(b.channels) ? b.channels : [];
    return channels.length === 0
      ? h('p', { class: 'state', id: 'channels-empty' }, 'No notification channels yet.'
        + (canEdit ? ' Create one below: Slack or a signed webhook.' : ''))
      : scrollBox('Channels', table('channels', `Notification channels of ${slug}`,
        ['Name', 'Kind', 'URL', 'State', 'Filters', 'Throttle', 'Actions'], channels.map((c) => channelRow(slug, c, canEdit, list.reload))));
  });
  const secret = h('div', { id: 'channel-secret', hidden: true });
  ctx.setView(`Notifications · ${slug}`, projectNav(slug, project, 'channels'), h('h1', {}, 'Notifications'), list.node,
    canEdit ? h('section', { class: 'panel', 'aria-labelledby': 'new-channel-title' },
      h('h2', { id: 'new-channel-title' }, 'New channel'), secret, channelForm(slug, project, null, async (created) => {
        announce(`Channel ${created.name} created.`);
        secret.hidden = !(typeof created.secret === 'string' && created.secret);
        if (!secret.hidden) {
          secret.replaceChildren(h('p', {}, `Signing secret of ${created.name}:`), ...shownOnce('channel-secret-value', created.secret,
            'Copy this signing secret now: it is shown only once. Receivers check X-Moat-Signature with it.'));
        }
        await list.reload();
      })) : null);
  await list.reload();
}

const deliveryRow = (d) => h('tr', { 'data-id': String(d.id) },
  h('td', {}, formatTime(d.created_at)),
  h('td', {}, txt(d.kind)),
  h('td', {}, h('span', { class: `badge delivery-${String(d.status).replace(/[^a-z]/g, '')}` }, txt(d.status))),
  h('td', { class: 'num' }, String(d.attempts)),
  h('td', { class: 'num' }, txt(d.response_code)),
  h('td', { class: 'num' }, String(d.event_count)),
  h('td', {}, formatTime(d.delivered_at)),
  h('td', {}, formatTime(d.next_attempt_at)),
  h('td', { class: 'cut' }, txt(d.last_error)),
  h('td', { class: 'mono' }, txt(d.id)));

export async function channelView(ctx, slug, id) {
  ctx.setView(`Channel · ${slug}`, loading('the channel'));
  const [project, channel] = await Promise.all([get(projectPath(slug)), get(channelPath(slug, id))]);
  const canEdit = ctx.me.role !== 'viewer' && !project.archived;
  // the delivery log, newest first, a page at a time
  const log = pager({
    id: 'deliveries', label: 'Delivery log', caption: 'Delivery log', noun: ['delivery', 'deliveries'],
    cols: ['Created', 'Kind', 'Status', 'Attempts', 'Response', 'Events', 'Delivered', 'Next attempt', 'Last error', 'Delivery id'],
    empty: 'Nothing delivered yet: no event has matched, and no test was sent.',
    load: cursorPage(channelPath(slug, id, '/deliveries'), {}, 50, 'deliveries'), row: deliveryRow,
  });
  const reload = () => log.page(true);
  const head = h('div', {});
  const saved = h('p', { class: 'note', role: 'status', id: 'channel-saved' });
  const draw = (c) => {
    const [test, result] = testButton(slug, c, reload);
    head.replaceChildren(h('h1', {}, `Channel ${txt(c.name)}`),
      detail('channel-detail', [['Kind', c.kind], ['URL', c.url, true], c.secret ? ['Signing secret', c.secret, true] : null,
        ['State', c.enabled ? 'enabled' : 'disabled'], ['Hears about', filtersText(c)],
        ['Throttle', `${c.throttle_seconds} s`], ['Rollout stall', `${c.rollout_stall_seconds} s`],
        ['Made by', c.source === 'policy' ? 'a policy (configuration as code)' : c.created_by],
        ['Created', formatTime(c.created_at)], ['Changed', formatTime(c.updated_at)]]),
      canEdit ? h('div', { class: 'actions channel-actions' }, test, enableButton(slug, c, draw), result) : null);
  };
  draw(channel);
  ctx.setView(`Channel ${channel.name} · ${slug}`, projectNav(slug, project, 'channels'),
    h('p', { class: 'crumbs' }, h('a', { href: routeHref(['p', slug, 'channels']) }, 'All channels')), head,
    h('section', { 'aria-labelledby': 'deliveries-title' }, h('h2', { id: 'deliveries-title' }, 'Delivery log'),
      h('div', { class: 'live' }, button('Refresh', { class: 'secondary', id: 'deliveries-refresh' }, reload)), log.nodes),
    canEdit ? h('section', { class: 'panel', 'aria-labelledby': 'edit-channel-title' },
      h('h2', { id: 'edit-channel-title' }, 'Change this channel'),
      channelForm(slug, project, channel, async (c) => {
        draw(c);
        saved.textContent = 'Saved.';
        announce('Channel saved.');
      }), saved) : null);
  await reload();
}

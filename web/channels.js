// A project's notification channels (Slack incoming webhooks and signed
// webhooks):
//   #/p/{slug}/channels        the list (URLs and secrets masked by the
//                              server, shown as given), create, send a
//                              test, enable/disable, delete
//   #/p/{slug}/channels/{id}   one channel: change it, send a test, and
//                              its delivery log (GET …/deliveries, paged)
// A webhook's signing secret comes only in the answer to its creation: it
// is shown once, with a copy button and a warning. Deleting asks for a
// second click. An archived project's channels are read only.
import { api, get, problemText, projectPath } from './api.js';
import { h, txt, formatTime, loading, errorBox, announce, routeHref, projectNav, confirmButton, shownOnce, scrollBox } from './dom.js';

const INTERCEPTORS = ['sql_injection', 'nosql_injection', 'xss', 'ssrf', 'path_traversal',
  'command_injection', 'llm_prompt_injection'];
const SEVERITIES = ['low', 'medium', 'high', 'critical'];
const ACTIONS = ['blocked', 'logged'];
const NOTIFY_ON = [
  ['threats', 'Attacks (events)'],
  ['policy_failed', 'A policy an agent could not apply'],
  ['rollout_stalled', 'A stalled rollout'],
  ['environment_offline', 'Every agent of an environment offline'],
];

function channelPath(slug, id, rest = '') {
  return projectPath(slug, `/channels/${encodeURIComponent(id)}${rest}`);
}

const all = (list, none) => (Array.isArray(list) && list.length ? list.join(', ') : none);

// One line of what a channel hears about.
function filtersText(c) {
  const on = NOTIFY_ON.filter(([k]) => !c.notify_on || c.notify_on[k] !== false).map(([k]) => k.replace(/_/g, ' '));
  return `interceptors: ${all(c.interceptors, 'all')}; severity ${txt(c.min_severity)} and up; `
    + `actions: ${all(c.actions, 'both')}; environments: ${all(c.environments, 'all')}; `
    + `on: ${on.length ? on.join(', ') : 'nothing'}`;
}

// "Send a test" and the line that says how it went.
function testButton(slug, c, after) {
  const button = h('button', { type: 'button', class: 'secondary', 'aria-label': `Send a test to ${c.name}` }, 'Send a test');
  const result = h('span', { class: 'note test-result', role: 'status' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    result.textContent = 'Sending…';
    result.className = 'note test-result';
    try {
      const r = await api('POST', channelPath(slug, c.id, '/test'));
      if (r.status !== 200) {
        result.textContent = problemText(r);
        result.classList.add('error-text');
        return;
      }
      const t = r.body;
      const code = t.response_code === null || t.response_code === undefined ? 'no answer' : `HTTP ${t.response_code}`;
      result.textContent = t.delivered
        ? `Delivered: ${code} in ${t.took_ms} ms.`
        : `Not delivered: ${txt(t.error)} (${code}, ${t.took_ms} ms).`;
      result.classList.add(t.delivered ? 'ok-text' : 'error-text');
      announce(result.textContent);
      if (after) await after();
    } catch {
      result.textContent = 'The server cannot be reached.';
      result.classList.add('error-text');
    } finally {
      button.disabled = false;
    }
  });
  return [button, result];
}

function enableButton(slug, c, after) {
  const label = c.enabled ? 'Disable' : 'Enable';
  const button = h('button', { type: 'button', class: 'secondary', 'aria-label': `${label} ${c.name}` }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    const r = await api('PATCH', channelPath(slug, c.id), { enabled: !c.enabled });
    if (r.status === 200) {
      announce(`Channel ${c.name} ${r.body.enabled ? 'enabled' : 'disabled'}.`);
      await after(r.body);
    } else {
      button.disabled = false;
      button.after(errorBox(problemText(r)));
    }
  });
  return button;
}

function checkboxes(legend, name, choices, checked) {
  return h('fieldset', { class: 'checks' }, h('legend', {}, legend),
    choices.map(([value, label]) => {
      const id = `ch-${name}-${value}`;
      return h('span', { class: 'field check' },
        h('input', { type: 'checkbox', id, name, value, checked: checked(value) }),
        h('label', { for: id }, label));
    }));
}

// The create and change form; channel null creates. onDone(answer) gets the
// server's 200/201 body.
function channelForm(slug, project, channel, onDone) {
  const c = channel || {};
  const editing = Boolean(channel);
  const err = errorBox('');
  const idp = editing ? 'edit' : 'new';
  const field = (id, label, input, help) => h('div', { class: 'field' }, h('label', { for: id }, label), input,
    help ? h('small', { id: `${id}-help` }, help) : null);
  const kind = h('select', { id: `${idp}-kind`, name: 'kind', disabled: editing },
    h('option', { value: 'webhook', selected: c.kind === 'webhook' }, 'Webhook (signed JSON)'),
    h('option', { value: 'slack', selected: c.kind === 'slack' }, 'Slack (incoming webhook)'));
  const name = h('input', { id: `${idp}-name`, name: 'name', required: true, maxlength: 100, autocomplete: 'off', value: editing ? String(c.name) : undefined });
  const url = h('input', {
    id: `${idp}-url`, name: 'url', type: 'url', required: !editing, maxlength: 2048, autocomplete: 'off',
    placeholder: editing ? String(c.url) : 'https://…', 'aria-describedby': `${idp}-url-help`,
  });
  // enabled is changed by its own button once the channel exists
  const enabled = h('input', { id: `${idp}-enabled`, name: 'enabled', type: 'checkbox', checked: true });
  const sev = h('select', { id: `${idp}-severity`, name: 'min_severity' },
    SEVERITIES.map((s) => h('option', { value: s, selected: (c.min_severity || 'low') === s }, s)));
  const throttle = h('input', {
    id: `${idp}-throttle`, name: 'throttle_seconds', type: 'number', min: 0, max: 86400, step: 1,
    value: String(c.throttle_seconds ?? 60), 'aria-describedby': `${idp}-throttle-help`,
  });
  const stall = h('input', {
    id: `${idp}-stall`, name: 'rollout_stall_seconds', type: 'number', min: 1, max: 604800, step: 1,
    value: String(c.rollout_stall_seconds ?? 600),
  });
  const has = (list, v) => Array.isArray(list) && list.includes(v);
  const boxes = [
    checkboxes('Interceptors (none checked: all)', 'interceptors', INTERCEPTORS.map((i) => [i, i]), (v) => has(c.interceptors, v)),
    checkboxes('Actions (none checked: both)', 'actions', ACTIONS.map((a) => [a, a]), (v) => has(c.actions, v)),
    checkboxes('Environments (none checked: all)', 'environments',
      (project.environments || []).map((e) => [String(e.name), String(e.name)]), (v) => has(c.environments, v)),
    checkboxes('Notify on', 'notify_on', NOTIFY_ON, (v) => !c.notify_on || c.notify_on[v] !== false),
  ];
  const button = h('button', { type: 'submit' }, editing ? 'Save changes' : 'Create channel');
  const form = h('form', { class: 'channel-form', id: editing ? 'edit-channel' : 'create-channel' },
    h('div', { class: 'inline' },
      field(kind.id, 'Kind', kind),
      field(name.id, 'Name', name),
      field(url.id, 'URL', url, editing ? 'Leave empty to keep the current URL (shown masked).'
        : 'http:// or https://; a Slack incoming-webhook URL for Slack.'),
      editing ? null : h('div', { class: 'field check' }, enabled, h('label', { for: enabled.id }, 'Enabled'))),
    h('div', { class: 'inline' },
      field(sev.id, 'Lowest severity', sev),
      field(throttle.id, 'Throttle (seconds)', throttle, 'At most one message per window; a burst becomes one digest.'),
      field(stall.id, 'Rollout stall (seconds)', stall)),
    boxes, h('div', { class: 'actions' }, button), err);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    const checked = (n) => [...form.querySelectorAll(`input[name="${n}"]:checked`)].map((i) => i.value);
    const body = {
      name: name.value, min_severity: sev.value,
      interceptors: checked('interceptors'), actions: checked('actions'), environments: checked('environments'),
      notify_on: Object.fromEntries(NOTIFY_ON.map(([k]) => [k, checked('notify_on').includes(k)])),
    };
    if (!editing) Object.assign(body, { kind: kind.value, enabled: enabled.checked });
    if (url.value.trim()) body.url = url.value.trim();
    for (const [input, key] of [[throttle, 'throttle_seconds'], [stall, 'rollout_stall_seconds']]) {
      if (input.value !== '') body[key] = Number(input.value);
    }
    button.disabled = true;
    try {
      const r = editing ? await api('PATCH', channelPath(slug, c.id), body)
        : await api('POST', projectPath(slug, '/channels'), body);
      if (r.status === 200 || r.status === 201) {
        if (!editing) form.reset();
        url.value = '';
        await onDone(r.body);
      } else {
        err.textContent = problemText(r);
      }
    } catch {
      err.textContent = 'The server cannot be reached.';
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

function channelRow(slug, c, canEdit, reload) {
  const link = h('a', { href: routeHref(['p', slug, 'channels', String(c.id)]) }, txt(c.name));
  const actions = [h('a', { href: routeHref(['p', slug, 'channels', String(c.id)]), class: 'button secondary', 'aria-label': `Delivery log of ${c.name}` }, 'Delivery log')];
  if (canEdit) {
    actions.push(...testButton(slug, c), enableButton(slug, c, reload),
      confirmButton('Delete', String(c.name), async (button) => {
        const r = await api('DELETE', channelPath(slug, c.id));
        if (r.status === 204) {
          announce(`Channel ${c.name} deleted.`);
          await reload();
        } else {
          button.replaceWith(errorBox(problemText(r)));
        }
      }));
  }
  return h('tr', { 'data-id': String(c.id), class: c.enabled ? undefined : 'archived' },
    h('td', {}, link, c.source === 'policy' ? h('small', { class: 'sub' }, 'made by a policy') : null),
    h('td', {}, txt(c.kind)),
    h('td', { class: 'mono cut' }, txt(c.url), c.secret ? h('small', { class: 'sub' }, `secret ${c.secret}`) : null),
    h('td', {}, c.enabled ? 'enabled' : 'disabled'),
    h('td', { class: 'filters-text' }, filtersText(c)),
    h('td', { class: 'num' }, `${c.throttle_seconds} s`),
    h('td', { class: 'actions-cell' }, h('div', { class: 'actions' }, actions)));
}

export async function channelsView(ctx, slug) {
  ctx.setView(`Notifications · ${slug}`, loading('channels'));
  const project = await get(projectPath(slug));
  const canEdit = ctx.me.role !== 'viewer' && !project.archived;
  const list = h('div', { id: 'channels-list' }, loading('channels'));
  const reload = async () => {
    try {
      const b = await get(projectPath(slug, '/channels'));
      const channels = Array.isArray(b.channels) ? b.channels : [];
      list.replaceChildren(channels.length === 0
        ? h('p', { class: 'state', id: 'channels-empty' }, 'No notification channels yet.'
          + (canEdit ? ' Create one below: Slack or a signed webhook.' : ''))
        : scrollBox('Channels', h('table', { id: 'channels' },
          h('caption', { class: 'sr-only' }, `Notification channels of ${slug}`),
          h('thead', {}, h('tr', {}, ['Name', 'Kind', 'URL', 'State', 'Filters', 'Throttle', 'Actions']
            .map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, channels.map((c) => channelRow(slug, c, canEdit, reload))))));
    } catch (err) {
      if (err.status === 401) throw err;
      list.replaceChildren(errorBox(err.message));
    }
  };
  const nodes = [projectNav(slug, project, 'channels'), h('h1', {}, 'Notifications'), list];
  if (canEdit) {
    const secret = h('div', { id: 'channel-secret', hidden: true });
    const form = channelForm(slug, project, null, async (created) => {
      announce(`Channel ${created.name} created.`);
      if (typeof created.secret === 'string' && created.secret) {
        secret.replaceChildren(h('p', {}, `Signing secret of ${created.name}:`),
          ...shownOnce('channel-secret-value', created.secret,
            'Copy this signing secret now: it is shown only once. Receivers check X-Moat-Signature with it.'));
        secret.hidden = false;
      } else {
        secret.hidden = true;
      }
      await reload();
    });
    nodes.push(h('section', { class: 'panel', 'aria-labelledby': 'new-channel-title' },
      h('h2', { id: 'new-channel-title' }, 'New channel'), secret, form));
  }
  ctx.setView(`Notifications · ${slug}`, ...nodes);
  await reload();
}

function deliveryRow(d) {
  return h('tr', { 'data-id': String(d.id) },
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
}

// The delivery log, newest first, a page at a time; reload() starts over.
function deliveryLog(slug, id) {
  const tbody = h('tbody', {});
  const wrap = scrollBox('Delivery log', h('table', { id: 'deliveries' },
    h('caption', { class: 'sr-only' }, 'Delivery log'),
    h('thead', {}, h('tr', {}, ['Created', 'Kind', 'Status', 'Attempts', 'Response', 'Events', 'Delivered',
      'Next attempt', 'Last error', 'Delivery id'].map((t) => h('th', { scope: 'col' }, t)))), tbody), { hidden: true });
  const status = h('div', { id: 'deliveries-state' }, loading('the delivery log'));
  const more = h('button', { type: 'button', class: 'secondary', id: 'deliveries-more', hidden: true }, 'Load more');
  let cursor = null;
  const page = async (fresh) => {
    if (fresh) cursor = null;
    const q = new URLSearchParams({ limit: '50' });
    if (cursor) q.set('cursor', cursor);
    more.disabled = true;
    try {
      const b = await get(channelPath(slug, id, `/deliveries?${q}`));
      const rows = (Array.isArray(b.deliveries) ? b.deliveries : []).map(deliveryRow);
      if (fresh) tbody.replaceChildren(...rows);
      else tbody.append(...rows);
      cursor = b.next_cursor || null;
      const n = tbody.childElementCount;
      wrap.hidden = n === 0;
      status.replaceChildren(n === 0
        ? h('p', { class: 'state', id: 'deliveries-empty' }, 'Nothing delivered yet: no event has matched, and no test was sent.')
        : h('p', { class: 'count' }, `${n} deliver${n === 1 ? 'y' : 'ies'} shown${cursor ? ', more below' : ''}.`));
    } catch (err) {
      if (err.status === 401) throw err;
      status.replaceChildren(errorBox(err.message));
    } finally {
      more.disabled = false;
      more.hidden = !cursor;
    }
  };
  more.addEventListener('click', () => page(false));
  const refresh = h('button', { type: 'button', class: 'secondary', id: 'deliveries-refresh' }, 'Refresh');
  refresh.addEventListener('click', () => page(true));
  return {
    node: h('section', { 'aria-labelledby': 'deliveries-title' },
      h('h2', { id: 'deliveries-title' }, 'Delivery log'), h('div', { class: 'live' }, refresh), status, wrap, more),
    reload: () => page(true),
  };
}

function summary(c) {
  const row = (k, v, mono) => [h('dt', {}, k), h('dd', { class: mono ? 'mono' : undefined }, v)];
  return h('dl', { class: 'detail', id: 'channel-detail' },
    row('Kind', txt(c.kind)), row('URL', txt(c.url), true),
    c.secret ? row('Signing secret', txt(c.secret), true) : null,
    row('State', c.enabled ? 'enabled' : 'disabled'), row('Hears about', filtersText(c)),
    row('Throttle', `${c.throttle_seconds} s`), row('Rollout stall', `${c.rollout_stall_seconds} s`),
    row('Made by', c.source === 'policy' ? 'a policy (configuration as code)' : txt(c.created_by)),
    row('Created', formatTime(c.created_at)), row('Changed', formatTime(c.updated_at)));
}

export async function channelView(ctx, slug, id) {
  ctx.setView(`Channel · ${slug}`, loading('the channel'));
  const [project, channel] = await Promise.all([get(projectPath(slug)), get(channelPath(slug, id))]);
  const canEdit = ctx.me.role !== 'viewer' && !project.archived;
  const log = deliveryLog(slug, id);
  const head = h('div', {});
  const saved = h('p', { class: 'note', role: 'status', id: 'channel-saved' });
  const draw = (c) => {
    let actions = null;
    if (canEdit) {
      const [test, result] = testButton(slug, c, log.reload);
      actions = h('div', { class: 'actions channel-actions' }, test, enableButton(slug, c, draw), result);
    }
    head.replaceChildren(h('h1', {}, `Channel ${txt(c.name)}`), summary(c), actions);
  };
  draw(channel);
  const nodes = [projectNav(slug, project, 'channels'),
    h('p', { class: 'crumbs' }, h('a', { href: routeHref(['p', slug, 'channels']) }, 'All channels')), head];
  nodes.push(log.node);
  if (canEdit) {
    nodes.push(h('section', { class: 'panel', 'aria-labelledby': 'edit-channel-title' },
      h('h2', { id: 'edit-channel-title' }, 'Change this channel'),
      channelForm(slug, project, channel, async (c) => {
        draw(c);
        saved.textContent = 'Saved.';
        announce('Channel saved.');
      }), saved));
  }
  ctx.setView(`Channel ${channel.name} · ${slug}`, ...nodes);
  await log.reload();
}

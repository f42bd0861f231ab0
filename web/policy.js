// A project's policy, per environment (api/openapi.yaml, tag policy):
//   #/p/{slug}/policy              the environments, each with its version
//                                  (and a form that creates one)
//   #/p/{slug}/policy/{env}[?days=N]  the editor: a form and a raw JSON
//                                  editor of one document, kept in sync;
//                                  "Review changes" is a dry run (the
//                                  server's diff and the impact on the last
//                                  N days of events), then "Save" pushes
//                                  with If-Match of the version it started
//                                  from. The server's 422 errors are shown
//                                  next to the field their path names.
// The history (versions, diff of two, rollback) is policyhistory.js.
// Endpoints in the impact are attacker text: rendered as text only.
import { api, get, problemText, projectPath } from './api.js';
import { h, txt, formatTime, loading, errorBox, announce, routeHref, projectNav } from './dom.js';
import { diffDocs, diffText } from './policydiff.js';

export const INTERCEPTORS = ['sql_injection', 'nosql_injection', 'xss', 'ssrf', 'path_traversal',
  'command_injection', 'llm_prompt_injection'];
const MODES = ['off', 'monitor', 'block'];
// The options of an interceptor beyond mode and notify
// (agentproto/schema/policy-document.json): [key, label, kind, help].
const OPTIONS = {
  ssrf: [['allow_hosts', 'Allowed hosts', 'lines', 'One host per line; requests to them are not reported.']],
  llm_prompt_injection: [['threshold', 'Threshold', 'number', 'Confidence from 0 to 1 at which a prompt counts as an attack.']],
};
const ON_MATCH = [['ignore', 'ignore (not inspected)'], ['monitor', 'monitor (block becomes log)']];
const IMPACT_KINDS = [
  ['would_block', 'Would now block', 'logged events that would now be blocked'],
  ['would_log_only', 'Would only log', 'blocked events that would now only be logged'],
  ['silenced', 'Silenced', 'events that would be silenced (mode off or an exclusion)'],
  ['denied', 'Denylist', 'events the denylist would refuse'],
];

export function policyPath(slug, env, rest = '') {
  return projectPath(slug, `/environments/${encodeURIComponent(env)}/policy${rest}`);
}

export const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const clone = (v) => JSON.parse(JSON.stringify(v));
// aria-invalid="true" or none (an empty value would mean false).
const invalid = (el, yes) => (yes ? el.setAttribute('aria-invalid', 'true') : el.removeAttribute('aria-invalid'));

// The environments of a project and, under them, the policy's own screens.
export function policyNav(slug, env, environments, current) {
  const envLinks = environments.map((e) => {
    const name = String(e.name);
    return h('a', {
      href: routeHref(['p', slug, 'policy', name].concat(current === 'history' ? ['history'] : [])),
      'aria-current': name === env ? 'page' : undefined,
    }, name);
  });
  return h('div', { class: 'policy-nav' },
    h('nav', { class: 'envs', 'aria-label': 'Environments' }, h('span', { class: 'muted' }, 'Environment:'), envLinks),
    h('nav', { class: 'tabs', 'aria-label': `Policy of ${env}` },
      h('a', { href: routeHref(['p', slug, 'policy', env]), 'aria-current': current === 'editor' ? 'page' : undefined }, 'Editor'),
      h('a', { href: routeHref(['p', slug, 'policy', env, 'history']), 'aria-current': current === 'history' ? 'page' : undefined },
        'History')));
}

// #/p/{slug}/policy: every environment with its current version.
export async function policyPickerView(ctx, slug) {
  ctx.setView(`Policy · ${slug}`, loading('the environments'));
  const [project, envs] = await Promise.all([get(projectPath(slug)), get(projectPath(slug, '/environments'))]);
  const environments = Array.isArray(envs.environments) ? envs.environments : [];
  const metas = await Promise.all(environments.map(async (e) => {
    try {
      const b = await get(policyPath(slug, String(e.name), '/versions?limit=1'));
      return Array.isArray(b.versions) && b.versions[0] ? b.versions[0] : null;
    } catch (err) {
      if (err.status === 401) throw err;
      return { error: err.message };
    }
  }));
  const rows = environments.map((e, i) => {
    const m = metas[i];
    const name = String(e.name);
    return h('tr', { 'data-env': name },
      h('td', {}, h('a', { href: routeHref(['p', slug, 'policy', name]) }, name)),
      m && m.error ? h('td', { colspan: 4 }, errorBox(m.error))
        : [h('td', { class: 'num' }, m ? String(m.version) : '—'), h('td', {}, m ? formatTime(m.created_at) : '—'),
          h('td', {}, m ? txt(m.author) : '—'), h('td', {}, m ? txt(m.message) : '—')],
      h('td', {}, h('a', { href: routeHref(['p', slug, 'policy', name, 'history']), 'aria-label': `History of ${name}` }, 'History')));
  });
  let create = null;
  if (ctx.me.role !== 'viewer' && project.archived !== true) {
    const name = h('input', {
      id: 'new-env', name: 'name', required: true, autocomplete: 'off', pattern: '[a-z0-9]+(-[a-z0-9]+)*',
      'aria-describedby': 'new-env-help',
    });
    const err = errorBox('');
    const button = h('button', { type: 'submit' }, 'Create environment');
    const form = h('form', { class: 'inline', id: 'create-env' },
      h('div', { class: 'field' }, h('label', { for: 'new-env' }, 'Name'), name,
        h('small', { id: 'new-env-help' }, 'a-z, 0-9 and -; its policy starts from the safe default')), button);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      err.textContent = '';
      button.disabled = true;
      try {
        const r = await api('POST', projectPath(slug, '/environments'), { name: name.value.trim() });
        if (r.status === 201) {
          announce(`Environment ${r.body.name} created.`);
          location.hash = routeHref(['p', slug, 'policy', String(r.body.name)]);
        } else {
          err.textContent = problemText(r);
        }
      } catch {
        err.textContent = 'The server cannot be reached.';
      } finally {
        button.disabled = false;
      }
    });
    create = h('section', { class: 'panel', 'aria-labelledby': 'new-env-title' },
      h('h2', { id: 'new-env-title' }, 'New environment'), form, err);
  }
  ctx.setView(`Policy · ${slug}`,
    projectNav(slug, project, 'policy'),
    h('h1', {}, 'Policy'),
    h('p', {}, 'Each environment has its own policy. Choose one to edit it or see its history.'),
    environments.length === 0 ? h('p', { class: 'state' }, 'This project has no environments.')
      : h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Environments' }, h('table', { id: 'environments' },
        h('caption', { class: 'sr-only' }, `Environments of ${slug}`),
        h('thead', {}, h('tr', {}, ['Environment', 'Version', 'Saved', 'By', 'Message', 'History']
          .map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, rows))),
    create);
}

// The id of the form control for a JSON path ($.a.b[0].c -> pf-a-b-0-c).
function pathId(path) {
  return 'pf-' + path.replace(/^\$\.?/, '').replace(/[^A-Za-z0-9_]+/g, '-').replace(/-$/, '');
}

// The parent of a JSON path ($.a.b[0] -> $.a.b; $.a -> $).
function parentPath(path) {
  const m = /^(.*?)(\.[^.[\]]+|\[[^\]]*\])$/.exec(path);
  return m ? m[1] || '$' : '$';
}

// <input type=datetime-local> speaks local time; the document UTC (RFC 3339).
function toLocalInput(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

function fromLocalInput(v) {
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? v : d.toISOString().replace(/\.000Z$/, 'Z');
}

// A labelled control bound to a JSON path: {wrap, input}.
function control(path, label, input, help) {
  const id = pathId(path);
  input.id = id;
  input.setAttribute('data-path', path);
  const helpId = help ? `${id}-help` : null;
  if (helpId) input.setAttribute('aria-describedby', helpId);
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, help ? h('small', { id: helpId }, help) : null);
}

function select(choices, current) {
  const values = choices.map((c) => (Array.isArray(c) ? c : [c, c]));
  const known = values.some(([v]) => v === current);
  return h('select', {},
    known ? null : h('option', { value: '__invalid', selected: true },
      current === undefined ? '(not set)' : `${JSON.stringify(current)} (not valid)`),
    values.map(([v, label]) => h('option', { value: v, selected: v === current }, label)));
}

// #/p/{slug}/policy/{env}: the editor.
export async function policyEditorView(ctx, slug, env) {
  ctx.setView(`Policy ${env} · ${slug}`, loading('the policy'));
  const [project, envs] = await Promise.all([get(projectPath(slug)), get(projectPath(slug, '/environments'))]);
  const environments = Array.isArray(envs.environments) ? envs.environments : [];
  const readOnly = ctx.me.role === 'viewer' || project.archived === true;
  const days = /^\d+$/.test(ctx.query.get('days') || '') ? Math.min(30, Number(ctx.query.get('days'))) : 7;

  let base = null; // {version, doc, meta}
  let doc = null; // the document being edited
  let view = 'form';
  let errors = []; // the server's [{path, message}] of the last attempt
  let reviewed = null; // the document the shown review is for

  const head = h('p', { id: 'policy-version', class: 'muted' });
  const dirty = h('p', { id: 'policy-dirty', class: 'note', role: 'status' });
  const summary = h('div', { id: 'policy-errors', role: 'alert' });
  const formBody = h('div', {});
  const formPanel = h('div', { id: 'panel-form', role: 'tabpanel', 'aria-labelledby': 'tab-form' },
    readOnly ? h('fieldset', { class: 'plain', disabled: true }, h('legend', { class: 'sr-only' }, 'Policy (read-only)'), formBody)
      : formBody);
  const jsonHelp = h('small', { id: 'policy-json-help' },
    readOnly ? 'The document as the server stores it.'
      : 'The whole document. Switching to the form reads it back; invalid JSON stays here until it is fixed.');
  const jsonError = h('p', { id: 'policy-json-error', class: 'error', role: 'alert' });
  const textarea = h('textarea', {
    id: 'policy-json', rows: 24, spellcheck: 'false', autocomplete: 'off', readonly: readOnly,
    'aria-describedby': 'policy-json-help policy-json-error policy-errors',
  });
  const jsonPanel = h('div', { id: 'panel-json', role: 'tabpanel', 'aria-labelledby': 'tab-json', hidden: true },
    h('div', { class: 'field' }, h('label', { for: 'policy-json' }, 'Policy document (JSON)'), textarea, jsonHelp), jsonError);
  const tabForm = h('button', { type: 'button', role: 'tab', id: 'tab-form', 'aria-controls': 'panel-form', 'aria-selected': 'true' }, 'Form');
  const tabJson = h('button', {
    type: 'button', role: 'tab', id: 'tab-json', 'aria-controls': 'panel-json', 'aria-selected': 'false', tabindex: -1,
  }, 'JSON');
  const tabs = h('div', { role: 'tablist', 'aria-label': 'Edit as', class: 'tablist' }, tabForm, tabJson);
  const review = h('section', { id: 'policy-review', 'aria-labelledby': 'review-title', hidden: true });
  const result = h('div', { id: 'policy-result' });

  const isDirty = () => base && doc && diffDocs(base.doc, doc).length > 0;
  const changed = () => {
    if (reviewed) {
      reviewed = null;
      review.hidden = true;
      review.replaceChildren();
    }
    dirty.textContent = isDirty() ? 'Unsaved changes.' : '';
  };

  // ---- the form, rebuilt from doc; every control writes back into doc
  const interceptor = (name) => {
    if (!isObject(doc.interceptors)) doc.interceptors = {};
    if (!isObject(doc.interceptors[name])) doc.interceptors[name] = {};
    return doc.interceptors[name];
  };
  const list = (group, key) => {
    if (!isObject(doc[group])) doc[group] = {};
    if (!Array.isArray(doc[group][key])) doc[group][key] = [];
    return doc[group][key];
  };
  const exclusions = () => {
    if (!Array.isArray(doc.exclusions)) doc.exclusions = [];
    return doc.exclusions;
  };
  const exRow = (i) => {
    if (!isObject(exclusions()[i])) exclusions()[i] = {};
    return exclusions()[i];
  };
  // Sets or (for '' and undefined) deletes obj[key].
  const put = (obj, key, v) => {
    if (v === undefined || v === '') delete obj[key];
    else obj[key] = v;
    changed();
  };
  const restructure = (focusPath) => {
    errors = [];
    showErrors(false);
    changed();
    renderForm();
    if (focusPath) document.getElementById(pathId(focusPath))?.focus();
  };

  const interceptorsSection = () => {
    const cur = isObject(doc.interceptors) ? doc.interceptors : {};
    const names = [...INTERCEPTORS, ...Object.keys(cur).filter((n) => !INTERCEPTORS.includes(n))];
    return h('section', { 'aria-labelledby': 'h-interceptors' }, h('h2', { id: 'h-interceptors' }, 'Interceptors'),
      h('div', { class: 'interceptors' }, names.map((name) => {
        const c = isObject(cur[name]) ? cur[name] : {};
        const p = `$.interceptors.${name}`;
        const mode = select(MODES, c.mode);
        mode.addEventListener('change', () => { if (mode.value !== '__invalid') put(interceptor(name), 'mode', mode.value); });
        const notify = h('input', { type: 'checkbox', checked: c.notify === true });
        notify.addEventListener('change', () => put(interceptor(name), 'notify', notify.checked));
        const notifyId = pathId(`${p}.notify`);
        notify.id = notifyId;
        notify.setAttribute('data-path', `${p}.notify`);
        const opts = (OPTIONS[name] || []).map(([key, label, kind, help]) => {
          const v = c[key];
          if (kind === 'lines') {
            const ta = h('textarea', { rows: 3, spellcheck: 'false' },
              Array.isArray(v) ? v.map(String).join('\n') : v === undefined ? '' : JSON.stringify(v));
            ta.addEventListener('input', () => put(interceptor(name), key,
              ta.value.split('\n').map((s) => s.trim()).filter(Boolean)));
            return control(`${p}.${key}`, label, ta, help);
          }
          const input = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', value: v === undefined ? undefined : String(v) });
          input.addEventListener('input', () => {
            const s = input.value.trim();
            put(interceptor(name), key, s === '' ? undefined : Number.isFinite(Number(s)) ? Number(s) : s);
          });
          return control(`${p}.${key}`, label, input, help);
        });
        return h('fieldset', { class: 'interceptor', 'data-path': p, id: pathId(p) },
          h('legend', {}, name),
          control(`${p}.mode`, 'Mode', mode),
          h('div', { class: 'field check' }, notify, h('label', { for: notifyId }, 'Notify the channels')),
          opts);
      })));
  };

  const denyRow = (key, i) => {
    const l = list('denylist', key);
    if (!isObject(l[i])) l[i] = {};
    return l[i];
  };
  const denyRows = (key, noun, plural, valueLabel) => {
    const rows = isObject(doc.denylist) && Array.isArray(doc.denylist[key]) ? doc.denylist[key] : [];
    const items = rows.map((row, i) => {
      const r = isObject(row) ? row : {};
      const p = `$.denylist.${key}[${i}]`;
      const value = h('input', { type: 'text', autocomplete: 'off', value: r.value === undefined ? undefined : String(r.value) });
      value.addEventListener('input', () => { denyRow(key, i).value = value.value; changed(); });
      const local = r.until === undefined ? '' : toLocalInput(r.until);
      const until = local === null
        ? h('input', { type: 'text', autocomplete: 'off', value: String(r.until) })
        : h('input', { type: 'datetime-local', value: local || undefined });
      until.addEventListener('change', () => {
        put(denyRow(key, i), 'until', until.type === 'datetime-local' && until.value ? fromLocalInput(until.value) : until.value);
      });
      const expired = typeof r.until === 'string' && Date.parse(r.until) < Date.now();
      const remove = readOnly ? null : h('button', {
        type: 'button', class: 'secondary', 'aria-label': `Remove ${noun} ${i + 1}${r.value ? ` (${r.value})` : ''}`,
      }, 'Remove');
      remove?.addEventListener('click', () => {
        list('denylist', key).splice(i, 1);
        restructure();
      });
      return h('fieldset', { class: 'row', 'data-path': p, id: pathId(p) },
        h('legend', {}, `${noun[0].toUpperCase()}${noun.slice(1)} ${i + 1}`, expired ? ' (expired)' : ''),
        control(`${p}.value`, valueLabel, value),
        control(`${p}.until`, 'Until', until, 'Local time; empty: no expiry'),
        remove);
    });
    const add = readOnly ? null : h('button', { type: 'button', class: 'secondary', id: `add-${key}` }, `Add ${noun}`);
    add?.addEventListener('click', () => {
      list('denylist', key).push({ value: '' });
      restructure(`$.denylist.${key}[${list('denylist', key).length - 1}].value`);
    });
    return h('div', { class: 'deny', 'data-path': `$.denylist.${key}`, id: pathId(`$.denylist.${key}`) },
      h('h3', {}, key === 'ips' ? 'Addresses' : 'Users'),
      items.length ? items : h('p', { class: 'state' }, `No ${plural} denied.`),
      add);
  };

  const exclusionsSection = () => {
    const rows = Array.isArray(doc.exclusions) ? doc.exclusions : [];
    const items = rows.map((row, i) => {
      const r = isObject(row) ? row : {};
      const p = `$.exclusions[${i}]`;
      const text = (key, label, help) => {
        const input = h('input', { type: 'text', autocomplete: 'off', value: r[key] === undefined ? undefined : String(r[key]) });
        input.addEventListener('input', () => put(exRow(i), key, input.value));
        return control(`${p}.${key}`, label, input, help);
      };
      const which = select(INTERCEPTORS, r.interceptor);
      which.addEventListener('change', () => { if (which.value !== '__invalid') put(exRow(i), 'interceptor', which.value); });
      const onMatch = select(ON_MATCH, r.on_match);
      onMatch.addEventListener('change', () => { if (onMatch.value !== '__invalid') put(exRow(i), 'on_match', onMatch.value); });
      const remove = readOnly ? null : h('button', { type: 'button', class: 'secondary', 'aria-label': `Remove exclusion ${i + 1}` }, 'Remove');
      remove?.addEventListener('click', () => {
        exclusions().splice(i, 1);
        restructure();
      });
      return h('fieldset', { class: 'row', 'data-path': p, id: pathId(p) },
        h('legend', {}, `Exclusion ${i + 1}`),
        control(`${p}.interceptor`, 'Interceptor', which),
        text('endpoint', 'Endpoint', '* matches any run of characters'),
        text('parameter', 'Parameter (optional)'),
        text('source', 'Source IP or CIDR (optional)'),
        control(`${p}.on_match`, 'On match', onMatch),
        text('reason', 'Reason (optional)'),
        remove);
    });
    const add = readOnly ? null : h('button', { type: 'button', class: 'secondary', id: 'add-exclusion' }, 'Add exclusion');
    add?.addEventListener('click', () => {
      exclusions().push({ interceptor: INTERCEPTORS[0], endpoint: '', on_match: 'ignore' });
      restructure(`$.exclusions[${exclusions().length - 1}].endpoint`);
    });
    return h('section', { 'aria-labelledby': 'h-exclusions', 'data-path': '$.exclusions', id: pathId('$.exclusions') },
      h('h2', { id: 'h-exclusions' }, 'Exclusions'),
      items.length ? items : h('p', { class: 'state' }, 'No exclusions.'), add);
  };

  function renderForm() {
    formBody.replaceChildren(interceptorsSection(),
      h('section', { 'aria-labelledby': 'h-denylist', 'data-path': '$.denylist', id: pathId('$.denylist') },
        h('h2', { id: 'h-denylist' }, 'Denylist'),
        h('div', { class: 'denylist' }, denyRows('ips', 'address', 'addresses', 'Address or CIDR'), denyRows('users', 'user', 'users', 'User'))),
      exclusionsSection());
    markFields();
  }

  // ---- the server's errors: next to their fields (form) and listed
  const targetOf = (path) => {
    for (let p = path; p && p !== '$'; p = parentPath(p)) {
      const el = formBody.querySelector(`[data-path="${CSS.escape(p)}"]`);
      if (el) return el;
    }
    return null;
  };
  function markFields() {
    errors.forEach((e, i) => {
      const target = targetOf(String(e.path || '$'));
      if (!target) return;
      const id = `perr-${i}`;
      const note = h('p', { class: 'field-error', id }, `${e.message}`);
      if (target.matches('input, select, textarea')) {
        target.after(note);
        target.setAttribute('aria-invalid', 'true');
      } else {
        const legend = target.querySelector(':scope > legend, :scope > h2, :scope > h3');
        if (legend) legend.after(note);
        else target.prepend(note);
      }
      target.setAttribute('aria-describedby', [target.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    });
  }
  function showErrors(focus) {
    invalid(textarea, errors.length > 0);
    if (!errors.length) {
      summary.replaceChildren();
      return;
    }
    const title = h('h2', { id: 'policy-errors-title', tabindex: -1 },
      `Not saved: the server found ${errors.length} problem${errors.length === 1 ? '' : 's'}.`);
    summary.replaceChildren(title, h('ul', { id: 'policy-errors-list' }, errors.map((e) => {
      const path = String(e.path || '$');
      const go = h('button', { type: 'button', class: 'link', 'aria-label': `Go to the field ${path}` }, 'Go to the field');
      go.addEventListener('click', () => {
        if (view !== 'form' && !toForm()) return;
        const t = targetOf(path);
        const f = t && (t.matches('input, select, textarea') ? t : t.querySelector('input, select, textarea, button'));
        (f || t)?.focus();
      });
      return h('li', {}, h('code', {}, path), `: ${e.message}`, ' ', targetOf(path) ? go : null);
    })));
    if (focus) title.focus();
  }

  // ---- tabs: form <-> JSON (the JSON is parsed back when leaving it)
  const showTab = (which) => {
    view = which;
    tabForm.setAttribute('aria-selected', String(which === 'form'));
    tabJson.setAttribute('aria-selected', String(which === 'json'));
    tabForm.tabIndex = which === 'form' ? 0 : -1;
    tabJson.tabIndex = which === 'json' ? 0 : -1;
    formPanel.hidden = which !== 'form';
    jsonPanel.hidden = which !== 'json';
  };
  // Reads the textarea into doc; false (with the reason shown) when it is not a JSON object.
  const readJson = () => {
    let v;
    try {
      v = JSON.parse(textarea.value);
    } catch (e) {
      jsonError.textContent = `The JSON is not valid: ${e.message}. Nothing is lost: fix it here.`;
      invalid(textarea, true);
      return false;
    }
    if (!isObject(v)) {
      jsonError.textContent = 'The policy must be a JSON object ({…}). Nothing is lost: fix it here.';
      invalid(textarea, true);
      return false;
    }
    jsonError.textContent = '';
    invalid(textarea, errors.length > 0);
    const before = JSON.stringify(doc);
    doc = v;
    if (JSON.stringify(doc) !== before) changed();
    return true;
  };
  function toForm() {
    if (view === 'form') return true;
    if (!readJson()) {
      textarea.focus();
      return false;
    }
    renderForm();
    showTab('form');
    return true;
  }
  const toJson = () => {
    if (view === 'json') return;
    textarea.value = JSON.stringify(doc, null, 2);
    jsonError.textContent = '';
    showTab('json');
  };
  tabForm.addEventListener('click', () => toForm());
  tabJson.addEventListener('click', () => toJson());
  tabs.addEventListener('keydown', (ev) => {
    if (ev.key !== 'ArrowLeft' && ev.key !== 'ArrowRight' && ev.key !== 'Home' && ev.key !== 'End') return;
    ev.preventDefault();
    if (view === 'form') {
      toJson();
      tabJson.focus();
    } else if (toForm()) tabForm.focus();
  });
  textarea.addEventListener('input', () => {
    if (reviewed) changed();
    dirty.textContent = 'Unsaved changes.';
  });

  // ---- review (dry run with impact), then save (If-Match)
  const daysInput = h('input', { id: 'impact-days', type: 'number', min: 0, max: 30, step: 1, value: days, 'aria-describedby': 'impact-days-help' });
  const reviewButton = h('button', { type: 'button', id: 'policy-review-button' }, 'Review changes');
  const discard = h('button', { type: 'button', class: 'secondary', id: 'policy-discard' }, 'Discard changes');
  const reviewState = h('p', { id: 'policy-review-state', class: 'note', role: 'status' });

  const currentDoc = () => (view === 'json' && !readJson() ? null : doc);

  reviewButton.addEventListener('click', async () => {
    result.replaceChildren();
    const d = currentDoc();
    if (!d) {
      textarea.focus();
      return;
    }
    reviewButton.disabled = true;
    reviewState.textContent = 'Checking the changes…';
    try {
      const n = String(daysInput.value || '0').trim();
      const r = await api('PUT', policyPath(slug, env, `?dry_run=true&impact_days=${encodeURIComponent(n)}`), d);
      if (r.status === 401) return ctx.sessionEnded();
      if (r.status === 422 && r.body && Array.isArray(r.body.errors)) {
        reviewState.textContent = '';
        errors = r.body.errors;
        if (view === 'form') renderForm();
        showErrors(true);
        return;
      }
      errors = [];
      showErrors(false);
      if (view === 'form') renderForm();
      if (r.status !== 200) {
        reviewState.textContent = '';
        result.replaceChildren(errorBox(problemText(r)));
        return;
      }
      reviewState.textContent = '';
      reviewed = clone(d);
      showReview(r.body);
    } catch {
      reviewState.textContent = '';
      result.replaceChildren(errorBox('The server cannot be reached.'));
    } finally {
      reviewButton.disabled = false;
    }
  });

  discard.addEventListener('click', () => {
    doc = clone(base.doc);
    errors = [];
    showErrors(false);
    result.replaceChildren();
    if (view === 'json') textarea.value = JSON.stringify(doc, null, 2);
    jsonError.textContent = '';
    renderForm();
    changed();
    announce('Changes discarded.');
  });

  function showReview(dry) {
    const title = h('h2', { id: 'review-title', tabindex: -1 }, 'Review');
    const nodes = [title];
    if (dry.current_version !== base.version) {
      nodes.push(h('p', { class: 'warn' },
        `Version ${dry.current_version} is now current (you started from version ${base.version}): saving will be refused until you reload.`));
    }
    if (!dry.changed) {
      nodes.push(h('p', { id: 'policy-nochange' }, `No changes: this document equals version ${dry.current_version}.`));
    } else {
      nodes.push(h('h3', {}, `Changes to version ${dry.current_version}`),
        h('pre', { class: 'literal diff', id: 'policy-diff', tabindex: 0, 'aria-label': 'Differences' },
          diffText(Array.isArray(dry.diff) ? dry.diff : [])));
    }
    nodes.push(impactView(slug, dry.impact));
    if (dry.changed) {
      const message = h('input', { id: 'policy-message', type: 'text', maxlength: 1000, autocomplete: 'off' });
      const save = h('button', { type: 'button', id: 'policy-save' }, 'Save');
      save.addEventListener('click', () => doSave(save, message.value.trim()));
      nodes.push(h('div', { class: 'inline save' },
        h('div', { class: 'field grow' }, h('label', { for: 'policy-message' }, 'Message (optional)'), message), save));
    }
    review.replaceChildren(...nodes);
    review.hidden = false;
    title.focus();
  }

  async function doSave(button, message) {
    button.disabled = true;
    result.replaceChildren();
    const body = { ...reviewed };
    if (message) body.message = message;
    try {
      const r = await api('PUT', policyPath(slug, env), body, { 'If-Match': `"${base.version}"` });
      if (r.status === 401) return ctx.sessionEnded();
      if (r.status === 200) {
        const v = r.body.version;
        await load();
        const text = r.body.changed ? `Saved as version ${v}.` : `Nothing to save: version ${v} is the same.`;
        result.replaceChildren(h('p', { class: 'ok', id: 'policy-saved', role: 'status' }, text, ' ',
          h('a', { href: routeHref(['p', slug, 'policy', env, 'history']) }, 'See the history')));
        announce(text);
        return;
      }
      if (r.status === 412) {
        result.replaceChildren(h('div', { role: 'alert', id: 'policy-conflict', class: 'error' },
          h('p', {}, `Not saved: someone saved a newer version of this policy after you opened version ${base.version}. `
            + 'Your edits are still here. Compare with the history, then load the current version and apply them again.'),
          reloadButton()));
        return;
      }
      if (r.status === 422 && r.body && Array.isArray(r.body.errors)) {
        errors = r.body.errors;
        if (view === 'form') renderForm();
        showErrors(true);
        return;
      }
      result.replaceChildren(errorBox(problemText(r)));
    } catch {
      result.replaceChildren(errorBox('The server cannot be reached.'));
    } finally {
      button.disabled = false;
    }
  }

  const reloadButton = () => {
    const b = h('button', { type: 'button', class: 'secondary' }, 'Load the current version');
    b.addEventListener('click', async () => {
      result.replaceChildren();
      await load();
    });
    return b;
  };

  // ---- loading the current version
  async function load() {
    const r = await api('GET', policyPath(slug, env));
    if (r.status === 401) throw Object.assign(new Error('signed out'), { status: 401 });
    if (r.status !== 200) throw Object.assign(new Error(problemText(r)), { status: r.status });
    const version = Number(r.headers.get('X-Moat-Policy-Version'));
    let meta = null;
    try {
      const b = await get(policyPath(slug, env, '/versions?limit=1'));
      meta = Array.isArray(b.versions) ? b.versions[0] : null;
    } catch (err) {
      if (err.status === 401) throw err;
    }
    base = { version, doc: r.body, meta };
    doc = clone(r.body);
    errors = [];
    showErrors(false);
    reviewed = null;
    review.hidden = true;
    review.replaceChildren();
    head.replaceChildren(`Version ${version}`,
      meta && meta.version === version ? ` · saved ${formatTime(meta.created_at)} by ${txt(meta.author)}`
        + (meta.message ? ` · “${meta.message}”` : '') : '');
    if (view === 'json') textarea.value = JSON.stringify(doc, null, 2);
    jsonError.textContent = '';
    renderForm();
    dirty.textContent = '';
  }

  await load();
  const actions = readOnly
    ? h('p', { id: 'policy-readonly', class: 'note' }, project.archived === true
      ? 'The project is archived: this policy is read-only.' : 'You have the viewer role: this policy is read-only.')
    : h('div', { class: 'inline policy-actions' },
      h('div', { class: 'field' }, h('label', { for: 'impact-days' }, 'Impact over the last (days)'), daysInput,
        h('small', { id: 'impact-days-help' }, '0 to 30; 0 skips the impact')),
      reviewButton, discard, reviewState);
  ctx.setView(`Policy ${env} · ${slug}`,
    projectNav(slug, project, 'policy'),
    policyNav(slug, env, environments, 'editor'),
    h('h1', {}, `Policy of ${env}`),
    head, summary, tabs, formPanel, jsonPanel, dirty, actions, result, review);
}

// The dashboard route of an API events search (PolicyImpactFigure.events).
function eventsHref(slug, search) {
  const q = String(search || '').split('?')[1] || '';
  return routeHref(['p', slug, 'events'], new URLSearchParams(q));
}

// The impact of a dry run (PolicyImpact), or a sentence when there is none.
function impactView(slug, impact) {
  if (!impact) return h('section', { id: 'policy-impact' }, h('h3', {}, 'Impact'), h('p', { class: 'state' }, 'Not computed (0 days).'));
  const t = impact.totals || {};
  const per = isObject(impact.interceptors) ? impact.interceptors : {};
  const names = Object.keys(per);
  const rows = names.map((name) => {
    const i = per[name];
    return h('tr', { 'data-interceptor': name },
      h('th', { scope: 'row' }, name), h('td', {}, txt(i.mode)),
      h('td', { class: 'num' }, String(i.logged)), h('td', { class: 'num' }, String(i.blocked)),
      IMPACT_KINDS.map(([kind, , what]) => {
        const f = i[kind] || { count: 0 };
        return h('td', { class: 'num', 'data-kind': kind }, f.count > 0
          ? h('a', { href: eventsHref(slug, f.events), 'aria-label': `${f.count} ${name} ${what}${f.events_exact ? '' : ' (the link shows more)'}` },
            String(f.count), f.events_exact ? '' : '*')
          : '0');
      }));
  });
  const tops = [];
  for (const name of names) {
    for (const [kind, label] of IMPACT_KINDS) {
      const f = per[name][kind];
      if (!f || !f.count || !Array.isArray(f.top_endpoints) || !f.top_endpoints.length) continue;
      tops.push(h('li', { 'data-interceptor': name, 'data-kind': kind }, `${name}, ${label.toLowerCase()}: `,
        f.top_endpoints.map((e, k) => [k ? ', ' : '',
          h('a', { href: eventsHref(slug, e.events), class: 'mono' }, String(e.endpoint)), ` (${e.count})`]),
        f.top_endpoints_sampled ? ' (from a sample)' : ''));
    }
  }
  const hasStar = names.some((n) => IMPACT_KINDS.some(([k]) => per[n][k] && per[n][k].count > 0 && !per[n][k].events_exact));
  return h('section', { id: 'policy-impact', 'aria-labelledby': 'impact-title' },
    h('h3', { id: 'impact-title' }, `Impact on the events of the last ${impact.days} day${impact.days === 1 ? '' : 's'}`),
    h('p', { id: 'impact-totals' },
      IMPACT_KINDS.map(([k, label], i) => [i ? ' · ' : '', `${label}: ${Number(t[k]) || 0}`])),
    h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Impact per interceptor' }, h('table', { id: 'impact' },
      h('caption', { class: 'sr-only' }, 'Impact per interceptor'),
      h('thead', {}, h('tr', {}, ['Interceptor', 'New mode', 'Logged', 'Blocked', ...IMPACT_KINDS.map((k) => k[1])]
        .map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows))),
    hasStar ? h('p', { class: 'note' }, '* the link shows more events than these (an exclusion spares some).') : null,
    tops.length ? [h('h4', {}, 'Top endpoints affected'), h('ul', { id: 'impact-top' }, tops)] : null,
    impact.approximate ? h('p', { class: 'note' }, 'Estimates: ', (impact.notes || []).map(String).join(' ')) : null,
    h('p', { class: 'note' }, `From ${formatTime(impact.since)} to ${formatTime(impact.until)}.`));
}

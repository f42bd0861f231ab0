// A project's policy per environment (api/openapi.yaml, tag policy):
// #/p/{slug}/policy lists the environments (and creates one);
// #/p/{slug}/policy/{env}[?days=N] edits one document in a form and as raw
// JSON, kept in sync; "Review changes" is a dry run (the server's diff and
// the impact on the last N days of events), "Save" the PUT with If-Match of
// the version the editor started from. A 422's paths are shown next to the
// controls (data-path) they name. History and rollback: policyhistory.js.
import { api, get, problemText, projectPath } from './api.js';
import { h, txt, formatTime, loading, errorBox, announce, routeHref, projectNav, scrollBox, INTERCEPTORS, UNREACHABLE,
  button, table, field, options, toLocal, postForm, panel } from './dom.js';
import { diffDocs, diffText } from './policydiff.js';

// Options beyond mode and notify (agentproto/schema/policy-document.json).
const OPTIONS = {
  ssrf: [['allow_hosts', 'Allowed hosts', 'One host per line; requests to them are not reported.']],
  llm_prompt_injection: [['threshold', 'Threshold', 'Confidence from 0 to 1 at which a prompt counts as an attack.']],
};
const KINDS = [
  ['would_block', 'Would now block', 'logged events that would now be blocked'],
  ['would_log_only', 'Would only log', 'blocked events that would now only be logged'],
  ['silenced', 'Silenced', 'events that would be silenced (mode off or an exclusion)'],
  ['denied', 'Denylist', 'events the denylist would refuse'],
];

export const policyPath = (slug, env, rest = '') => projectPath(slug, `/environments/${encodeURIComponent(env)}/policy${rest}`);
export const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const clone = (v) => JSON.parse(JSON.stringify(v));
// aria-invalid="true" or none (an empty value would mean false).
const invalid = (el, yes) => (yes ? el.setAttribute('aria-invalid', 'true') : el.removeAttribute('aria-invalid'));
// o[k] as an object (or, with arr, an array), made so when it is not.
const need = (o, k, arr) => {
  if (arr ? !Array.isArray(o[k]) : !isObject(o[k])) o[k] = arr ? [] : {};
  return o[k];
};

// The environments of a project and, under them, the policy's own screens.
export function policyNav(slug, env, environments, current) {
  const tail = current === 'history' ? ['history'] : [];
  const link = (parts, label, on) => h('a', { href: routeHref(['p', slug, 'policy', ...parts]), 'aria-current': on ? 'page' : undefined }, label);
  return h('div', {},
    h('nav', { class: 'envs', 'aria-label': 'Environments' }, h('span', { class: 'muted' }, 'Environment:'),
      environments.map((e) => link([String(e.name), ...tail], String(e.name), String(e.name) === env))),
    h('nav', { class: 'tabs', 'aria-label': `Policy of ${env}` },
      link([env], 'Editor', current === 'editor'), link([env, 'history'], 'History', current === 'history')));
}

// The project and its environments.
export async function projectEnvs(slug) {
  const [project, envs] = await Promise.all([get(projectPath(slug)), get(projectPath(slug, '/environments'))]);
  return [project, Array.isArray(envs.environments) ? envs.environments : []];
}

async function latestMeta(slug, env) {
  const b = await get(policyPath(slug, env, '/versions?limit=1'));
  return Array.isArray(b.versions) && b.versions[0] ? b.versions[0] : null;
}

function createEnvForm(slug) {
  const name = h('input', { name: 'name', required: true, autocomplete: 'off', pattern: '[a-z0-9]+(-[a-z0-9]+)*' });
  return panel('new-env-title', 'New environment', postForm({ id: 'create-env' }, 'Create environment',
    field('new-env', 'Name', name, 'a-z, 0-9 and -; its policy starts from the safe default'), async () => {
      const r = await api('POST', projectPath(slug, '/environments'), { name: name.value.trim() });
      if (r.status !== 201) return problemText(r);
      announce(`Environment ${r.body.name} created.`);
      location.hash = routeHref(['p', slug, 'policy', String(r.body.name)]);
    }));
}

// #/p/{slug}/policy: every environment with its current version.
export async function policyPickerView(ctx, slug) {
  ctx.setView(`Policy · ${slug}`, loading('the environments'));
  const [project, environments] = await projectEnvs(slug);
  const metas = await Promise.all(environments.map((e) => latestMeta(slug, String(e.name)).catch((err) => {
    if (err.status === 401) throw err;
    return { error: err.message };
  })));
  const rows = environments.map((e, i) => {
    const m = metas[i];
    const name = String(e.name);
    const cell = (f) => h('td', {}, m ? f(m) : '—');
    return h('tr', { 'data-env': name },
      h('td', {}, h('a', { href: routeHref(['p', slug, 'policy', name]) }, name)),
      m && m.error ? h('td', { colspan: 4 }, errorBox(m.error))
        : [cell((x) => String(x.version)), cell((x) => formatTime(x.created_at)), cell((x) => txt(x.author)), cell((x) => txt(x.message))],
      h('td', {}, h('a', { href: routeHref(['p', slug, 'policy', name, 'history']), 'aria-label': `History of ${name}` }, 'History')));
  });
  ctx.setView(`Policy · ${slug}`, projectNav(slug, project, 'policy'), h('h1', {}, 'Policy'),
    h('p', {}, 'Each environment has its own policy. Choose one to edit it or see its history.'),
    environments.length ? scrollBox('Environments', table('environments', `Environments of ${slug}`,
      ['Environment', 'Version', 'Saved', 'By', 'Message', 'History'], rows)) : h('p', { class: 'state' }, 'No environments.'),
    ...(ctx.me.role !== 'viewer' && project.archived !== true ? [createEnvForm(slug)] : []));
}

// The id of the control for a JSON path ($.a.b[0].c -> pf-a-b-0-c).
const pathId = (path) => 'pf-' + path.replace(/^\$\.?/, '').replace(/[^A-Za-z0-9_]+/g, '-').replace(/-$/, '');
// The parent of a JSON path ($.a.b[0] -> $.a.b; $.a -> $).
const parentPath = (path) => {
  const m = /^(.*?)(\.[^.[\]]+|\[[^\]]*\])$/.exec(path);
  return m ? m[1] || '$' : '$';
};

// A labelled control bound to a JSON path.
function control(path, label, input, help) {
  input.setAttribute('data-path', path);
  return field(pathId(path), label, input, help);
}

// A select of choices ([value, label] or value); a current value that is
// not one of them stays visible (and selected) as "not set" / "not valid".
function select(choices, current, onPick) {
  const el = h('select', {},
    choices.flat().includes(current) ? null : h('option', { value: '__invalid', selected: true },
      current === undefined ? '(not set)' : `${JSON.stringify(current)} (not valid)`),
    options(choices, current));
  el.addEventListener('change', () => el.value !== '__invalid' && onPick(el.value));
  return el;
}

const textInput = (v) => h('input', { type: 'text', autocomplete: 'off', value: v === undefined ? undefined : String(v) });

// #/p/{slug}/policy/{env}: the editor.
export async function policyEditorView(ctx, slug, env) {
  ctx.setView(`Policy ${env} · ${slug}`, loading('the policy'));
  const [project, environments] = await projectEnvs(slug);
  const readOnly = ctx.me.role === 'viewer' || project.archived === true;
  const days = /^\d+$/.test(ctx.query.get('days') || '') ? Math.min(30, Number(ctx.query.get('days'))) : 7;

  let base = null; // {version, doc}
  let doc = null; // the document being edited
  let view = 'form';
  let errors = []; // the server's [{path, message}] of the last attempt
  let reviewed = null; // the document the shown review is for

  const head = h('p', { id: 'policy-version', class: 'muted' });
  const dirty = h('p', { id: 'policy-dirty', class: 'note', role: 'status' });
  const summary = h('div', { id: 'policy-errors', role: 'alert' });
  const formBody = h('div', {});
  const formPanel = h('div', { id: 'panel-form', role: 'tabpanel', 'aria-labelledby': 'tab-form' }, readOnly
    ? h('fieldset', { class: 'plain', disabled: true }, h('legend', { class: 'sr-only' }, 'Policy (read-only)'), formBody) : formBody);
  const jsonError = h('p', { id: 'policy-json-error', class: 'error', role: 'alert' });
  const textarea = h('textarea', {
    rows: 24, spellcheck: 'false', autocomplete: 'off', readonly: readOnly, 'aria-describedby': 'policy-json-error policy-errors',
  });
  const jsonPanel = h('div', { id: 'panel-json', role: 'tabpanel', 'aria-labelledby': 'tab-json', hidden: true },
    field('policy-json', 'Policy document (JSON)', textarea, readOnly ? 'The document as the server stores it.'
      : 'The whole document. Switching to the form reads it back; invalid JSON stays here until it is fixed.'), jsonError);
  const tab = (id, label, on) => h('button', {
    type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': `panel-${id}`, 'aria-selected': String(on), tabindex: on ? 0 : -1,
  }, label);
  const tabForm = tab('form', 'Form', true);
  const tabJson = tab('json', 'JSON', false);
  const tabs = h('div', { role: 'tablist', 'aria-label': 'Edit as', class: 'tablist' }, tabForm, tabJson);
  const review = h('section', { id: 'policy-review', 'aria-labelledby': 'review-title', hidden: true });
  const result = h('div', { id: 'policy-result' });

  const hideReview = () => {
    reviewed = null;
    review.hidden = true;
    review.replaceChildren();
  };
  const changed = () => {
    if (reviewed) hideReview();
    dirty.textContent = base && diffDocs(base.doc, doc).length ? 'Unsaved changes.' : '';
  };
  // Sets obj[key], or deletes it for '' and undefined.
  const put = (obj, key, v) => {
    if (v === undefined || v === '') delete obj[key];
    else obj[key] = v;
    changed();
  };
  // After a row is added or removed: the form again, the old errors gone.
  const restructure = (focusPath) => {
    errors = [];
    showErrors(false);
    changed();
    renderForm();
    if (focusPath) document.getElementById(pathId(focusPath))?.focus();
  };
  const removeButton = (label, arr, i) => (readOnly ? null : button('Remove', { class: 'secondary', 'aria-label': label }, () => {
    arr().splice(i, 1);
    restructure();
  }));
  const addButton = (id, label, arr, row, field) => (readOnly ? null : button(label, { class: 'secondary', id }, () => {
    arr().push(row);
    restructure(field(arr().length - 1));
  }));

  // ---- the form, rebuilt from doc; every control writes back into doc
  const interceptorsSection = () => {
    const cur = isObject(doc.interceptors) ? doc.interceptors : {};
    const ic = (name) => need(need(doc, 'interceptors'), name);
    return h('section', { 'aria-labelledby': 'h-interceptors' }, h('h2', { id: 'h-interceptors' }, 'Interceptors'),
      h('div', { class: 'interceptors' }, [...new Set([...INTERCEPTORS, ...Object.keys(cur)])].map((name) => {
        const c = isObject(cur[name]) ? cur[name] : {};
        const p = `$.interceptors.${name}`;
        const notify = h('input', { type: 'checkbox', checked: c.notify === true, id: pathId(`${p}.notify`), 'data-path': `${p}.notify` });
        notify.addEventListener('change', () => put(ic(name), 'notify', notify.checked));
        return h('fieldset', { class: 'interceptor', 'data-path': p, id: pathId(p) }, h('legend', {}, name),
          control(`${p}.mode`, 'Mode', select(['off', 'monitor', 'block'], c.mode, (v) => put(ic(name), 'mode', v))),
          field(notify.id, 'Notify the channels', notify, null, 'field check'),
          (OPTIONS[name] || []).map(([key, label, help]) => {
            const v = c[key];
            let input;
            if (key === 'allow_hosts') {
              input = h('textarea', { rows: 3, spellcheck: 'false' }, Array.isArray(v) ? v.map(String).join('\n') : v === undefined ? '' : JSON.stringify(v));
              input.addEventListener('input', () => put(ic(name), key, input.value.split('\n').map((s) => s.trim()).filter(Boolean)));
            } else {
              input = textInput(v);
              input.setAttribute('inputmode', 'decimal');
              input.addEventListener('input', () => {
                const s = input.value.trim();
                put(ic(name), key, s === '' ? undefined : Number.isFinite(Number(s)) ? Number(s) : s);
              });
            }
            return control(`${p}.${key}`, label, input, help);
          }));
      })));
  };

  const denyRows = (key, noun, plural, valueLabel) => {
    const arr = () => need(need(doc, 'denylist'), key, true);
    const row = (i) => need(arr(), i);
    const rows = isObject(doc.denylist) && Array.isArray(doc.denylist[key]) ? doc.denylist[key] : [];
    const Noun = noun[0].toUpperCase() + noun.slice(1);
    return h('div', { 'data-path': `$.denylist.${key}`, id: pathId(`$.denylist.${key}`) },
      h('h3', {}, key === 'ips' ? 'Addresses' : 'Users'),
      rows.length ? rows.map((x, i) => {
        const r = isObject(x) ? x : {};
        const p = `$.denylist.${key}[${i}]`;
        const value = textInput(r.value);
        value.addEventListener('input', () => { row(i).value = value.value; changed(); });
        const local = r.until === undefined ? '' : toLocal(r.until);
        const until = local === null ? textInput(r.until) : h('input', { type: 'datetime-local', value: local || undefined });
        until.addEventListener('change', () => put(row(i), 'until', until.type === 'datetime-local' && until.value
          ? new Date(until.value).toISOString().replace(/\.000Z$/, 'Z') : until.value));
        return h('fieldset', { class: 'row', 'data-path': p, id: pathId(p) },
          h('legend', {}, `${Noun} ${i + 1}`, typeof r.until === 'string' && Date.parse(r.until) < Date.now() ? ' (expired)' : ''),
          control(`${p}.value`, valueLabel, value),
          control(`${p}.until`, 'Until', until, 'Local time; empty: no expiry'),
          removeButton(`Remove ${noun} ${i + 1}${r.value ? ` (${r.value})` : ''}`, arr, i));
      }) : h('p', { class: 'state' }, `No ${plural} denied.`),
      addButton(`add-${key}`, `Add ${noun}`, arr, { value: '' }, (i) => `$.denylist.${key}[${i}].value`));
  };

  const exclusionsSection = () => {
    const arr = () => need(doc, 'exclusions', true);
    const row = (i) => need(arr(), i);
    const rows = Array.isArray(doc.exclusions) ? doc.exclusions : [];
    return h('section', { 'aria-labelledby': 'h-exclusions', 'data-path': '$.exclusions', id: pathId('$.exclusions') },
      h('h2', { id: 'h-exclusions' }, 'Exclusions'),
      rows.length ? rows.map((x, i) => {
        const r = isObject(x) ? x : {};
        const p = `$.exclusions[${i}]`;
        const text = (key, label, help) => {
          const input = textInput(r[key]);
          input.addEventListener('input', () => put(row(i), key, input.value));
          return control(`${p}.${key}`, label, input, help);
        };
        return h('fieldset', { class: 'row', 'data-path': p, id: pathId(p) }, h('legend', {}, `Exclusion ${i + 1}`),
          control(`${p}.interceptor`, 'Interceptor', select(INTERCEPTORS, r.interceptor, (v) => put(row(i), 'interceptor', v))),
          text('endpoint', 'Endpoint', '* matches any run of characters'),
          text('parameter', 'Parameter (optional)'),
          text('source', 'Source IP or CIDR (optional)'),
          control(`${p}.on_match`, 'On match', select([['ignore', 'ignore (not inspected)'], ['monitor', 'monitor (block becomes log)']],
            r.on_match, (v) => put(row(i), 'on_match', v))),
          text('reason', 'Reason (optional)'),
          removeButton(`Remove exclusion ${i + 1}`, arr, i));
      }) : h('p', { class: 'state' }, 'No exclusions.'),
      addButton('add-exclusion', 'Add exclusion', arr, { interceptor: INTERCEPTORS[0], endpoint: '', on_match: 'ignore' },
        (i) => `$.exclusions[${i}].endpoint`));
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
      const note = h('p', { class: 'field-error', id: `perr-${i}` }, String(e.message));
      if (target.matches('input, select, textarea')) {
        target.after(note);
        invalid(target, true);
      } else {
        const legend = target.querySelector(':scope > legend, :scope > h2, :scope > h3');
        if (legend) legend.after(note);
        else target.prepend(note);
      }
      target.setAttribute('aria-describedby', [target.getAttribute('aria-describedby'), note.id].filter(Boolean).join(' '));
    });
  }
  function showErrors(focus) {
    invalid(textarea, errors.length > 0);
    if (!errors.length) return summary.replaceChildren();
    const title = h('h2', { id: 'policy-errors-title', tabindex: -1 },
      `Not saved: the server found ${errors.length} problem${errors.length === 1 ? '' : 's'}.`);
    summary.replaceChildren(title, h('ul', {}, errors.map((e) => {
      const path = String(e.path || '$');
      return h('li', {}, h('code', {}, path), `: ${e.message}`, ' ', targetOf(path)
        ? button('Go to the field', { class: 'link', 'aria-label': `Go to the field ${path}` }, () => {
          if (!toForm()) return;
          const t = targetOf(path);
          (t?.matches('input, select, textarea') ? t : t?.querySelector('input, select, textarea, button') || t)?.focus();
        }) : null);
    })));
    if (focus) title.focus();
  }
  const serverErrors = (list) => {
    errors = list;
    if (view === 'form') renderForm();
    showErrors(true);
  };

  // ---- tabs: form <-> JSON (the JSON is parsed back when leaving it)
  const showTab = (which) => {
    view = which;
    for (const [t, p, on] of [[tabForm, formPanel, which === 'form'], [tabJson, jsonPanel, which === 'json']]) {
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      p.hidden = !on;
    }
  };
  // Reads the textarea into doc; false (the reason shown) when it is not a JSON object.
  const readJson = () => {
    let v;
    try {
      v = JSON.parse(textarea.value);
    } catch (e) {
      v = e;
    }
    if (!isObject(v) || v instanceof Error) {
      jsonError.textContent = `${v instanceof Error ? `The JSON is not valid: ${v.message}.` : 'The policy must be a JSON object ({…}).'}`
        + ' Nothing is lost: fix it here.';
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
    if (!readJson()) return void textarea.focus();
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
  tabForm.addEventListener('click', toForm);
  tabJson.addEventListener('click', toJson);
  tabs.addEventListener('keydown', (ev) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(ev.key)) return;
    ev.preventDefault();
    if (view === 'form') {
      toJson();
      tabJson.focus();
    } else if (toForm()) tabForm.focus();
  });
  textarea.addEventListener('input', () => {
    if (reviewed) hideReview();
    dirty.textContent = 'Unsaved changes.';
  });

  // ---- review (dry run with impact), then save (If-Match)
  const daysInput = h('input', { type: 'number', min: 0, max: 30, step: 1, value: days });
  const reviewState = h('p', { class: 'note', role: 'status' });
  const reviewButton = button('Review changes', {}, async () => {
    result.replaceChildren();
    if (view === 'json' && !readJson()) return textarea.focus();
    const d = doc;
    reviewButton.disabled = true;
    reviewState.textContent = 'Checking the changes…';
    try {
      const n = encodeURIComponent(String(daysInput.value || '0').trim());
      const r = await api('PUT', policyPath(slug, env, `?dry_run=true&impact_days=${n}`), d);
      if (r.status === 401) return ctx.sessionEnded();
      if (r.status === 422 && Array.isArray(r.body?.errors)) return serverErrors(r.body.errors);
      errors = [];
      showErrors(false);
      if (view === 'form') renderForm();
      if (r.status !== 200) return result.replaceChildren(errorBox(problemText(r)));
      reviewed = clone(d);
      showReview(r.body);
    } catch {
      result.replaceChildren(errorBox(UNREACHABLE));
    } finally {
      reviewState.textContent = '';
      reviewButton.disabled = false;
    }
  });
  // The form and the JSON again from the base version, without errors.
  const reset = () => {
    doc = clone(base.doc);
    errors = [];
    showErrors(false);
    textarea.value = JSON.stringify(doc, null, 2);
    jsonError.textContent = '';
    renderForm();
    changed();
  };
  const discard = button('Discard changes', { class: 'secondary' }, () => {
    reset();
    result.replaceChildren();
    announce('Changes discarded.');
  });

  function showReview(dry) {
    const title = h('h2', { id: 'review-title', tabindex: -1 }, 'Review');
    const cur = dry.current_version;
    const message = h('input', { type: 'text', maxlength: 1000, autocomplete: 'off' });
    const save = button('Save', { id: 'policy-save' }, () => doSave(save, message.value.trim()));
    review.replaceChildren(...[title,
      cur !== base.version ? h('p', { class: 'warn' },
        `Version ${cur} is now current (you started from version ${base.version}): saving will be refused until you reload.`) : null,
      dry.changed ? [h('h3', {}, `Changes to version ${cur}`), h('pre', { class: 'literal diff', id: 'policy-diff', tabindex: 0, 'aria-label': 'Differences' },
        diffText(Array.isArray(dry.diff) ? dry.diff : []))]
        : h('p', { id: 'policy-nochange' }, `No changes: this document equals version ${cur}.`),
      impactView(slug, dry.impact),
      dry.changed ? h('div', { class: 'inline save' },
        field('policy-message', 'Message (optional)', message, null, 'field grow'), save) : null,
    ].flat().filter(Boolean));
    review.hidden = false;
    title.focus();
  }

  async function doSave(b, message) {
    b.disabled = true;
    result.replaceChildren();
    try {
      const r = await api('PUT', policyPath(slug, env), message ? { ...reviewed, message } : reviewed, { 'If-Match': `"${base.version}"` });
      if (r.status === 401) return ctx.sessionEnded();
      if (r.status === 200) {
        await load();
        const text = r.body.changed ? `Saved as version ${r.body.version}.` : `Nothing to save: version ${r.body.version} is the same.`;
        result.replaceChildren(h('p', { class: 'ok', id: 'policy-saved', role: 'status' }, text, ' ',
          h('a', { href: routeHref(['p', slug, 'policy', env, 'history']) }, 'See the history')));
        return announce(text);
      }
      if (r.status === 412) {
        return result.replaceChildren(h('div', { role: 'alert', id: 'policy-conflict', class: 'error' },
          h('p', {}, `Not saved: someone saved a newer version of this policy after you opened version ${base.version}. `
            + 'Your edits are still here. Compare with the history, then load the current version and apply them again.'),
          button('Load the current version', { class: 'secondary' }, () => {
            result.replaceChildren();
            load().catch((e) => result.replaceChildren(errorBox(e.message)));
          })));
      }
      if (r.status === 422 && Array.isArray(r.body?.errors)) return serverErrors(r.body.errors);
      result.replaceChildren(errorBox(problemText(r)));
    } catch {
      result.replaceChildren(errorBox(UNREACHABLE));
    } finally {
      b.disabled = false;
    }
  }

  // ---- the current version
  async function load() {
    const r = await api('GET', policyPath(slug, env));
    if (r.status !== 200) throw Object.assign(new Error(problemText(r)), { status: r.status });
    const version = Number(r.headers.get('X-Moat-Policy-Version'));
    const meta = await latestMeta(slug, env).catch((err) => {
      if (err.status === 401) throw err;
      return null;
    });
    base = { version, doc: r.body };
    hideReview();
    head.replaceChildren(`Version ${version}`, meta && meta.version === version
      ? ` · saved ${formatTime(meta.created_at)} by ${txt(meta.author)}${meta.message ? ` · “${meta.message}”` : ''}` : '');
    reset();
  }

  await load();
  ctx.setView(`Policy ${env} · ${slug}`, projectNav(slug, project, 'policy'), policyNav(slug, env, environments, 'editor'),
    h('h1', {}, `Policy of ${env}`), head, summary, tabs, formPanel, jsonPanel, dirty,
    readOnly ? h('p', { id: 'policy-readonly', class: 'note' }, project.archived === true
      ? 'The project is archived: this policy is read-only.' : 'You have the viewer role: this policy is read-only.')
      : h('div', { class: 'inline policy-actions' },
        field('impact-days', 'Impact over the last (days)', daysInput, '0 to 30; 0 skips the impact'), reviewButton, discard, reviewState),
    result, review);
}

// The dashboard route of an API events search (PolicyImpactFigure.events).
const eventsHref = (slug, search) => routeHref(['p', slug, 'events'], new URLSearchParams(String(search || '').split('?')[1] || ''));

// The impact of a dry run (PolicyImpact), or a sentence when there is none.
function impactView(slug, impact) {
  if (!impact) return h('section', { id: 'policy-impact' }, h('h3', {}, 'Impact'), h('p', { class: 'state' }, 'Not computed (0 days).'));
  const per = isObject(impact.interceptors) ? impact.interceptors : {};
  const names = Object.keys(per);
  const fig = (name, kind) => per[name][kind] || { count: 0 };
  let star = false;
  const rows = names.map((name) => h('tr', { 'data-interceptor': name },
    h('th', { scope: 'row' }, name), h('td', {}, txt(per[name].mode)),
    h('td', { class: 'num' }, String(per[name].logged)), h('td', { class: 'num' }, String(per[name].blocked)),
    KINDS.map(([kind, , what]) => {
      const f = fig(name, kind);
      star ||= f.count > 0 && !f.events_exact;
      return h('td', { class: 'num', 'data-kind': kind }, f.count > 0 ? h('a', {
        href: eventsHref(slug, f.events), 'aria-label': `${f.count} ${name} ${what}${f.events_exact ? '' : ' (the link shows more)'}`,
      }, String(f.count), f.events_exact ? '' : '*') : '0');
    })));
  const tops = names.flatMap((name) => KINDS.map(([kind, label]) => {
    const f = fig(name, kind);
    return f.count && f.top_endpoints?.length ? h('li', { 'data-interceptor': name, 'data-kind': kind }, `${name}, ${label.toLowerCase()}: `,
      f.top_endpoints.map((e, k) => [k ? ', ' : '', h('a', { href: eventsHref(slug, e.events), class: 'mono' }, String(e.endpoint)), ` (${e.count})`]),
      f.top_endpoints_sampled ? ' (from a sample)' : '') : null;
  })).filter(Boolean);
  const d = impact.days;
  return h('section', { id: 'policy-impact', 'aria-labelledby': 'impact-title' },
    h('h3', { id: 'impact-title' }, `Impact on the events of the last ${d} day${d === 1 ? '' : 's'}`),
    h('p', { id: 'impact-totals' }, KINDS.map(([k, label], i) => [i ? ' · ' : '', `${label}: ${Number(impact.totals?.[k]) || 0}`])),
    scrollBox('Impact per interceptor', table('impact', 'Impact per interceptor',
      ['Interceptor', 'New mode', 'Logged', 'Blocked', ...KINDS.map((k) => k[1])], rows)),
    star ? h('p', { class: 'note' }, '* the link shows more events than these (an exclusion spares some).') : null,
    tops.length ? [h('h4', {}, 'Top endpoints affected'), h('ul', { id: 'impact-top' }, tops)] : null,
    impact.approximate ? h('p', { class: 'note' }, 'Estimates: ', (impact.notes || []).map(String).join(' ')) : null,
    h('p', { class: 'note' }, `From ${formatTime(impact.since)} to ${formatTime(impact.until)}.`));
}

// Policy diffs: the server's dry run answers `diff` (PolicyDiffEntry:
// path, op, old, new); two stored versions are compared here the same way
// (objects key by key, arrays and other values as a whole, paths sorted).
// Both are rendered as plain text for a <pre> (textContent only).

function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function same(a, b) {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

// The value with object keys sorted (so key order never shows as a change).
function canonical(v) {
  if (Array.isArray(v)) return v.map(canonical);
  if (!isObject(v)) return v;
  const out = {};
  for (const k of Object.keys(v).sort()) out[k] = canonical(v[k]);
  return out;
}

function childPath(path, key) {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

// The differences from document a to document b, as PolicyDiffEntry objects.
export function diffDocs(a, b, path = '$', out = []) {
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const p = childPath(path, k);
      if (!(k in b)) out.push({ path: p, op: 'remove', old: a[k] });
      else if (!(k in a)) out.push({ path: p, op: 'add', new: b[k] });
      else diffDocs(a[k], b[k], p, out);
    }
  } else if (!same(a, b)) {
    out.push({ path, op: 'change', old: a, new: b });
  }
  return out;
}

function value(v, prefix) {
  const s = JSON.stringify(canonical(v), null, 2);
  return (s === undefined ? 'undefined' : s).split('\n').map((line, i) => (i === 0 ? prefix : ' '.repeat(prefix.length)) + line)
    .join('\n');
}

// The text of a diff: one block per entry, "- old" and "+ new" lines under
// its path, like a unified diff.
export function diffText(entries) {
  if (!entries.length) return 'No differences.';
  return entries.map((e) => {
    const lines = [`${e.op === 'add' ? 'added' : e.op === 'remove' ? 'removed' : 'changed'} ${e.path}`];
    if (e.op !== 'add') lines.push(value(e.old, '  - '));
    if (e.op !== 'remove') lines.push(value(e.new, '  + '));
    return lines.join('\n');
  }).join('\n\n');
}

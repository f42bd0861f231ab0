// Reads the prompt templates out of four unpacked npm packages (no code of the
// packages runs) and prints one {"package", "file", "text"} object a line:
//   @elizaos/prompts      prompts/*.txt, each file one prompt, in name order
//   @reactive-agents/prompts  the `template:` literals of dist/index.js
//   langchain@0.1.37      the string literals of >= 120 characters of dist/**/*.cjs,
//                         but code the scanner mistakes for a string (regular
//                         expressions in the output parsers, a PEG grammar) and
//                         error messages (EXCLUDE_FILES, EXCLUDE_STARTS)
//   @llamaindex/core      the string literals of >= 120 characters of prompts/dist/index.cjs
// Literals holding ${...} are left out (built at run time). Usage:
//   node extract.js ELIZA_DIR REACTIVE_DIR LANGCHAIN_DIR LLAMAINDEX_DIR
'use strict';
const fs = require('fs');
const path = require('path');

function literals(src, minLen) {
  const out = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '/') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (c === '/' && src[i + 1] === '*') { const j = src.indexOf('*/', i + 2); i = j < 0 ? src.length : j + 2; continue; }
    if (c === '`' || c === '"' || c === "'") {
      let j = i + 1, s = '', tmpl = false;
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\') {
          const n = src[j + 1];
          s += n === 'n' ? '\n' : n === 't' ? '\t' : n;
          j += 2;
          continue;
        }
        if (c === '`' && src[j] === '$' && src[j + 1] === '{') tmpl = true;
        if (c !== '`' && src[j] === '\n') break;
        s += src[j];
        j++;
      }
      if (s.length >= minLen && !tmpl) out.push({ at: i, text: s });
      i = j + 1;
      continue;
    }
    i++;
  }
  return out;
}

function walk(dir, re, acc) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, re, acc);
    else if (re.test(e.name)) acc.push(p);
  }
  return acc;
}

function emit(pkg, file, text) {
  process.stdout.write(JSON.stringify({ package: pkg, file, text }) + '\n');
}

const [eliza, reactive, lc, lic] = process.argv.slice(2);

for (const f of fs.readdirSync(path.join(eliza, 'prompts')).filter((n) => n.endsWith('.txt')).sort())
  emit('@elizaos/prompts@2.0.0-alpha.537', 'prompts/' + f, fs.readFileSync(path.join(eliza, 'prompts', f), 'utf8'));

{
  const src = fs.readFileSync(path.join(reactive, 'dist', 'index.js'), 'utf8');
  for (const l of literals(src, 1))
    if (/template:\s*$/.test(src.slice(Math.max(0, l.at - 20), l.at)))
      emit('@reactive-agents/prompts@0.9.0', 'dist/index.js', l.text);
}

const EXCLUDE_FILES = /(outputParser|combining|structured|parser_grammar|sequential_chain|time_weighted|mongo)\.cjs$/;
const EXCLUDE_STARTS = ['Passing chat history', 'Either specify', 'Found a document', 'This may be because'];
for (const f of walk(path.join(lc, 'dist'), /\.cjs$/, [])) {
  if (EXCLUDE_FILES.test(f)) continue;
  for (const l of literals(fs.readFileSync(f, 'utf8'), 120))
    if (!EXCLUDE_STARTS.some((s) => l.text.startsWith(s)))
      emit('langchain@0.1.37', path.relative(lc, f), l.text);
}

for (const l of literals(fs.readFileSync(path.join(lic, 'prompts', 'dist', 'index.cjs'), 'utf8'), 120))
  emit('@llamaindex/core@0.6.23', 'prompts/dist/index.cjs', l.text);

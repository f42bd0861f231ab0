// Liveness oracle: does the input, in one of the bench's three sinks, give the
// parsed DOM a script feature the page without the input lacks?
// usage: node oracle.mjs FILE.jsonl...   prints LIVE/inert per input and sink.
// Needs parse5 7 from npm (npm install parse5@7 in the folder it runs from).
import { parse } from 'parse5';
import fs from 'fs';

const sinks = process.env.WIDE ? [
  ['<div class="comment"><p>', '</p></div>'],
  ['<form action="/search"><input type="text" name="q" value="', '"></form>'],
  ['<p>Your site: <a href="', '" rel="nofollow">homepage</a></p>'],
  ['<input name=q value=', '>'],
  ['<textarea name=t>', '</textarea>'],
  ['<title>', '</title>'],
  ['<p>a<!-- ', ' --></p>'],
  ['<img alt="" src="', '">'],
  ["<p title='", "'>x</p>"],
  ['<table><tr><td>', '</td></tr></table>'],
  ['<svg><text>', '</text></svg>'],
  ['<select><option>', '</option></select>'],
] : [
  ['<div class="comment"><p>', '</p></div>'],
  ['<form action="/search"><input type="text" name="q" value="', '"></form>'],
  ['<p>Your site: <a href="', '" rel="nofollow">homepage</a></p>'],
];
const hex = (s) => Buffer.from(s, 'utf8').toString('hex') || '-';
const pairs = process.env.PAIRS ? fs.openSync(process.env.PAIRS, 'w') : null;
const URLATTR = new Set(['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'background', 'poster', 'dynsrc', 'lowsrc', 'codebase', 'srcdoc']);
function feats(html) {
  const out = [];
  const doc = parse('<!doctype html><html><body>' + html + '</body></html>');
  const walk = (n) => {
    if (n.tagName) {
      const t = n.tagName;
      if (['script', 'iframe', 'object', 'embed', 'base', 'frame', 'applet', 'meta', 'link'].includes(t)) out.push('el:' + t);
      for (const a of n.attrs || []) {
        const name = a.name.toLowerCase();
        if (/^on[a-z]+$/.test(name) && name !== 'one') out.push('on:' + t + '.' + name);
        // the URL parser strips leading/trailing C0 controls and spaces, and
        // tabs and line breaks anywhere
        const v = a.value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '').toLowerCase();
        const nav = (name === 'href' && ['a', 'area', 'base'].includes(t)) || (name === 'xlink:href') ||
          (name === 'src' && ['iframe', 'frame', 'embed', 'script'].includes(t)) || (name === 'data' && t === 'object') ||
          (name === 'action' && t === 'form') || (name === 'formaction' && ['button', 'input'].includes(t));
        if (nav && (/^(javascript|vbscript):/.test(v) || (/^data:/.test(v) && t !== 'a' && t !== 'area')))
          out.push('url:' + t + '.' + name + ':' + v.slice(0, 10));
        if (name === 'srcdoc') out.push('srcdoc');
        if (name === 'style' && /expression\(|javascript:|binding/.test(v)) out.push('style');
      }
      if (t === 'style') out.push('el:style');
    }
    for (const c of n.childNodes || []) walk(c);
    if (n.content) walk(n.content);
  };
  walk(doc);
  return out;
}
const base = sinks.map(([a, b]) => feats(a + b));
let live = 0, total = 0;
for (const f of process.argv.slice(2)) {
  for (const line of fs.readFileSync(f, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const v = JSON.parse(line).input;
    total++;
    const hits = [];
    sinks.forEach(([a, b], i) => {
      const fs2 = feats(a + v + b);
      const extra = fs2.filter((x) => !base[i].includes(x) || fs2.filter((y) => y === x).length > base[i].filter((y) => y === x).length);
      if (extra.length) {
        hits.push(i + ':' + [...new Set(extra)].join(','));
        if (pairs !== null) fs.writeSync(pairs, hex(a) + ' ' + hex(v) + ' ' + hex(b) + '\n');
      }
    });
    if (hits.length) live++;
    console.log((hits.length ? 'LIVE ' : 'inert') + '\t' + hits.join(' ') + '\t' + JSON.stringify(v).slice(0, 120));
  }
}
console.log(`# ${live} of ${total} live in some sink`);

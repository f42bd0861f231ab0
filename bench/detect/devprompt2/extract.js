// node extract.js dist/index.js: prints ecc-agentshield's INJECTION_PAYLOADS
// array (an array literal of plain objects in the bundle) as JSON lines.
// The literal is read with a bracket matcher that skips strings and comments,
// then evaluated alone (no other code of the package runs).
"use strict";
const fs = require("fs");
const vm = require("vm");
const src = fs.readFileSync(process.argv[2], "utf8");
const at = src.indexOf("INJECTION_PAYLOADS = [");
if (at < 0) throw new Error("INJECTION_PAYLOADS not found");
let i = src.indexOf("[", at), depth = 0, q = null;
const start = i;
for (; i < src.length; i++) {
  const c = src[i];
  if (q) {
    if (c === "\\") { i++; continue; }
    if (c === q) q = null;
    continue;
  }
  if (c === '"' || c === "'" || c === "`") { q = c; continue; }
  if (c === "/" && src[i + 1] === "/") { i = src.indexOf("\n", i); continue; }
  if (c === "/" && src[i + 1] === "*") { i = src.indexOf("*/", i) + 1; continue; }
  if (c === "[") depth++;
  if (c === "]" && --depth === 0) break;
}
const arr = vm.runInNewContext("(" + src.slice(start, i + 1) + ")", {}, { timeout: 1000 });
for (const p of arr) {
  process.stdout.write(JSON.stringify({ id: p.id, category: p.category, name: p.name, payload: p.payload }) + "\n");
}

// Chromium check of devhtml's four kept false-positive families (bench/RESULTS.md,
// "xss22 (session 34)"): each family's bytes as an attack page, and a twin.
// npm install playwright-core in a scratch folder; Debian's chromium;
// node families.mjs from there. RUNS = window.ran was set after load.
import { chromium } from 'playwright-core';

const rows = [
  // D: a line break that ends the page's // comment; what it releases is the page's line
  ['D attack (stored data on the line)', '<script>\n// Author: ', '1\n', ' window.ran=1//\nrun2();\n</script>'],
  ['D devhtml shape (page code on the line)', '<script>\n// see the first', '.\n\t', '\twindow.ran=1;\n</script>'],
  ['D whitespace-only input (allowed at a020085: open)', '<script>\n// Author: ', '\r\n', ' window.ran=1//\nrun2();\n</script>'],
  ['D twin: no line break', '<script>\n// see the first', '. \t', '\twindow.ran=1;\n</script>'],
  // B: a handler's whole value is the input
  ['B attack', '<img src="/nope.png" onerror="', 'window.ran=1', '">'],
  ['B devhtml shape', '<img src="/nope.svg" onerror="', "this.src='/nope.png'; this.onerror=null; window.ran=1;", '">'],
  // A: a <script src>'s whole URL is the input (data: stands in for another origin: no network here)
  ['A attack', '<script src="', 'data:text/javascript,window.ran=1', '"></script>'],
  // C: an input that writes a call and opens a string the page closes
  ['C devhtml shape (the input calls the page\'s function)', "<script>function go(a){window.ran=a}\n", "go( '", "editor1' );\n</script>"],
  ['C attack (the input\'s own code)', "<script>function go(a){}\n", "window.ran=1;go( '", "editor1' );\n</script>"],
  ['C twin: the input is string data', "<script>function go(a){}\ngo( '", "window.ran=1", "' );\n</script>"],
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [name, head, input, tail] of rows) {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body>' + head + input + tail + '</body></html>');
  await page.waitForTimeout(300);
  const ran = await page.evaluate(() => window.ran);
  await page.close();
  console.log((ran ? 'RUNS ' : 'inert') + '\t' + name + '\t' + JSON.stringify(input) + '\tran=' + JSON.stringify(ran));
}
await browser.close();

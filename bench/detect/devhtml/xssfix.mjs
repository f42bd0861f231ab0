// Chromium check of xssfix's pages (bench/RESULTS.md, "xssfix (session 34)"):
// an input of white space with a line break, or U+2028 / U+2029 alone, where it
// ends a single-line comment of a script or handler, and twins where it does not.
// npm install playwright-core in a scratch folder (PW=that folder's
// node_modules/playwright-core/index.mjs); Debian's chromium.
// RUNS = window.ran was set after load (a handler is clicked).
const { chromium } = await import(process.env.PW || 'playwright-core');

const R = 'window.ran=1';
const rows = [
  ['script // + CRLF', '<script>// Author: ', '\r\n', ' ' + R + '//</script>'],
  ['script // + LF LF', '<script>\n  // zuletzt von ', '\n\n', '  ' + R + '//\n</script>'],
  ['script // + LF alone', '<script>\n// signé ', '\n', ' ' + R + '//\n</script>'],
  ['script // + CR alone', '<script>\n// par ', '\r', ' ' + R + '//\n</script>'],
  ['handler // + LF TAB', '<button id=b onclick="// by ', '\n\t', ' ' + R + '">Go</button>'],
  ['script <!-- + CRLF', '<script>\n<!-- shown to ', '\r\n', ' ' + R + '\n</script>'],
  ['script --> + LF SP', '<script>\nvoid 0;\n--> last by ', '\n ', ' ' + R + '\n</script>'],
  ['script // + U+2028', '<script>\n// Author: ', '\u2028', ' ' + R + '//\n</script>'],
  ['script // + U+2029', '<script>\n// Autorin: ', '\u2029', ' ' + R + '//\n</script>'],
  ['handler // + U+2028', '<button id=b onclick="// by ', '\u2028', ' ' + R + '">Go</button>'],
  ['script <!-- + U+2029', '<script>\n<!-- von ', '\u2029', ' ' + R + '\n</script>'],
  ['twin: page ends the line', '<script>\n// Author: ', '\r\n', '\n//' + R + '\n</script>'],
  ['twin: pre', '<pre>// not code', '\n', R + '//</pre>'],
  ['twin: textarea', '<textarea>// notes', '\r\n', ' ' + R + '</textarea>'],
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [name, head, input, tail] of rows) {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body>' + head + input + tail + '</body></html>');
  if (head.includes('id=b')) await page.click('#b');
  await page.waitForTimeout(200);
  const ran = await page.evaluate(() => window.ran);
  await page.close();
  console.log((ran ? 'RUNS ' : 'inert') + '\t' + name + '\t' + JSON.stringify(input));
}
await browser.close();

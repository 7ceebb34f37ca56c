// node make-text.js ARTICLES_DIR OUT_FILE [MIN_BYTES] — the dev articles' texts, joined and repeated until the file
// holds at least MIN_BYTES (default 5 MiB) of UTF-8: the one text both readers of the benchmark read.
'use strict';
const fs = require('fs');
const path = require('path');
const [dir, out, min] = process.argv.slice(2);
if (!dir || !out) { console.error('usage: node make-text.js ARTICLES_DIR OUT_FILE [MIN_BYTES]'); process.exit(2); }
const minBytes = Number(min || 5 * 1024 * 1024);
const texts = fs.readdirSync(dir).filter(f => f.endsWith('.json')).sort()
  .map(f => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).text);
if (texts.length === 0) { console.error(`no .json articles in ${dir}`); process.exit(1); }
const block = texts.join('\n\n');
const parts = [];
let bytes = 0;
while (bytes < minBytes) { parts.push(block); bytes += Buffer.byteLength(block, 'utf8') + 2; }
fs.writeFileSync(out, parts.join('\n\n'), 'utf8');
console.log(`text: ${out}, ${Buffer.byteLength(parts.join('\n\n'), 'utf8')} bytes from ${texts.length} articles x ${parts.length}`);

// node read-folder.js FOLDER — the whole-process peer of `plenary read FOLDER`: loads wink-nlp and its model, then
// reads every .json article of the folder (its "text"), one document per file: tokens, sentences and entities.
// Prints "wink files=… bytes=… tokens=… sentences=… entities=…" (bytes: the UTF-8 bytes of the texts read).
'use strict';
const fs = require('fs');
const path = require('path');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

const dir = process.argv[2];
if (!dir) { console.error('usage: node read-folder.js FOLDER'); process.exit(2); }
const nlp = winkNLP(model);
const its = nlp.its;
const files = fs.readdirSync(dir).filter(f => f.endsWith('.json')).sort();
let bytes = 0, tokens = 0, sentences = 0, entities = 0;
for (const f of files) {
  const text = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).text;
  bytes += Buffer.byteLength(text, 'utf8');
  const doc = nlp.readDoc(text);
  tokens += doc.tokens().length();
  sentences += doc.sentences().length();
  entities += doc.entities().out(its.detail).length;
}
console.log(`wink files=${files.length} bytes=${bytes} tokens=${tokens} sentences=${sentences} entities=${entities}`);

// node bench.js TEXTFILE — reads the file as one document with wink-nlp (tokens, sentences, entities) and prints
// its throughput in the same shape as the Plenary side: "wink bytes=… seconds=… bytes_per_second=…".
'use strict';
const fs = require('fs');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

const file = process.argv[2];
if (!file) { console.error('usage: node bench.js TEXTFILE'); process.exit(2); }
const text = fs.readFileSync(file, 'utf8');
const nlp = winkNLP(model);
const its = nlp.its;

// warm-up on a slice, as the Plenary side does
nlp.readDoc(text.slice(0, 200000)).entities().out();

const bytes = Buffer.byteLength(text, 'utf8');
const start = process.hrtime.bigint();
const doc = nlp.readDoc(text);
const tokens = doc.tokens().length();
const sentences = doc.sentences().length();
const entities = doc.entities().out(its.detail).length;
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const peak = process.memoryUsage().rss / 1048576;
console.log(`wink bytes=${bytes} seconds=${seconds.toFixed(3)} bytes_per_second=${Math.round(bytes / seconds)} tokens=${tokens} sentences=${sentences} entities=${entities} rss_mb=${peak.toFixed(1)}`);

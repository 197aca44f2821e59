// Parity check between training and inference for the second stage: prints, for the first
// segment the page classifier sees in FILE, the stage-1 probability and stage-2 features of
// every line as JSON (scripts/train/stack.py --check compares them with its own).
//   node out/check-stack.js MODEL_JSON FILE.ann > out.json
import * as fs from 'fs';
import { analyze } from '../../server/src/analysis';
import { setPageTrace, PageInput } from '../../server/src/analysis/page/classify';
import { pageFeatures, NF } from '../../server/src/analysis/page/features';
import { NS, stackFeatures } from '../../server/src/analysis/page/stack';
import { Forest, sigmoid } from '../../server/src/analysis/page/trees';
import { parseAnn } from '../../test/support/ann';

const [modelPath, file] = process.argv.slice(2);
const model = JSON.parse(fs.readFileSync(modelPath, 'utf8'));
const chrome = new Forest(model.chrome);
const stack = new Forest(model.stack);
const inputs: PageInput[] = [];
setPageTrace((i) => inputs.push(i));
analyze(parseAnn(file).lines.map((l) => l.text).join('\n'));
setPageTrace(null);
const pf = pageFeatures(inputs[0]);
const m = pf.idx.length;
const p = new Float64Array(m);
for (let k = 0; k < m; k++) p[k] = sigmoid(chrome.score(pf.x, k, NF));
const W = NF + NS;
const x2 = new Float32Array(m * W);
for (let k = 0; k < m; k++) x2.set(pf.x.subarray(k * NF, (k + 1) * NF), k * W);
stackFeatures(p, pf.words, pf.prose, x2, W, NF);
const p2 = Array.from({ length: m }, (_, k) => sigmoid(stack.score(x2, k, W)));
console.log(JSON.stringify({ p: Array.from(p), s: Array.from({ length: m }, (_, k) => Array.from(x2.subarray(k * W + NF, (k + 1) * W))), p2 }));

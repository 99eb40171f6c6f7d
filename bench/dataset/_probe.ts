import { buildDataset } from '../../cli/dataset/merge';
import { verifyFile } from '../../cli/verify';
const files = process.argv.slice(2);
let t = performance.now();
for (const f of files) { const r = await verifyFile(f); console.log('verify', f.slice(-8), r.ok, Math.round(performance.now() - t)); t = performance.now(); }
let last = performance.now();
await buildDataset(files, { output: '/tmp/shutout-try/out2', onProgress: (d) => { console.log('progress', d, Math.round(performance.now() - last)); last = performance.now(); } });
console.log('publish', Math.round(performance.now() - last));

/**
 * Measures `shutout scan`'s verdicts on labelled real pages kept outside the repository
 * (`real.jsonl` beside the files: file, label, kind, url). Usage:
 *   node --import tsx scripts/eval-real.ts DIR [DIR...] [--misses] [--kinds]
 * (`--kinds` also lists walls found under another kind than their label)
 * Never part of `npm test`: the pages are third-party material that stays out of the project.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRuleSet, verdictOf } from '../utils/detect/index';
import { scanFile } from '../cli/scan';

interface Item { file: string; label: 'positive' | 'negative'; kind: string | null; url: string; platform: string }

const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const dirs = args.filter((a) => !a.startsWith('--'));
const rules = builtinRuleSet();
let tp = 0, fn = 0, fp = 0, tn = 0, kindOk = 0;
for (const dir of dirs) {
  for (const line of readFileSync(join(dir, 'real.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const item = JSON.parse(line) as Item;
    const url = item.url.split(/\s/)[0]!.replace(/<[^>]*>/g, 'x');
    // Read exactly as `shutout scan` reads the file (its charset, an answer's envelope, a .txt that holds a page's text).
    const detections = (await scanFile(join(dir, item.file), { url, rules })).flatMap((r) => r.detections);
    const blocked = verdictOf(detections) === 'blocked';
    const kinds = detections.map((d) => d.kind);
    if (item.label === 'positive') {
      if (blocked) { tp++; if (kinds.includes(item.kind as never)) kindOk++; } else fn++;
    } else if (blocked) fp++; else tn++;
    const wrong = (item.label === 'positive') !== blocked || (args.includes('--kinds') && blocked && item.label === 'positive' && !kinds.includes(item.kind as never));
    if (showMisses && wrong) console.log(`${item.label === 'positive' ? 'MISS' : 'FALSE'} ${dir.split('/').at(-1)}/${item.file} ${item.kind ?? ''} ${item.platform} ${kinds.join(',')} ${detections.map((d) => d.ruleId).join(',')}`);
  }
}
const pos = tp + fn;
const neg = fp + tn;
console.log(`positives ${pos}: found ${tp} (recall ${(tp / pos).toFixed(3)}), right kind ${kindOk}; negatives ${neg}: false alarms ${fp} (rate ${(fp / neg).toFixed(3)})`);

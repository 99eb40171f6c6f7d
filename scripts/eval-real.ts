/**
 * Measures `shutout scan`'s verdicts on labelled real pages kept outside the repository
 * (`real.jsonl` beside the files: file, label, kind, url). Usage:
 *   node --import tsx scripts/eval-real.ts DIR [DIR...] [--misses] [--kinds]
 * (`--kinds` also lists walls found under another kind than their label)
 * Never part of `npm test`: the pages are third-party material that stays out of the project.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRuleSet, scanNetwork, verdictOf } from '../utils/detect/index';
import { scanHtmlText } from '../cli/scan';
import { decodeHtml, decodeText } from '../cli/decode';

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
    // Decoded as `shutout scan` decodes a file (charset, BOM, a scraper's Latin-1 mojibake).
    const bytes = readFileSync(join(dir, item.file));
    const isPage = /\.html?$/.test(item.file);
    const raw = isPage ? decodeHtml(bytes) : decodeText(bytes);
    const detections = isPage
      ? scanHtmlText(item.file, raw, url, rules).detections
      : scanNetwork(rules, { url, body: raw, resource: 'api' });
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

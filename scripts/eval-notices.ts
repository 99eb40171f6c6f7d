/**
 * Figures of the notice corpus while developing (the test tests/unit/blind.test.ts holds the
 * gate): `node --import tsx scripts/eval-notices.ts [DIR] [--model] [--misses] [--fresh]`.
 *
 * `--fresh DIR`: a fresh measure of new research items kept outside the repository, before
 * anything is learnt from them. The shipped detectors (rules, frames and model as built from the
 * corpus) read the items of DIR whose every source group is new to the corpus.
 */
import { blindOutcomes, breakdown, figures, formatFigures, seenOutcomes, type Outcome } from '../tests/blind';
import { loadItems, NOTICES_DIR, sourceGroup, sourceGroups } from '../tests/notices';
import { builtinRuleSet } from '../utils/detect/index';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? NOTICES_DIR;
const fresh = args.includes('--fresh');
const known = fresh ? new Set(loadItems().flatMap((i) => sourceGroups(i.source))) : new Set<string>();
const all = loadItems(dir, (m) => console.error('skipped', m));
const items = fresh ? all.filter((i) => sourceGroups(i.source).every((g) => !known.has(g))) : all;
const t0 = Date.now();
// THRESHOLDS=0.85,0.9,0.95: the blind figure at each threshold, the models trained once.
if (process.env.THRESHOLDS && !fresh) {
  const models = new Map();
  for (const t of process.env.THRESHOLDS.split(',').map(Number)) {
    console.log(formatFigures(`blind, threshold ${t}`, figures(blindOutcomes({ items, model: true, threshold: t, models }))));
  }
  process.exit(0);
}
const outcomes: Outcome[] = fresh
  ? seenOutcomes(builtinRuleSet(), items)
  : blindOutcomes({ items, model: args.includes('--model'), threshold: process.env.THRESHOLD ? Number(process.env.THRESHOLD) : undefined });
if (fresh) console.log(`${all.length} items, ${items.length} from source groups new to the corpus`);
console.log(`${items.length} items, ${new Set(items.map((i) => sourceGroup(i.source))).size} source groups, ${Date.now() - t0} ms`);
console.log(formatFigures(fresh ? 'fresh, as shipped' : 'blind, all', figures(outcomes)));
for (const [k, f] of breakdown(outcomes, (i) => i.lang)) console.log(formatFigures(`  lang ${k}`, f));
for (const [k, f] of breakdown(outcomes, (i) => i.placement)) console.log(formatFigures(`  placement ${k}`, f));
for (const [k, f] of breakdown(outcomes, (i) => i.file.replace('.jsonl', ''))) console.log(formatFigures(`  file ${k}`, f));
if (args.includes('--misses')) {
  for (const o of outcomes) {
    const wrong = (o.item.label === 'positive') !== o.detections.length > 0;
    if (!wrong) continue;
    console.log(`${o.item.label === 'positive' ? 'MISS ' : 'FALSE'} ${o.item.id} [${o.item.placement}] ${o.item.kind ?? ''} :: ${o.item.text.replace(/\s+/g, ' ').slice(0, 110)}${o.detections.length ? ' <= ' + o.detections.map((d) => `${d.ruleId}(${d.why ?? ''})`).join(', ') : ''}`);
  }
}

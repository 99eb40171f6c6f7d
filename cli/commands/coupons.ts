import type { LedgerVisit } from '../../utils/coupons/compare';
import { httpUrlOption, UsageError } from '../args';
import { diffVisits, loadVisits } from '../coupons';
import { forTerminal, inputError } from '../terminal';
import type { Command } from './command';

export const couponsCommand: Command = {
  name: 'coupons',
  synopsis: ['shutout coupons diff [--json] [--url URL] BASELINE CURRENT'],
  details: `  BASELINE and CURRENT are coupon ledgers (.json, exported from Shutout) or saved item pages;
  prints, per item, the offers BASELINE saw that CURRENT lacks. Exit 0 when compared, 2 unreadable.`,
  options: { json: { type: 'boolean' }, url: { type: 'string' } },
  async run({ values, positionals }, io) {
    const [sub, ...files] = positionals;
    if (sub !== 'diff') throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'which subcommand? (diff)');
    if (files.length !== 2) throw new UsageError('coupons diff takes BASELINE and CURRENT');
    const json = values.json === true;
    const url = httpUrlOption(values, 'url');
    const [baselinePath, currentPath] = files as [string, string];
    let baseline: LedgerVisit[];
    let current: LedgerVisit[];
    try {
      baseline = await loadVisits(baselinePath, url);
    } catch (e) {
      io.stderr.write(inputError(baselinePath, (e as Error).message));
      return 2;
    }
    try {
      current = await loadVisits(currentPath, url);
    } catch (e) {
      io.stderr.write(inputError(currentPath, (e as Error).message));
      return 2;
    }
    const lines = diffVisits(baseline, current, baselinePath);
    if (json) {
      for (const l of lines) io.stdout.write(JSON.stringify(l) + '\n');
      return 0;
    }
    let total = 0;
    for (const l of lines) {
      const item = forTerminal(l.item);
      if (!l.compared) {
        io.stdout.write(`${item}  not compared (${l.state === 'not-loaded' ? 'the coupon area did not load' : 'the baseline never saw this item with offers'})\n`);
        continue;
      }
      if (l.missing.length === 0) {
        io.stdout.write(`${item}  nothing missing\n`);
        continue;
      }
      total += l.missing.length;
      io.stdout.write(`${item}  ${l.missing.length} missing:\n`);
      for (const m of l.missing) io.stdout.write(`  - ${forTerminal(m.label)}  [${forTerminal(m.type)}]  seen by the baseline at ${forTerminal(m.seenAt)}\n`);
    }
    io.stdout.write(`${lines.length} items compared, ${total} offers missing\n`);
    return 0;
  },
};

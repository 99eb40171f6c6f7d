import { stat } from 'node:fs/promises';
import { extname, basename } from 'node:path';
import { missingOffers, type LedgerVisit, type MissingOffer } from '../utils/coupons/compare';
import { extractCoupons } from '../utils/coupons/index';
import { visitFromScan } from '../utils/coupons/ledger';
import { LedgerImportError, parseLedger } from '../utils/coupons/ledger-file';
import { loadHtml } from './html';
import { decodeHtml } from './decode';
import { parseMhtml } from './mhtml';
import { ARCHIVE_FILE_LIMIT, limitFor, readRegularFile } from './read-input';

export class UnreadableCoupons extends Error {}

/** A ledger file, or a saved item page as one visit. */
export async function loadVisits(path: string, url?: string): Promise<LedgerVisit[]> {
  let bytes: Buffer;
  let mtime: Date;
  const ext = extname(path).toLowerCase();
  try {
    bytes = await readRegularFile(path, ext === '.json' ? ARCHIVE_FILE_LIMIT : limitFor(path));
    mtime = (await stat(path)).mtime;
  } catch (e) {
    throw new UnreadableCoupons((e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message);
  }
  if (ext === '.json') {
    try {
      return parseLedger(new TextDecoder('utf-8').decode(bytes), basename(path)).visits.filter((v) => v.source !== 'import');
    } catch (e) {
      throw new UnreadableCoupons(e instanceof LedgerImportError ? e.message : String(e));
    }
  }
  let html: string;
  let pageUrl = url ?? null;
  if (ext === '.mhtml' || ext === '.mht') {
    const m = parseMhtml(bytes.toString('latin1'));
    html = m.html;
    pageUrl ??= m.url;
  } else html = decodeHtml(bytes);
  const page = loadHtml(html, pageUrl);
  if (!page.url) throw new UnreadableCoupons('the saved page does not record its URL');
  const scan = extractCoupons(page.document as ParentNode, page.url);
  if (!scan) throw new UnreadableCoupons('Shutout does not read coupons on this page');
  const visit = visitFromScan(scan, { id: path, at: mtime.toISOString(), source: 'visit', profileLabel: '' });
  if (!visit) throw new UnreadableCoupons('the page names no item');
  return [visit];
}

export interface DiffLine {
  item: string;
  url: string;
  state: LedgerVisit['scan']['state'];
  /** Not compared: the current coupon area did not load, or the baseline never saw the item. */
  compared: boolean;
  missing: Array<{ label: string; key: string; type: string; seenAt: string }>;
}

/**
 * For each item of CURRENT (its latest visit): the offers BASELINE saw that it lacks. BASELINE
 * counts as one imported ledger, so only its latest visit of each item that showed offers is a
 * baseline (missingOffers); one pass indexes those by item, so the whole diff is linear.
 */
export function diffVisits(baseline: LedgerVisit[], current: LedgerVisit[], baselineName: string): DiffLine[] {
  const latest = new Map<string, LedgerVisit>();
  for (const v of current) if (!latest.has(v.itemKey) || latest.get(v.itemKey)!.at < v.at) latest.set(v.itemKey, v);
  const latestBaseline = new Map<string, LedgerVisit>();
  for (const v of baseline) {
    if (v.scan.state !== 'present') continue;
    const best = latestBaseline.get(v.itemKey);
    if (!best || v.at > best.at) latestBaseline.set(v.itemKey, v);
  }
  return [...latest.values()].map((v) => {
    const b = latestBaseline.get(v.itemKey);
    const against: LedgerVisit[] = b ? [{ ...b, id: `baseline:${b.id}`, source: 'import', baselineName }] : [];
    const missing: MissingOffer[] = missingOffers(v, against);
    return {
      item: v.itemKey,
      url: v.scan.url,
      state: v.scan.state,
      compared: v.scan.state !== 'not-loaded' && b !== undefined,
      missing: missing.map((m) => ({ label: m.offer.label, key: m.offer.key, type: m.offer.type, seenAt: m.seenAt })),
    };
  });
}

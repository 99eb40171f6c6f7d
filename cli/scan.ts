import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { builtinRuleSet, platformOf, scanNetwork, scanPage, verdictOf, type Detection, type RuleSet } from '../utils/detect/index';
import { extractCoupons } from '../utils/coupons/index';
import type { Offer } from '../utils/coupons/types';
import { parseHar } from './har';
import { loadHtml } from './html';
import { parseMhtml } from './mhtml';

/** One line of `shutout scan --json` (docs/cli.md). */
export interface ScanResult {
  file: string;
  /** Index of the response in a HAR capture. */
  entry?: number;
  url: string | null;
  platform: string | null;
  verdict: 'blocked' | 'clear';
  detections: Detection[];
  /** The coupon offers the page shows (utils/coupons, docs/coupons.md). */
  coupons: Offer[];
}

export interface ScanError {
  file: string;
  error: string;
}

export const SCANNABLE = new Set(['.html', '.htm', '.mhtml', '.mht', '.har']);

/** Files under the given paths, directories walked recursively, in a stable order. */
export async function* expandPaths(paths: string[], explicit = true): AsyncGenerator<string | ScanError> {
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch (e) {
      yield { file: p, error: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message };
      continue;
    }
    if (s.isDirectory()) {
      const names = (await readdir(p)).sort();
      yield* expandPaths(names.filter((n) => !n.startsWith('.')).map((n) => join(p, n)), false);
    } else if (SCANNABLE.has(extname(p).toLowerCase())) {
      yield p;
    } else if (explicit) {
      yield { file: p, error: `not a saved page (${extname(p) || 'no extension'}): expected .html, .htm, .mhtml or .har` };
    }
  }
}

function pageResult(file: string, url: string | null, detections: Detection[], coupons: Offer[] = []): ScanResult {
  return { file, url, platform: url ? platformOf(url) : null, verdict: verdictOf(detections), detections, coupons };
}

export function scanHtmlText(file: string, html: string, url: string | null, rules: RuleSet): ScanResult {
  const page = loadHtml(html, url, rules);
  const pageUrl = page.url;
  // Without a URL only the shared walls (hosts "*") can apply.
  const detections = scanPage(rules, { url: pageUrl ?? 'https://unknown.invalid/', title: page.title, segments: page.segments, markup: page.markup, widgets: page.widgets });
  const coupons = pageUrl ? (extractCoupons(page.document as ParentNode, pageUrl)?.offers ?? []) : [];
  return pageResult(file, pageUrl, detections, coupons);
}

/** Scan one file: one result per page, or per response for a HAR capture. Throws when unreadable. */
export async function scanFile(file: string, opts: { url?: string; rules?: RuleSet } = {}): Promise<ScanResult[]> {
  const rules = opts.rules ?? builtinRuleSet();
  const ext = extname(file).toLowerCase();
  const raw = await readFile(file, 'utf8');
  if (ext === '.har') {
    return parseHar(raw).map(({ index, input }) => {
      const detections = scanNetwork(rules, input);
      const url = input.url;
      return { ...pageResult(file, url, detections), entry: index, platform: platformOf(input.pageUrl ?? url) };
    });
  }
  if (ext === '.mhtml' || ext === '.mht') {
    const m = parseMhtml(raw);
    return [scanHtmlText(file, m.html, opts.url ?? m.url, rules)];
  }
  if (raw.includes('\u0000')) throw new Error('not a text file');
  return [scanHtmlText(file, raw, opts.url ?? null, rules)];
}

import type { Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { builtinRuleSet, platformOf, scanNetwork, scanPage, verdictOf, type Detection, type RuleSet } from '../utils/detect/index';
import { extractCoupons } from '../utils/coupons/index';
import type { Offer } from '../utils/coupons/types';
import { esc } from '../utils/evidence/report/escape';
import { answerInput } from './answer';
import { decodeHtml, decodeText } from './decode';
import { parseHar } from './har';
import { loadHtml } from './html';
import { parseMhtml } from './mhtml';
import { limitFor, readRegularFile, refusal } from './read-input';

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

export const SCANNABLE = new Set(['.html', '.htm', '.mhtml', '.mht', '.har', '.json', '.txt']);
/** Saved API answers (cli/answer.ts). */
const ANSWERS = new Set(['.json', '.txt']);

/** A file to scan; `explicit` when named on the command line rather than found in a directory. */
export interface ScanTarget {
  file: string;
  explicit: boolean;
}

/**
 * Files under the given paths, directories walked recursively, in a stable order. Each directory
 * and each file is visited once by its real path, so symlink cycles end and a page reached by two
 * paths is scanned once; only regular files are yielded (a FIFO or a device would never end).
 */
export async function* expandPaths(paths: string[]): AsyncGenerator<ScanTarget | ScanError> {
  const seen = new Set<string>();
  yield* walk(paths, true, seen);
}

async function* walk(paths: string[], explicit: boolean, seen: Set<string>): AsyncGenerator<ScanTarget | ScanError> {
  for (const p of paths) {
    let s: Stats;
    let real: string;
    try {
      s = await stat(p);
      real = await realpath(p);
    } catch (e) {
      yield { file: p, error: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message };
      continue;
    }
    if (s.isDirectory()) {
      if (seen.has(real)) continue;
      seen.add(real);
      let names: string[];
      try {
        names = (await readdir(p)).sort();
      } catch (e) {
        yield { file: p, error: (e as Error).message };
        continue;
      }
      yield* walk(names.filter((n) => !n.startsWith('.')).map((n) => join(p, n)), false, seen);
      continue;
    }
    const scannable = SCANNABLE.has(extname(p).toLowerCase());
    if (!scannable && !explicit) continue;
    if (seen.has(real)) continue;
    seen.add(real);
    if (!s.isFile()) yield { file: p, error: refusal(s, Infinity)!.message };
    else if (!scannable) yield { file: p, error: `not a saved page (${extname(p) || 'no extension'}): expected .html, .htm, .mhtml, .har, or an API answer (.json, .txt)` };
    else if (s.size > limitFor(p)) yield { file: p, error: refusal(s, limitFor(p))!.message };
    else yield { file: p, explicit };
  }
}

function pageResult(file: string, url: string | null, detections: Detection[], coupons: Offer[] = []): ScanResult {
  return { file, url, platform: url ? platformOf(url) : null, verdict: verdictOf(detections), detections, coupons };
}

export function scanHtmlText(file: string, html: string, url: string | null, rules: RuleSet, status?: number): ScanResult {
  const page = loadHtml(html, url, rules);
  const pageUrl = page.url;
  // Without a URL only the shared walls (hosts "*") can apply; without a status, no rule that needs one.
  const detections = scanPage(rules, { url: pageUrl ?? 'https://unknown.invalid/', title: page.title, segments: page.segments, markup: page.markup, widgets: page.widgets, ...(status !== undefined ? { status } : {}) });
  const coupons = pageUrl ? (extractCoupons(page.document as ParentNode, pageUrl)?.offers ?? []) : [];
  return pageResult(file, pageUrl, detections, coupons);
}

export interface ScanOptions {
  url?: string;
  /** The HTTP status the page (or an answer that does not record one) came with: the browser knows it for the page it shows. */
  status?: number;
  rules?: RuleSet;
  /** A part of the file that could not be read (a malformed HAR entry: `where` is `file#N`); the rest is scanned. */
  onProblem?: (where: string, error: string) => void;
}

/** Non-empty lines of prose from which a .txt is a page's text rather than one answer. */
const PAGE_TEXT_LINES = 4;
const PAGE_TEXT_MIN = 300;

/**
 * A .txt that holds a page's text as a researcher copied it (a help article, a forum thread, a
 * notice page's words), not one API answer: several lines of prose, not a JSON, JSONP, markup or a
 * client's printout of one. It is read as the page it came from, so that what tells a page about
 * blocks from a block (discussion, a help centre's questions) applies to it as to the saved page.
 */
export function isPageText(text: string): boolean {
  const t = text.trim();
  if (t.length < PAGE_TEXT_MIN || /^[[{<(]|^[\w$.]+\s*\(/.test(t)) return false;
  return t.split('\n').filter((l) => l.trim().length > 0).length >= PAGE_TEXT_LINES;
}

/** The text as a page: a paragraph per line. */
function pageTextHtml(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>${lines.map((l) => `<p>${esc(l)}</p>`).join('')}</body></html>`;
}

/** Scan one file: one result per page, or per response for a HAR capture. Throws when unreadable. */
export async function scanFile(file: string, opts: ScanOptions = {}): Promise<ScanResult[]> {
  const rules = opts.rules ?? builtinRuleSet();
  const ext = extname(file).toLowerCase();
  const bytes = await readRegularFile(file, limitFor(file));
  if (ext === '.har') {
    const raw = new TextDecoder('utf-8').decode(bytes); // JSON is UTF-8; a BOM is dropped
    const { responses, problems } = parseHar(raw);
    for (const p of problems) opts.onProblem?.(`${file}#${p.index}`, p.error);
    return responses.map(({ index, input }) => {
      const detections = scanNetwork(rules, input);
      const url = input.url;
      return { ...pageResult(file, url, detections), entry: index, platform: platformOf(input.pageUrl ?? url) };
    });
  }
  if (ANSWERS.has(ext)) {
    const text = decodeText(bytes);
    if (ext === '.txt' && isPageText(text)) return [scanHtmlText(file, pageTextHtml(text), opts.url ?? null, rules, opts.status)];
    const input = answerInput(text, opts.url);
    if (input.status === undefined && opts.status !== undefined) input.status = opts.status;
    const detections = scanNetwork(rules, input);
    return [{ ...pageResult(file, input.url, detections), platform: platformOf(input.pageUrl ?? input.url) }];
  }
  if (ext === '.mhtml' || ext === '.mht') {
    const m = parseMhtml(bytes.toString('latin1'));
    return [scanHtmlText(file, m.html, opts.url ?? m.url, rules, opts.status)];
  }
  const html = decodeHtml(bytes);
  if (html.includes('\u0000')) throw new Error('not a text file');
  return [scanHtmlText(file, html, opts.url ?? null, rules, opts.status)];
}

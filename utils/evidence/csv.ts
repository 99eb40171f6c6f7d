import Papa from 'papaparse';

/** docs/evidence-format.md, "CSV export". */
export const CSV_FIELDS = [
  'id', 'observedAt', 'tzOffsetMinutes', 'platform', 'kind', 'ruleId', 'rulesetVersion', 'where', 'confidence', 'until',
  'pageUrl', 'pageTitle', 'snippet', 'review', 'note', 'count', 'profileLabel', 'browser', 'extensionVersion', 'uiLanguage',
  'origin', 'seq', 'hash', 'why', 'scope', 'scopeReason', 'scopeStatus', 'scopeCheckedAt',
] as const;

/**
 * The widths of CSVs earlier versions wrote, each a prefix of CSV_FIELDS: before the scope
 * columns, and before `why`. `shutout verify` checks the columns a bundle has.
 */
export const CSV_WIDTHS: readonly number[] = [CSV_FIELDS.length, CSV_FIELDS.indexOf('scope'), CSV_FIELDS.indexOf('why')];

/** Columns that hold numbers Shutout wrote: never prefixed (−300 stays -300). */
const NUMERIC = new Set(['tzOffsetMinutes', 'confidence', 'count', 'seq', 'scopeStatus']);

/** The scope check's columns come from the record's `scopeCheck`. */
function cellValue(record: Record<string, unknown>, f: string): unknown {
  const check = record.scopeCheck as { reason?: unknown; status?: unknown; at?: unknown } | undefined;
  if (f === 'scopeReason') return check?.reason;
  if (f === 'scopeStatus') return check?.status;
  if (f === 'scopeCheckedAt') return check?.at;
  return record[f];
}

// White space a spreadsheet skips before it looks for a formula: spaces, NBSP, zero-width
// characters, the byte-order mark, the ideographic space.
const LEADING = /^[\s\u00a0\u200b-\u200d\u2060\ufeff\u3000]*/;
const FORMULA_START = /^[=+\-@\uff1d\uff0b\uff0d\uff20|]/;

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @ — also after leading white space, and
 * their full-width forms ＝＋－＠ — or one starting with tab or CR) gets an apostrophe in front.
 */
export function neutralise(cell: string): string {
  if (/^[\t\r]/.test(cell) || FORMULA_START.test(cell.replace(LEADING, ''))) return `'${cell}`;
  return cell;
}

/** What format 1 (Papa Parse's escapeFormulae) did, for checking version-1 bundles. */
export function neutraliseV1(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** One finding as a CSV row, in CSV_FIELDS order (empty cells for absent fields). */
export function csvRow(record: Record<string, unknown>, version: 1 | 2 = 2): string[] {
  return CSV_FIELDS.map((f) => {
    const v = cellValue(record, f);
    if (v === undefined || v === null) return '';
    if (NUMERIC.has(f) && typeof v === 'number') return String(v);
    return version === 1 ? neutraliseV1(String(v)) : neutralise(String(v));
  });
}

export const CSV_HEADER = Papa.unparse({ fields: [...CSV_FIELDS], data: [] }, { newline: '\r\n' }) + '\r\n';

/** Rows of already-neutralised cells as CSV text (Papa Parse quotes; it never rewrites a cell). */
export function csvLines(rows: string[][]): string {
  return rows.length ? Papa.unparse(rows, { escapeFormulae: false, newline: '\r\n' }) + '\r\n' : '';
}

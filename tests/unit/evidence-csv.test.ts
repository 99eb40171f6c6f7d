import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvLines, csvRow, CSV_FIELDS, neutralise } from '../../utils/evidence/csv';

describe('CSV formula neutralisation', () => {
  it('prefixes formulas, also after leading spaces, NBSP, zero-width spaces or a BOM, and in full width', () => {
    for (const cell of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '  =HYPERLINK("x")', '\u00a0=1', '\u200b=1', '\ufeff=1', '\u3000=1', '＝1+1', '＋1', '－1', '＠SUM(A1)', ' \u200b ＝cmd|x']) {
      expect(neutralise(cell), JSON.stringify(cell)).toBe(`'${cell}`);
    }
    for (const cell of ['abc', '1+1', 'a=b', '访问被拒绝', '', "'already"]) expect(neutralise(cell), JSON.stringify(cell)).toBe(cell);
  });

  it('leaves the numeric columns as numbers: −300 stays -300', () => {
    const row = csvRow({ tzOffsetMinutes: -300, confidence: 0.9, count: 2, seq: 7, snippet: '-300', note: '＝1' });
    const at = (f: string) => row[CSV_FIELDS.indexOf(f as (typeof CSV_FIELDS)[number])];
    expect(at('tzOffsetMinutes')).toBe('-300');
    expect(at('confidence')).toBe('0.9');
    expect(at('snippet')).toBe("'-300");
    expect(at('note')).toBe("'＝1");
    const parsed = Papa.parse<string[]>(csvLines([row])).data[0]!;
    expect(parsed).toEqual(row);
  });
});

import type { ScanResult } from './scan';
import { forTerminal } from './terminal';

/** Display width: CJK and full-width characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function fit(s: string, max: number): string {
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = width(ch);
    if (w + cw > max) {
      while (width(out) > max - 1) out = out.slice(0, -1);
      out += '…';
      break;
    }
    out += ch;
    w += cw;
  }
  return out + ' '.repeat(Math.max(0, max - width(out)));
}

export function formatTable(results: ScanResult[]): string {
  const cols = [
    { title: 'FILE', w: 36, get: (r: ScanResult) => (r.entry !== undefined ? `${r.file}#${r.entry}` : r.file) },
    { title: 'PLATFORM', w: 12, get: (r: ScanResult) => r.platform ?? '-' },
    { title: 'VERDICT', w: 8, get: (r: ScanResult) => r.verdict },
    { title: 'KINDS', w: 22, get: (r: ScanResult) => r.detections.map((d) => d.kind).join(',') || '-' },
    { title: 'SNIPPET', w: 48, get: (r: ScanResult) => r.detections[0]?.snippet ?? '' },
  ];
  const line = (cells: string[]) => cells.map((c, i) => fit(c, cols[i]!.w)).join('  ').trimEnd();
  const rows = [line(cols.map((c) => c.title)), ...results.map((r) => line(cols.map((c) => forTerminal(c.get(r)).replace(/\s+/g, ' '))))];
  const blocked = results.filter((r) => r.verdict === 'blocked').length;
  rows.push('', `${results.length} scanned, ${blocked} blocked, ${results.length - blocked} clear`);
  return rows.join('\n');
}

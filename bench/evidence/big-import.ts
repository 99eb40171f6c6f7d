/**
 * A JSON export of `total` chain entries: one finding, then count amendments (the smallest entries,
 * so that a million fit under the 256 MiB import limit), signed like the extension signs.
 */
import { writeFileSync } from 'node:fs';
import { chainAfter, type NewEntry } from '../../utils/evidence/chain';
import { committed } from '../../utils/evidence/store';
import { findingContentOf } from '../../utils/evidence/content';
import { canonicalJson } from '../../utils/evidence/hash';
import { signBytes, type Signer } from '../../utils/evidence/signing';
import { EVIDENCE_FORMAT } from '../../utils/evidence/export';

export async function writeBigExport(path: string, total: number, signer: Signer): Promise<{ bytes: number; head: string }> {
  const record = {
    id: 'big-1', key: 'page-1|access-denied', pageId: 'page-1', observedAt: '2026-03-20T08:00:00.000Z', tzOffsetMinutes: 480,
    pageUrl: 'https://item.taobao.com/item.htm?id=600000000001', pageTitle: '访问被拒绝', platform: 'taobao', kind: 'access-denied',
    ruleId: 'alibaba.baxia.deny-zh', rulesetVersion: 'bench', snippet: '亲，访问被拒绝', where: 'text', confidence: 0.9,
    extensionVersion: 'bench', browser: 'Chromium', uiLanguage: 'zh-CN', profileLabel: 'bench', origin: 'local',
  };
  const at = '2026-03-20T08:00:00.000Z';
  const bodies: NewEntry[] = [committed('finding', 'big-1', at, { ...findingContentOf(record), count: 1, review: 'unreviewed' })];
  for (let i = 2; i <= total; i++) bodies.push({ type: 'amendment', recordId: 'big-1', at, data: { count: i } });
  const entries = chainAfter(null, bodies);
  const last = entries[entries.length - 1]!;
  const rec = { ...record, count: total, review: 'unreviewed', captureIds: [], seq: 1, hash: entries[0]!.hash };
  const data: Record<string, unknown> = {
    format: EVIDENCE_FORMAT, version: 2, generator: { name: 'Shutout', version: 'bench' }, profileLabel: 'bench', exportedAt: at, language: 'zh',
    redaction: { applied: false, fields: [], counts: {} }, chain: { length: last.seq, head: last.hash, hashedOver: 'original' }, entries, records: [rec],
  };
  data.signature = await signBytes(signer, new TextEncoder().encode(canonicalJson(data)));
  const text = JSON.stringify(data);
  writeFileSync(path, text);
  return { bytes: Buffer.byteLength(text), head: last.hash };
}

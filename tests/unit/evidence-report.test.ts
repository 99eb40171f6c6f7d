import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShutoutDB } from '../../utils/storage/db';
import { localTime } from '../../utils/evidence/report/render';
import { S } from '../../utils/evidence/report/strings';
import { KINDS } from '../../utils/detect/kinds';
import type { Signer } from '../../utils/evidence/signing';
import { recordPages } from '../../utils/evidence/store';
import { bundleFile, run, sourceOf, tempDir, unpack } from './evidence-bundle-helpers';
import { CTX, detection, newId, page, testSigner } from './evidence-helpers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const tmp = tempDir('report');
let signer: Signer;
let db: ShutoutDB;
beforeAll(async () => {
  signer = await testSigner();
  db = new ShutoutDB('report');
  await recordPages(
    db,
    [page(1, [detection({ snippet: '<img src=x onerror=alert(1)> <a href="javascript:alert(2)">点我</a> </style><script>alert(3)</script>' })], { url: 'javascript:alert(4)//', title: '"><svg onload=alert(5)>' }), page(2)],
    CTX,
    newId,
  );
});
afterAll(async () => {
  await db.delete();
  tmp.remove();
});

describe('report.html', () => {
  it('is self-contained and keeps page text inert', async () => {
    const p = join(tmp.dir, 'b.zip');
    await bundleFile(p, sourceOf(db, false), signer);
    const html = new TextDecoder().decode(unpack(p)['report.html']);
    expect(html).toContain(`Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|<img src=x|<a href="javascript|<svg onload|<[^>]+\son\w+=|src="http|href="http|@import|url\(/i);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('javascript:alert(4)//');
    expect(html).toContain(signer.fingerprint.slice(0, 4));
  });

  it('is rendered the same by `shutout report` from the bundle', async () => {
    const p = join(tmp.dir, 'c.zip');
    await bundleFile(p, sourceOf(db, false), signer);
    const out = join(tmp.dir, 'out.html');
    const r = await run(['report', '-o', out, p]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(readFileSync(out)).toEqual(Buffer.from(unpack(p)['report.html']!));
    const v1 = join(tmp.dir, 'v1.html');
    expect((await run(['report', '--lang', 'zh', '-o', v1, join(import.meta.dirname, '../fixtures/evidence-v1/bundle-v1.zip')])).code).toBe(0);
    expect(readFileSync(v1, 'utf8')).toContain('未签名（格式 1）');
  });

  it('writes times with the observer’s offset, and kind labels equal to the UI’s', () => {
    expect(localTime('2026-03-20T08:00:05.000Z', 480)).toBe('2026-03-20 16:00:05 UTC+08:00');
    expect(localTime('2026-03-20T08:00:05.000Z', -300)).toBe('2026-03-20 03:00:05 UTC-05:00');
    const load = (l: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales', l, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
    const [en, zh] = [load('en'), load('zh_CN')];
    for (const k of KINDS) {
      expect(S.kinds.en[k]).toBe(en[`kind_${k.replace(/-/g, '_')}`]!.message);
      expect(S.kinds.zh[k]).toBe(zh[`kind_${k.replace(/-/g, '_')}`]!.message);
    }
  });
});

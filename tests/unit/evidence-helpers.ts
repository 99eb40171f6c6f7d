import type { ObservationContext, PageFindings } from '../../utils/evidence/store';
import type { Detection } from '../../utils/detect/types';
import { ShutoutDB } from '../../utils/storage/db';

export const CTX: ObservationContext = { extensionVersion: '0.1.0', browser: 'Chrome 156', uiLanguage: 'zh-CN', profileLabel: 'lab', tzOffsetMinutes: 480 };

let n = 0;
export const newId = () => `rec-${String(++n).padStart(6, '0')}`;

export function detection(over: Partial<Detection> = {}): Detection {
  return { kind: 'access-denied', platform: 'taobao', ruleId: 'alibaba.baxia.deny-zh', rulesetVersion: '1', snippet: '亲，访问被拒绝', where: 'text', confidence: 0.9, ...over };
}

export function page(i: number, detections: Detection[] = [detection()], over: Partial<PageFindings> = {}): PageFindings {
  return {
    pageId: `page-${String(i).padStart(6, '0')}`,
    url: `https://item.taobao.com/item.htm?id=${600000000000 + i}`,
    title: '访问被拒绝',
    observedAt: new Date(Date.UTC(2026, 2, 20, 8, 0, i)).toISOString(),
    platform: 'taobao',
    detections,
    ...over,
  };
}

import { newKeyPair, signerFor, type Signer } from '../../utils/evidence/signing';

/** A signing key made the way the extension makes one (WebCrypto, non-extractable). */
export async function testSigner(): Promise<Signer> {
  return signerFor(await newKeyPair());
}

/** A test file's databases: each `fresh()` one has a name of its own; `remove()` deletes all made so far. */
export function databases(prefix: string): { fresh(): ShutoutDB; remove(): Promise<void> } {
  let made = 0;
  const open: ShutoutDB[] = [];
  return {
    fresh: () => {
      const d = new ShutoutDB(`${prefix}-${++made}`);
      open.push(d);
      return d;
    },
    remove: async () => {
      for (const d of open.splice(0)) await d.delete();
    },
  };
}

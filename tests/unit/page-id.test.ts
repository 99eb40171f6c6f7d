import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { newPageId } from '../../utils/content/page-id';
import { PageReportSchema } from '../../utils/protocol/messages';

describe('page ids in the content script', () => {
  it('are UUID v4 made without crypto.randomUUID (undefined on http:// pages, an insecure context)', () => {
    const saved = Object.getOwnPropertyDescriptor(crypto, 'randomUUID');
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = Array.from({ length: 200 }, () => newPageId());
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(new Set(ids).size).toBe(ids.length);
      // The background accepts them as a report's page id.
      const report = { type: 'page/report', pageId: ids[0], url: 'http://www.amazon.com/', title: '', observedAt: new Date().toISOString(), detections: [] };
      expect(v.safeParse(PageReportSchema, report).success).toBe(true);
    } finally {
      if (saved) Object.defineProperty(crypto, 'randomUUID', saved);
    }
  });

  it('sets the version and variant bits whatever the random bytes are', () => {
    expect(newPageId((b) => b.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(newPageId((b) => b.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
  });
});

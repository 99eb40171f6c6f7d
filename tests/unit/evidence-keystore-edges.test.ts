import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureSigningKey, keyEntry, signingKeyInfo } from '../../utils/evidence/keystore';
import { databases } from './evidence-helpers';

const dbs = databases('keystore-edges');
afterEach(async () => {
  vi.restoreAllMocks();
  await dbs.remove();
});

describe('the installation signing key', () => {
  it('records a key entry under the record id "key", naming the previous key only when there is one', () => {
    const k = { id: 'signing', fingerprint: 'f'.repeat(64), spki: 'AAAA', createdAt: '2026-03-20T08:00:00.000Z' } as Parameters<typeof keyEntry>[0];
    expect(keyEntry(k, 'first-run', null, k.createdAt)).toEqual({
      type: 'key',
      recordId: 'key',
      at: '2026-03-20T08:00:00.000Z',
      data: { fingerprint: 'f'.repeat(64), publicKey: 'AAAA', reason: 'first-run' },
    });
    expect(keyEntry(k, 'new-key', 'e'.repeat(64), 'later').data).toEqual({ fingerprint: 'f'.repeat(64), publicKey: 'AAAA', reason: 'new-key', previous: 'e'.repeat(64) });
  });

  it('says nothing about a key before one is made, then its fingerprint and creation time', async () => {
    const d = dbs.fresh();
    expect(await signingKeyInfo(d)).toBeNull();
    const k = await ensureSigningKey(d);
    expect(await signingKeyInfo(d)).toEqual({ fingerprint: k.fingerprint, createdAt: k.createdAt });
  });

  it('reuses the stored key without generating another one', async () => {
    const d = dbs.fresh();
    const k = await ensureSigningKey(d);
    const generate = vi.spyOn(globalThis.crypto.subtle, 'generateKey');
    expect((await ensureSigningKey(d)).fingerprint).toBe(k.fingerprint);
    expect(generate).not.toHaveBeenCalled();
  });

  it('gives two callers asking at once the same key, chained once', async () => {
    const d = dbs.fresh();
    const [a, b, c] = await Promise.all([ensureSigningKey(d), ensureSigningKey(d), ensureSigningKey(d)]);
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(c.fingerprint).toBe(a.fingerprint);
    expect(await d.keys.count()).toBe(1);
    const chain = await d.chain.orderBy('seq').toArray();
    expect(chain.map((e) => [e.type, e.recordId, e.data.fingerprint])).toEqual([['key', 'key', a.fingerprint]]);
  });
});

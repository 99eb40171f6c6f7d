/**
 * What an evidence bundle holds, file by file (docs/evidence-format.md, "Evidence bundle"): the
 * README a reader opens first, the capture files, the manifest's list, findings.csv for many
 * findings, the ZIP entries' compression and time, and the errors that stop an export.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ShutoutDB } from '../../utils/storage/db';
import { writeBundle, type BundleManifest, type BundleSource } from '../../utils/evidence/bundle';
import { chainAfter, type ChainEntry } from '../../utils/evidence/chain';
import { sha256Hex } from '../../utils/evidence/hash';
import type { Signer } from '../../utils/evidence/signing';
import { addCapture, amendFinding, committed, recordPages } from '../../utils/evidence/store';
import { bundleFile, centralDirectory, META, sourceOf, tempDir, unpack } from './evidence-bundle-helpers';
import { CTX, databases, detection, newId, page, testSigner } from './evidence-helpers';

const tmp = tempDir('bundle-contents');
afterAll(() => tmp.remove());
let signer: Signer;
beforeAll(async () => {
  signer = await testSigner();
});
const dbs = databases('bundle-contents');
afterEach(() => dbs.remove());
const fresh = () => dbs.fresh();
let n = 0;

const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const manifestOf = (files: Record<string, Uint8Array>) => JSON.parse(text(files['manifest.json'])) as BundleManifest;

/** A little more than one 1 MiB read, with every byte depending on its position. */
const SNAPSHOT = (() => {
  const b = new Uint8Array((1 << 20) + 4321);
  for (let i = 0; i < b.length; i++) b[i] = (i * 31 + (i >> 8)) & 0xff;
  return b;
})();
const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 0xff, 0xd9]);

function capture(id: string, findingId: string, type: 'screenshot' | 'mhtml', mime: string, bytes: Uint8Array<ArrayBuffer>) {
  return { id, findingId, pageUrl: 'https://item.taobao.com/', at: META.exportedAt, type, mime, size: bytes.length, sha256: sha256Hex(bytes), blob: new Blob([bytes]) };
}

/** Three findings (one with a phone number, one on a user's page), an amendment, and a PNG, a JPEG and an MHTML capture. */
async function seeded(): Promise<ShutoutDB> {
  const db = fresh();
  await recordPages(
    db,
    [
      page(1),
      page(2, [detection({ snippet: '手机 13812345678 账号受限', kind: 'account-restricted' })]),
      page(3, [detection({ kind: 'promotion-denied' })], { url: 'https://www.zhihu.com/people/zhang-san?uid=42' }),
    ],
    CTX,
    newId,
  );
  const first = (await db.findings.orderBy('seq').first())!;
  await amendFinding(db, first.id, { review: 'confirmed' });
  await addCapture(db, capture('shot-png', first.id, 'screenshot', 'image/png', PNG));
  await addCapture(db, capture('shot-jpg', first.id, 'screenshot', 'image/jpeg', JPEG));
  await addCapture(db, capture('snap-1', first.id, 'mhtml', 'multipart/related', SNAPSHOT));
  return db;
}

async function bundle(src: BundleSource, timestamper?: (imprint: Uint8Array) => Promise<Uint8Array>) {
  const path = join(tmp.dir, `b-${++n}.zip`);
  const result = await bundleFile(path, src, signer, timestamper);
  return { result, files: unpack(path), zip: new Uint8Array(readFileSync(path)) };
}

/** The README's fixed middle part: what each file is. */
const FILES_SECTION = [
  'Files',
  '- report.html     a readable report (Chinese and English): who, what, when, every finding.',
  '- records.ndjson  the hash chain: one entry per line (finding, amendment, tombstone, capture, import, wipe, upgrade, key).',
  '                  hash = SHA-256( prevHash + "\\n" + canonical JSON of {seq, type, recordId, at, data} ).',
  '                  Personal fields are salted commitments in data._sd; their values and salts are in "disclose".',
  '- findings.csv    the findings as they stand now, one per row (for spreadsheets); rebuilt from the chain by verify.',
  '- captures/       screenshots and page snapshots, each listed in the chain with its SHA-256.',
  '- manifest.json   every file above with its size and SHA-256, the chain head and the key.',
  '- signature.json  ECDSA P-256 signature over manifest.json, with the public key and its fingerprint.',
  '- timestamp.tsr   (when present) an RFC 3161 token over the SHA-256 of signature.json.',
  "- report.signature.json  the same key's signature over report.html's SHA-256 and size.",
];

function expectedReadme(created: string, facts: string, redaction: string): string {
  return [
    'Shutout evidence bundle (format 2)',
    '==================================',
    '',
    created,
    facts,
    `Signed by key ${signer.fingerprint}.`,
    '',
    ...FILES_SECTION,
    '',
    redaction,
    '',
    'Check it: npx shutout verify <this file> --key <fingerprint you were given>   (exit 0 intact, 1 altered, 2 unreadable)',
    '',
  ].join('\n');
}

describe('README.txt', () => {
  it('names the creator, profile, findings, chain head and key, and says redaction is off', async () => {
    const db = await seeded();
    const head = (await db.chain.orderBy('seq').last())!.hash;
    const { files } = await bundle(sourceOf(db, false));
    expect(text(files['README.txt'])).toBe(
      expectedReadme(
        'Created 2026-03-21T00:00:00.000Z by Shutout 0.1.0 (profile "lab").',
        `Findings: 3. Chain length: 7. Chain head: ${head}.`,
        'Redaction: OFF. This bundle holds the data as recorded.',
      ),
    );
  });

  it('when redacted, lists the fields withheld and what was masked, and that the captures stayed in', async () => {
    const db = await seeded();
    const head = (await db.chain.orderBy('seq').last())!.hash;
    const { files } = await bundle(sourceOf(db, true));
    const m = manifestOf(files);
    // The phone number in a snippet; the user name and the uid in the zhihu URL; the profile label.
    expect(m.redaction).toMatchObject({ applied: true, capturesIncluded: true, fields: ['profileLabel', 'snippet', 'pageUrl'] });
    expect(text(files['README.txt'])).toBe(
      expectedReadme(
        'Created 2026-03-21T00:00:00.000Z by Shutout 0.1.0 (profile "[profile-1]").',
        `Findings: 3. Chain length: 7. Chain head: ${head}.`,
        'Redaction: ON. Withheld in fields profileLabel, snippet, pageUrl: 1 phone, 2 user, 1 profile. ' +
          "The chain head is still the browser's own. Names and addresses written as free text without a label are not caught.",
      ),
    );
    expect(text(files['README.txt'])).not.toContain('"lab"');
  });

  it('when redacted without captures, says they were left out', async () => {
    const db = await seeded();
    const { files } = await bundle({ ...sourceOf(db, true), includeCaptures: false });
    expect(manifestOf(files).redaction.capturesIncluded).toBe(false);
    expect(text(files['README.txt'])).toContain(
      "The chain head is still the browser's own. Screenshots and snapshots were left out, since they cannot be redacted. Names and addresses",
    );
  });

  it('for an empty chain and no profile label: no findings, head "(empty)", nothing withheld', async () => {
    const db = fresh();
    const meta = { ...META, profileLabel: '' };
    const { files, result } = await bundle({ ...sourceOf(db, true), meta });
    expect(result.manifest).toMatchObject({ records: 0, chain: { length: 0, head: null } });
    expect(text(files['README.txt'])).toBe(
      expectedReadme(
        'Created 2026-03-21T00:00:00.000Z by Shutout 0.1.0.',
        'Findings: 0. Chain length: 0. Chain head: (empty).',
        "Redaction: ON. Withheld in fields (none needed): nothing. The chain head is still the browser's own. Names and addresses written as free text without a label are not caught.",
      ),
    );
    // Nothing in the chain: an empty records.ndjson, and findings.csv is its header line alone.
    expect(files['records.ndjson']).toEqual(new Uint8Array(0));
    expect(Papa.parse(text(files['findings.csv']), { skipEmptyLines: true }).data).toHaveLength(1);
  });
});

describe('files and manifest', () => {
  it('writes each capture as captures/<id>.png, .jpg or .mhtml, byte for byte, and lists what the signature covers', async () => {
    const db = await seeded();
    const { files, result } = await bundle(sourceOf(db, false));
    expect(Object.keys(files).sort()).toEqual(
      [
        'README.txt',
        'captures/shot-jpg.jpg',
        'captures/shot-png.png',
        'captures/snap-1.mhtml',
        'findings.csv',
        'manifest.json',
        'records.ndjson',
        'report.html',
        'report.signature.json',
        'signature.json',
      ].sort(),
    );
    expect(files['captures/shot-png.png']).toEqual(PNG);
    expect(files['captures/shot-jpg.jpg']).toEqual(JPEG);
    expect(files['captures/snap-1.mhtml']!.length).toBe(SNAPSHOT.length);
    expect(sha256Hex(files['captures/snap-1.mhtml']!)).toBe(sha256Hex(SNAPSHOT));

    // The manifest lists the content files in the order written (captures as the source gives them):
    // not itself, the signatures or the report.
    const m = manifestOf(files);
    expect(m.files.map((f) => f.path)).toEqual(['records.ndjson', 'findings.csv', 'captures/shot-jpg.jpg', 'captures/shot-png.png', 'captures/snap-1.mhtml', 'README.txt']);
    for (const f of m.files) expect(f, f.path).toEqual({ path: f.path, size: files[f.path]!.length, sha256: sha256Hex(files[f.path]!) });
    expect(m).toMatchObject({ format: 'shutout-bundle', version: 2, records: 3, key: signer.fingerprint, redaction: { applied: false, capturesIncluded: true } });
    expect(result.manifest).toEqual(m);
    expect(result).toMatchObject({ fingerprint: signer.fingerprint, timestamp: 'off' });
  });

  it('leaves captures out when asked to, and the manifest says so', async () => {
    const db = await seeded();
    const { files } = await bundle({ ...sourceOf(db, false), includeCaptures: false });
    expect(Object.keys(files).filter((p) => p.startsWith('captures/'))).toEqual([]);
    const m = manifestOf(files);
    expect(m.redaction.capturesIncluded).toBe(false);
    expect(m.files.map((f) => f.path)).toEqual(['records.ndjson', 'findings.csv', 'README.txt']);
    // The chain still records the captures; the report names them without a file.
    expect(text(files['records.ndjson'])).toContain('"type":"capture"');
  });

  it('compresses text and snapshots, stores images and the timestamp token as they are, all with the export time', async () => {
    const db = await seeded();
    const token = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x02]);
    const { zip, files, result } = await bundle(sourceOf(db, false), async () => token);
    expect(result.timestamp).toBe('stamped');
    expect(files['timestamp.tsr']).toEqual(token);
    const entries = centralDirectory(zip);
    expect(Object.fromEntries(entries.map((e) => [e.name, e.method]))).toEqual({
      'records.ndjson': 8,
      'findings.csv': 8,
      'captures/shot-png.png': 0,
      'captures/shot-jpg.jpg': 0,
      'captures/snap-1.mhtml': 8,
      'README.txt': 8,
      'manifest.json': 8,
      'signature.json': 8,
      'timestamp.tsr': 0,
      'report.html': 8,
      'report.signature.json': 8,
    });
    for (const e of entries) expect(e.mtime.getTime(), e.name).toBe(Date.parse(META.exportedAt));
  });

  it('writes findings.csv of more than 2000 findings with each finding once, in chain order', async () => {
    const db = fresh();
    const pages = Array.from({ length: 2003 }, (_, i) => page(i + 1));
    await recordPages(db, pages, CTX, newId);
    const ids = (await db.findings.orderBy('seq').toArray()).map((r) => r.id);
    const { files } = await bundle({ ...sourceOf(db, false), includeCaptures: false });
    const rows = Papa.parse<Record<string, string>>(text(files['findings.csv']), { header: true, skipEmptyLines: true });
    expect(rows.errors).toEqual([]);
    expect(rows.data.map((r) => r.id)).toEqual(ids);
    expect(manifestOf(files).records).toBe(2003);
  });

  it('writes the same records.ndjson whether the chain comes in one page or in pages with empty ones between', async () => {
    const db = await seeded();
    const entries = await db.chain.orderBy('seq').toArray();
    const paged: BundleSource = {
      ...sourceOf(db, false),
      async *entries() {
        yield [];
        yield entries.slice(0, 2);
        yield [];
        yield entries.slice(2);
        yield [];
      },
    };
    const one = await bundle(sourceOf(db, false));
    const many = await bundle(paged);
    expect(many.files['records.ndjson']).toEqual(one.files['records.ndjson']);
    expect(manifestOf(many.files).files).toEqual(manifestOf(one.files).files);
  });
});

describe('what stops or changes an export', () => {
  it('reports a failed time-stamping request and writes the bundle without a token', async () => {
    const db = await seeded();
    const { files, result } = await bundle(sourceOf(db, false), async () => {
      throw new Error('TSA unreachable');
    });
    expect(result.timestamp).toEqual({ error: 'TSA unreachable' });
    expect(files['timestamp.tsr']).toBeUndefined();
    expect(files['report.signature.json']).toBeDefined();
  });

  it('refuses a chain that does not replay, naming the entry', async () => {
    const db = await seeded();
    const entries = await db.chain.orderBy('seq').toArray();
    // The amendment re-pointed at a finding that never was, every hash recomputed.
    const amendment = entries.findIndex((e) => e.type === 'amendment');
    const forged = chainAfter(
      null,
      entries.map(({ seq: _s, prevHash: _p, hash: _h, ...body }, i) => (i === amendment ? { ...body, recordId: 'rec-nowhere' } : body)),
    );
    const src: BundleSource = { ...sourceOf(db, false), entries: async function* () { yield forged; } };
    await expect(writeBundle(src, () => {}, signer)).rejects.toThrow(
      `the chain does not replay: chain entry ${amendment + 1}: it amends rec-nowhere, which is not a live finding at that point`,
    );
  });

  it('refuses, in a whole-chain export, a finding that claims to upgrade an entry the chain does not have', async () => {
    const db = fresh();
    const bogus: ChainEntry[] = chainAfter(null, [
      committed('finding', 'rec-upgraded', META.exportedAt, { id: 'rec-upgraded', kind: 'access-denied', observedAt: META.exportedAt, upgradedFrom: { seq: 0, hash: '0'.repeat(64) } }),
    ]);
    const src: BundleSource = { ...sourceOf(db, false), entries: async function* () { yield bogus; } };
    await expect(writeBundle(src, () => {}, signer)).rejects.toThrow('chain entry 1: it upgrades entry 0, which does not record this finding');
  });

  it('fails, rather than write a broken ZIP, when a file name is too long for the format', async () => {
    const db = fresh();
    const id = 'x'.repeat(70_000);
    await recordPages(db, [page(1)], CTX, newId);
    const first = (await db.findings.orderBy('seq').first())!;
    await addCapture(db, capture(id, first.id, 'screenshot', 'image/png', PNG));
    const chunks: Uint8Array[] = [];
    await expect(writeBundle(sourceOf(db, false), (c) => void chunks.push(c), signer)).rejects.toThrow(/filename too long/);
  });
});

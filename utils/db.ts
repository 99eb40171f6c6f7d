import Dexie, { type Table } from 'dexie';
import type { Kind } from './detect/kinds';
import type { Where } from './detect/types';

/** One finding as stored: what was seen, where, when, and by which rule. */
export interface FindingRecord {
  id: string;
  /** `pageId|kind`: the same kind of block on the same page load is one record. */
  key: string;
  pageId: string;
  observedAt: string;
  pageUrl: string;
  pageTitle: string;
  platform: string | null;
  kind: Kind;
  ruleId: string;
  rulesetVersion: string;
  snippet: string;
  where: Where;
  confidence: number;
  until?: string;
  count: number;
}

export class ShutoutDB extends Dexie {
  findings!: Table<FindingRecord, string>;

  constructor(name = 'shutout') {
    super(name);
    // Never delete a version: a browser may still hold a database written by it.
    this.version(1).stores({
      findings: 'id, &key, observedAt, platform, kind, ruleId',
    });
  }
}

let shared: ShutoutDB | undefined;
export function db(): ShutoutDB {
  return (shared ??= new ShutoutDB());
}

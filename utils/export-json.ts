import type { FindingRecord } from './db';

/** Version of the JSON export format (docs/export-format.md). */
export const EXPORT_FORMAT = 'shutout-export';
export const EXPORT_VERSION = 1;

export interface JsonExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  extensionVersion: string;
  count: number;
  records: FindingRecord[];
}

export function buildJsonExport(records: FindingRecord[], extensionVersion: string, now = new Date()): JsonExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    extensionVersion,
    count: records.length,
    records,
  };
}

export function exportFileName(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return `shutout-export-${stamp}.json`;
}

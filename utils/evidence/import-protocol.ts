import type { ImportPreview } from '../ui/import-preview';

/** Messages between the options page and the import worker (import.worker.ts). */
export type WorkerRequest = { type: 'plan'; bytes: ArrayBuffer; name: string } | { type: 'apply' };

export type WorkerReply =
  | { type: 'progress'; done: number; total: number; phase: 'read' | 'check' | 'store' }
  | { type: 'planned'; preview: ImportPreview }
  | { type: 'done'; added: number; skipped: number }
  | { type: 'error'; message: string };

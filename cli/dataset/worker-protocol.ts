import type { Ingested } from './ingest';

/** Messages between `shutout dataset` and its worker threads (cli/dataset/worker.ts). */
export type ToWorker =
  | { type: 'init'; stagePath: string; memoryLimit: string; spill: string }
  | { type: 'bundle'; no: number; file: string; outDir: string | null }
  | { type: 'close' };

export type ToMain =
  | { type: 'ready' }
  | { type: 'done'; no: number; result: Ingested }
  | { type: 'unreadable'; no: number; message: string }
  | { type: 'failed'; message: string }
  | { type: 'closed' };

/**
 * Plans and applies an import off the options page's main thread: a file of a million entries is
 * parsed, verified and replayed here, with progress messages, while the page stays responsive.
 */
import { ShutoutDB } from '../storage/db';
import { applyImport, ImportError, planImport, type ImportPlan } from './import';
import { previewImport } from '../ui/import-preview';
import type { WorkerReply, WorkerRequest } from './import-protocol';

let plan: ImportPlan | null = null;
const post = (m: WorkerReply) => (self as unknown as Worker).postMessage(m);
const db = new ShutoutDB();
let last = 0;
const progress = (done: number, total: number, phase: 'read' | 'check' | 'store') => {
  const now = Date.now();
  if (now - last < 100 && done < total) return;
  last = now;
  post({ type: 'progress', done, total, phase });
};

self.onmessage = async (ev: MessageEvent<WorkerRequest>) => {
  const m = ev.data;
  try {
    if (m.type === 'plan') {
      plan = await planImport(new Uint8Array(m.bytes), m.name, progress);
      post({ type: 'planned', preview: await previewImport(db, plan) });
    } else if (m.type === 'apply' && plan) {
      const r = await applyImport(db, plan, new Date(), progress);
      plan = null;
      post({ type: 'done', ...r });
    }
  } catch (e) {
    post({ type: 'error', message: e instanceof ImportError ? e.message : String((e as Error)?.message ?? e).split('\n')[0]! });
  }
};

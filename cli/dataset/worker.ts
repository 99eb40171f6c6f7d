/**
 * A worker thread of `shutout dataset`: verifies and stages the bundles it is sent, into its own
 * staging database (DuckDB objects stay in the thread that made them). Verification is most of
 * the work, so two workers keep both cores of a small machine busy.
 */
import { parentPort } from 'node:worker_threads';
import { DuckDBInstance } from '@duckdb/node-api';
import { ingestBundle, UnreadableInput } from './ingest';
import { CAPTURES, COUPONS, ENTRIES, FINDINGS } from './schema';
import { Stager } from './stage';
import type { ToMain, ToWorker } from './worker-protocol';

const port = parentPort!;
const send = (m: ToMain) => port.postMessage(m);
let instance: DuckDBInstance | null = null;
let stager: Stager | null = null;
let chain: Promise<void> = Promise.resolve();

async function handle(m: ToWorker): Promise<void> {
  try {
    if (m.type === 'init') {
      instance = await DuckDBInstance.create(':memory:', { threads: '1', memory_limit: m.memoryLimit, temp_directory: m.spill, autoinstall_known_extensions: 'false' });
      const con = await instance.connect();
      stager = await Stager.open(con, m.stagePath, [FINDINGS, ENTRIES, CAPTURES, COUPONS]);
      send({ type: 'ready' });
    } else if (m.type === 'bundle') {
      try {
        send({ type: 'done', no: m.no, result: await ingestBundle(stager!, m.no, m.file, m.outDir) });
      } catch (e) {
        if (e instanceof UnreadableInput) send({ type: 'unreadable', no: m.no, message: e.message });
        else throw e;
      }
    } else {
      stager?.close();
      await stager?.detach();
      instance?.closeSync();
      send({ type: 'closed' });
    }
  } catch (e) {
    send({ type: 'failed', message: (e as Error).message ?? String(e) });
  }
}

// One message at a time, in order.
port.on('message', (m: ToWorker) => {
  chain = chain.then(() => handle(m));
});

/**
 * Writes participants' bundles (participants.ts) to a folder; the benchmark runs one per core:
 *   node --import tsx bench/dataset/generate.ts DIR --bundles N --findings M [--first I --step S] [--redact-every K] [--real-writer]
 * fast-bundle.ts writes them unless --real-writer is given (utils/evidence/bundle.ts, slower).
 * Prints each participant's number when its bundle is written.
 */
import { join } from 'node:path';
import { writeFastBundle } from './fast-bundle';
import { bundleName, writeParticipantBundle } from './participants';

const [dir, ...rest] = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? Number(rest[i + 1]) : dflt;
};
const bundles = opt('bundles', 10);
const findings = opt('findings', 1000);
const first = opt('first', 0);
const step = opt('step', 1);
const redactEvery = opt('redact-every', 10);
const real = rest.includes('--real-writer');
for (let p = first; p < bundles; p += step) {
  const plan = { participant: p, findings, redact: redactEvery > 0 && p % redactEvery === redactEvery - 1 };
  if (real) await writeParticipantBundle(join(dir!, bundleName(p)), plan);
  else await writeFastBundle(join(dir!, bundleName(p)), plan);
  process.stdout.write(`${p}\n`);
}

/**
 * vitest globalSetup (unit and end-to-end): every test file runs with a private temporary folder;
 * the run fails if a test left a `shutout-*` folder in it, even a test that failed.
 */
import { privateTempRoot } from '../scripts/lib/temp-root';

export default function setup(): () => void {
  const root = privateTempRoot();
  return () => {
    const left = root.finish();
    if (left.length > 0) throw new Error(`tests left ${left.length} temporary folder(s) behind (removed now): ${left.sort().join(', ')}`);
  };
}

import { rmSync } from 'node:fs';
import type { Session } from '../../scripts/lib/browser';

/** Close a browser started by `launch()` and remove the temporary profile it made. */
export async function closeSession(session: Session): Promise<void> {
  await session.close().catch(() => {});
  rmSync(session.userDataDir, { recursive: true, force: true });
}

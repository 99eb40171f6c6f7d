import type { Session } from '../../scripts/lib/browser';

/** Close a browser started by `launch()`; `close()` removes the temporary profile it made. */
export async function closeSession(session: Session): Promise<void> {
  await session.close().catch(() => {});
}

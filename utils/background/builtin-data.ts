/**
 * The built-in detectors' data for the watch scripts (handlers.ts, `rules/builtin`): read from the
 * extension's own file once per life of the background and kept, since every page load asks. A
 * failed read is not kept, so the next request reads again.
 */
export function builtinDataReader(read: () => Promise<string>): () => Promise<string> {
  let text: Promise<string> | undefined;
  return () =>
    (text ??= read().catch((e: unknown) => {
      text = undefined;
      throw e;
    }));
}

/** One line, whatever went wrong: never a stack trace. */
export function oneLine(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return (m.split('\n')[0] ?? '').slice(0, 300) || 'unknown error';
}

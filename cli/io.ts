/** Where a command writes: the process's streams, or strings in the tests. */
export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

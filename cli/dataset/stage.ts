/**
 * Rows go to DuckDB through appenders, into staging tables of a separate database file, a bundle
 * at a time: nothing holds more than one bundle's live findings (which verify replays anyway).
 * A bundle that turns out altered has its staged rows deleted again.
 */
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { LIST_SEP, staged, stageDdl, TABLES, type Column, type Table } from './schema';

export const STAGE = 'stage';

export type Value = string | number | boolean | null | undefined | string[];

export class Stager {
  private appenders = new Map<string, { a: DuckDBAppender; cols: Column[] }>();

  private constructor(
    private readonly con: DuckDBConnection,
    private readonly tables: Table[],
  ) {}

  static async open(con: DuckDBConnection, path: string, tables: Table[] = TABLES): Promise<Stager> {
    await con.run(`ATTACH ${sqlString(path)} AS ${STAGE}`);
    const s = new Stager(con, tables);
    for (const t of tables) {
      await con.run(stageDdl(t, STAGE));
      s.appenders.set(t.name, { a: await con.createAppender(t.name, 'main', STAGE), cols: staged(t) });
    }
    return s;
  }

  /** One row: values in the order of the table's staged columns. */
  row(t: Table, bundleNo: number, values: Value[]): void {
    const { a, cols } = this.appenders.get(t.name)!;
    a.appendInteger(bundleNo);
    for (let i = 0; i < cols.length; i++) {
      const v = values[i];
      if (v === null || v === undefined) {
        a.appendNull();
        continue;
      }
      switch (cols[i]!.stage) {
        case 'VARCHAR':
          a.appendVarchar(Array.isArray(v) ? v.join(LIST_SEP) : String(v));
          break;
        case 'BIGINT':
          if (typeof v === 'number' && Number.isSafeInteger(v)) a.appendBigInt(BigInt(v));
          else a.appendNull();
          break;
        case 'INTEGER':
          if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 31) a.appendInteger(v);
          else a.appendNull();
          break;
        case 'DOUBLE':
          if (typeof v === 'number' && Number.isFinite(v)) a.appendDouble(v);
          else a.appendNull();
          break;
        case 'BOOLEAN':
          a.appendBoolean(v === true);
          break;
      }
    }
    a.endRow();
  }

  flush(): void {
    for (const { a } of this.appenders.values()) a.flushSync();
  }

  /** An altered bundle: its rows go. */
  async drop(bundleNo: number): Promise<void> {
    this.flush();
    for (const t of this.tables) await this.con.run(`DELETE FROM ${STAGE}.${t.name} WHERE bundle_no = ${bundleNo}`);
  }

  close(): void {
    for (const { a } of this.appenders.values()) a.closeSync();
    this.appenders.clear();
  }

  /** Writes the staging database out and lets go of it (the main thread attaches it next). */
  async detach(): Promise<void> {
    await this.con.run(`DETACH ${STAGE}`);
  }
}

export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

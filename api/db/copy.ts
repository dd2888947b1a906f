/**
 * `npm run db:copy`: moves an existing SQLite installation to PostgreSQL (docs/design.md §6).
 * Both schemas are brought to the latest migration first, so the tables and columns are the
 * same; the target must hold no rows at all (a copy never mixes two installations). Every
 * table is read from one snapshot of the SQLite file (a read transaction, so a server still
 * writing to it cannot make the copy inconsistent) and written in one PostgreSQL transaction,
 * with the ids it has; rows are counted on both sides before that transaction commits, and the
 * identity sequences are moved past the highest id so new rows get new ids.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { migrate, type PostgresDatabase, type SqliteDatabase } from './index.ts';

/** A copy that was refused or failed; nothing was written. */
export class CopyError extends Error {
  override name = 'CopyError';
}

/** What a copy did. */
export interface CopyReport {
  /** Migrations applied to the source and to the target before copying. */
  migrated: { source: string[]; target: string[] };
  /** Rows per table, tables by name (equal on both sides). */
  rows: Record<string, number>;
  /** Identity columns whose sequence now starts past the highest copied id, as table.column. */
  sequences: string[];
}

/** Rows read from SQLite, and inserted into PostgreSQL, at a time. */
const ROWS_PER_READ = 10_000;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The data tables of a database (Kysely's migration bookkeeping is not data). */
async function dataTables(db: Kysely<Database>): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables
    .map((t) => t.name)
    .filter((name) => !name.startsWith('kysely_') && !name.startsWith('sqlite_'))
    .sort();
}

async function count(db: Kysely<Database>, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]!.n);
}

/**
 * Copies every row of every table of `source` into `target`. Refuses (CopyError) a target
 * with any row, or schemas that do not match after migrating. `onProgress` hears of each
 * table as it is copied.
 */
export async function copySqliteToPostgres(
  source: SqliteDatabase,
  target: PostgresDatabase,
  options: { onProgress?: (table: string, copied: number, total: number) => void } = {},
): Promise<CopyReport> {
  const migrated = { source: await migrate(source.db), target: await migrate(target.db) };
  const tables = await dataTables(source.db);
  const targetTables = await dataTables(target.db);
  if (tables.join() !== targetTables.join())
    throw new CopyError(
      `The two schemas differ after migrating: SQLite has ${tables.join(', ')}; PostgreSQL has ${targetTables.join(', ')}`,
    );
  const nonEmpty: string[] = [];
  for (const table of tables) if ((await count(target.db, table)) > 0) nonEmpty.push(table);
  if (nonEmpty.length > 0)
    throw new CopyError(`The target database is not empty (${nonEmpty.join(', ')} have rows); copy into a new, empty database`);

  const sqlite = source.sqlite;
  // One read transaction: every table from the same snapshot, even while a server writes.
  sqlite.exec('begin');
  try {
    const rows: Record<string, number> = {};
    for (const table of tables)
      rows[table] = sqlite
        .prepare(`select count(*) from ${quote(table)}`)
        .pluck()
        .get() as number;
    const sequences = await target.db.transaction().execute(async (trx) => {
      for (const table of tables) await copyTable(sqlite, trx, table, rows[table]!, options.onProgress);
      for (const table of tables) {
        const copied = await count(trx, table);
        if (copied !== rows[table])
          throw new CopyError(`${table}: ${rows[table]} rows in SQLite but ${copied} in PostgreSQL after the copy; nothing was written`);
      }
      return advanceIdentities(trx);
    });
    // Planner statistics now, not when autovacuum gets round to it: the first queries on a just-copied database (the
    // roll-up catch-up, the metrics) otherwise plan without them.
    await sql`analyze`.execute(target.db);
    return { migrated, rows, sequences };
  } finally {
    sqlite.exec('commit');
  }
}

/**
 * Copies one table in rowid order. Each statement carries one array per column and inserts
 * from unnest() of them, so a statement has as many parameters as the table has columns,
 * whatever its rows (multi-row VALUES would take one parameter per value, and PostgreSQL
 * parses and plans each such statement anew).
 */
async function copyTable(
  sqlite: SqliteDatabase['sqlite'],
  trx: Kysely<Database>,
  table: string,
  total: number,
  onProgress?: (table: string, copied: number, total: number) => void,
): Promise<void> {
  const read = sqlite.prepare(`select rowid as "__rowid", * from ${quote(table)} where rowid > ? order by rowid limit ${ROWS_PER_READ}`);
  const types = await columnTypes(trx, table);
  let after = -Infinity;
  let copied = 0;
  onProgress?.(table, 0, total);
  for (;;) {
    const batch = read.all(after) as Array<Record<string, unknown> & { __rowid: number }>;
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.__rowid;
    const columns = Object.keys(batch[0]!).filter((c) => c !== '__rowid');
    const arrays = columns.map((column) => {
      const type = types.get(column);
      if (!type) throw new CopyError(`${table}.${column} is in SQLite but not in PostgreSQL; nothing was written`);
      return sql`${batch.map((row) => row[column] ?? null)}::${sql.raw(type)}[]`;
    });
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
      select * from unnest(${sql.join(arrays)})`.execute(trx);
    copied += batch.length;
    onProgress?.(table, copied, total);
  }
}

/** The PostgreSQL type of each column of `table`, as format_type() spells it. */
async function columnTypes(trx: Kysely<Database>, table: string): Promise<Map<string, string>> {
  const { rows } = await sql<{ name: string; type: string }>`
    select a.attname as name, format_type(a.atttypid, a.atttypmod) as type from pg_attribute a
    where a.attrelid = ${table}::regclass and a.attnum > 0 and not a.attisdropped`.execute(trx);
  return new Map(rows.map((r) => [r.name, r.type]));
}

/** Moves every identity sequence past the highest id of its table; returns the columns moved. */
async function advanceIdentities(trx: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and is_identity = 'YES' order by table_name`.execute(trx);
  for (const { table_name: table, column_name: column } of rows) {
    // setval(…, max, true): the next id is max + 1; on an empty table the sequence starts at 1.
    await sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce(max(${sql.ref(column)}), 1), max(${sql.ref(column)}) is not null)
      from ${sql.table(table)}`.execute(trx);
  }
  return rows.map((r) => `${r.table_name}.${r.column_name}`);
}

/**
 * What GET /api/health asks the database (issue 14): that every table answers a read, and,
 * at most once a minute, that its pages are sound — SQLite's `PRAGMA quick_check` (every
 * page of every table and index), PostgreSQL's counterpart a full read of each table under a
 * statement timeout (a damaged page fails the read). A page overwritten in the middle of a
 * table fails only the deep check; a missing or unreadable table fails the cheap one.
 */
import { sql } from 'kysely';
import { isPostgres } from './dialect.ts';
import type { Db } from './index.ts';

/** How long a deep check's verdict is reused: health is polled every few seconds. */
export const DEEP_CHECK_EVERY_MS = 60_000;
/** PostgreSQL: the longest one table's full read may take. */
const TABLE_READ_TIMEOUT_MS = 2_000;

/** One failed check: the table (or 'integrity') and what the database said. */
export interface DatabaseProblem {
  table: string;
  message: string;
}

const quoted = (name: string) => sql.id(name);

/** The application's tables (Kysely's own migration tables left out). */
export async function applicationTables(db: Db): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables
    .map((t) => t.name)
    .filter((name) => !name.startsWith('kysely_'))
    .sort();
}

/** One cheap read of every table; the problems found, by table. */
export async function probeTables(db: Db, tables: string[]): Promise<DatabaseProblem[]> {
  const problems: DatabaseProblem[] = [];
  for (const table of tables) {
    try {
      await sql`select 1 from ${quoted(table)} limit 1`.execute(db);
    } catch (error) {
      problems.push({ table, message: (error as Error).message });
    }
  }
  return problems;
}

/** Every page read once: quick_check on SQLite, a full read per table (bounded in time) on PostgreSQL. */
export async function deepCheck(db: Db, tables: string[]): Promise<DatabaseProblem[]> {
  if (!isPostgres(db)) {
    try {
      const rows = await sql<{ quick_check: string }>`pragma quick_check(20)`.execute(db);
      const lines = rows.rows.map((r) => Object.values(r)[0] as string);
      return lines.length === 1 && lines[0] === 'ok' ? [] : lines.map((message) => ({ table: 'integrity', message }));
    } catch (error) {
      return [{ table: 'integrity', message: (error as Error).message }];
    }
  }
  const problems: DatabaseProblem[] = [];
  for (const table of tables) {
    try {
      await db.transaction().execute(async (trx) => {
        await sql`set local statement_timeout = ${sql.lit(TABLE_READ_TIMEOUT_MS)}`.execute(trx);
        await sql`select count(*) from ${quoted(table)}`.execute(trx);
      });
    } catch (error) {
      problems.push({ table, message: (error as Error).message });
    }
  }
  return problems;
}

/** The deep check, run at most once per DEEP_CHECK_EVERY_MS; concurrent callers share one run. */
export class DatabaseChecker {
  private last: { at: number; problems: DatabaseProblem[] } | undefined;
  private running: Promise<DatabaseProblem[]> | undefined;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cheap probe now, and the deep check's latest verdict; which tables were read. */
  async check(): Promise<{ tables: string[]; problems: DatabaseProblem[] }> {
    const tables = await applicationTables(this.db);
    const problems = await probeTables(this.db, tables);
    if (problems.length > 0) return { tables, problems };
    return { tables, problems: await this.deep(tables) };
  }

  private async deep(tables: string[]): Promise<DatabaseProblem[]> {
    if (this.last && this.now() - this.last.at < DEEP_CHECK_EVERY_MS) return this.last.problems;
    this.running ??= deepCheck(this.db, tables).finally(() => (this.running = undefined));
    const problems = await this.running;
    this.last = { at: this.now(), problems };
    return problems;
  }
}

/**
 * Opens the database and brings its schema up to date. Every query of the API lives in
 * this folder, written with Kysely so the same code runs on SQLite (the embedded default)
 * and on PostgreSQL (`DATABASE_URL`, for several API replicas; docs/design.md §6). What is
 * particular to one database stays in its driver (driver/sqlite.ts, driver/postgres.ts).
 */
import { type Kysely, Migrator, sql, type MigrationProvider } from 'kysely';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';
import { dialectOf } from './dialect.ts';
import { openSqlite, type SqliteDatabase } from './driver/sqlite.ts';
import { ADVISORY_LOCKS, openPostgres, withSessionLock, type PostgresDatabase } from './driver/postgres.ts';

export type Db = Kysely<Database>;
export type { Dialect } from './dialect.ts';
export { dialectOf, isPostgres } from './dialect.ts';
export type { SqliteDatabase } from './driver/sqlite.ts';
export type { PostgresDatabase } from './driver/postgres.ts';

/** An open database of either kind; `sqlite` is the SQLite connection when there is one. */
export type OpenedDatabase = SqliteDatabase | PostgresDatabase;

/** Which database to open. */
export interface DatabaseOptions {
  /** `postgres://…` (DATABASE_URL) selects PostgreSQL; without it, SQLite at `file`. */
  url?: string | undefined;
  /** The SQLite file (KB_DB); `:memory:` for tests. */
  file?: string | undefined;
  /** Connections in the PostgreSQL pool (KB_DB_POOL_SIZE); SQLite has one connection. */
  poolSize?: number | undefined;
}

/** Whether `url` names a PostgreSQL database (the only kind of URL DATABASE_URL accepts). */
export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//i.test(url);

/**
 * Opens the database: PostgreSQL when `url` is given, else SQLite at `file` (creating it
 * if needed). A string is the SQLite file, as before PostgreSQL existed.
 */
export function openDatabase(options: DatabaseOptions): OpenedDatabase;
export function openDatabase(file: string): SqliteDatabase;
export function openDatabase(options: DatabaseOptions | string): OpenedDatabase {
  if (typeof options === 'string') return openSqlite(options);
  if (options.url) {
    if (!isPostgresUrl(options.url))
      throw new Error(`DATABASE_URL must start with postgres:// or postgresql:// (got ${options.url.split(':')[0]}:)`);
    return openPostgres({ url: options.url, poolSize: options.poolSize });
  }
  if (!options.file) throw new Error('openDatabase needs a PostgreSQL url or a SQLite file');
  return openSqlite(options.file);
}

/** The settings that name a database: the server's (core/config/server.ts) and the CLIs' (core/config/cli.ts) both have them. */
export interface DatabaseSettings {
  /** DATABASE_URL; undefined: SQLite at `dbFile`. */
  databaseUrl: string | undefined;
  /** KB_DB. */
  dbFile: string;
  /** KB_DB_POOL_SIZE. */
  dbPoolSize: number;
}

/** The database the settings name: PostgreSQL at DATABASE_URL (a pool of KB_DB_POOL_SIZE), else the SQLite file KB_DB. */
export function databaseOptions(settings: DatabaseSettings): DatabaseOptions {
  return { url: settings.databaseUrl, file: settings.dbFile, poolSize: settings.dbPoolSize };
}

/** The database for messages: the SQLite file, or the PostgreSQL URL without its password. */
export function databaseName(options: DatabaseOptions): string {
  if (!options.url) return options.file ?? '(none)';
  try {
    const url = new URL(options.url);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** The names of every migration this version knows, in order. */
export const MIGRATION_NAMES = Object.keys(migrations).sort();

/**
 * Applies every pending migration, in order, each recorded in Kysely's migration table.
 * Idempotent. On PostgreSQL several replicas may start at once: the whole run holds an
 * advisory lock, so one migrates and the others then find nothing left to do. (Kysely's
 * Migrator also locks, but only after creating its own tables, which can race.)
 */
export async function migrate(db: Db): Promise<string[]> {
  const run = async () => {
    const migrator = new Migrator({ db, provider });
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw new Error(`Database migration failed: ${(error as Error).message ?? String(error)}`);
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  };
  return dialectOf(db) === 'postgres' ? withSessionLock(db, ADVISORY_LOCKS.migrations, run) : run();
}

/**
 * The migrations this version has that the database has not applied yet (all of them on a
 * new database). Read without creating anything, for the health check.
 */
export async function pendingMigrations(db: Db): Promise<string[]> {
  let applied: string[];
  try {
    const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    applied = rows.rows.map((r) => r.name);
  } catch (error) {
    // No migration table yet: nothing was applied. Any other failure is the database's.
    if (!/kysely_migration/.test((error as Error).message)) throw error;
    applied = [];
  }
  const done = new Set(applied);
  return MIGRATION_NAMES.filter((name) => !done.has(name));
}

/** A cheap round trip, for the health check. */
export async function ping(db: Db): Promise<boolean> {
  const result = await sql<{ ok: number }>`select 1 as ok`.execute(db);
  return result.rows[0]?.ok === 1;
}

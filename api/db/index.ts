/**
 * Opens the database and brings its schema up to date. Every query of the API lives in
 * this folder, written with Kysely so the same code can later run on PostgreSQL
 * (docs/design.md §6); SQLite-only settings stay in this file.
 */
import SQLite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, Migrator, sql, type MigrationProvider } from 'kysely';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';
import { YieldingSqliteDialect } from './driver/yielding-driver.ts';

export type Db = Kysely<Database>;

export interface OpenedDatabase {
  db: Db;
  /** The underlying connection, for SQLite-only operations (backup, integrity check). */
  sqlite: SQLite.Database;
}

/** Opens (creating if needed) a SQLite database with WAL and foreign keys on. `:memory:` works for tests. */
export function openDatabase(file: string): OpenedDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // NORMAL is durable in WAL mode against process crashes (the test kills the server);
  // only a power loss can drop the last commits.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new YieldingSqliteDialect({ database: sqlite }) });
  return { db, sqlite };
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration, in order, each recorded in Kysely's migration table. Idempotent. */
export async function migrate(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new Error(`Database migration failed: ${(error as Error).message ?? String(error)}`);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** A cheap round trip, for the health check. */
export async function ping(db: Db): Promise<boolean> {
  const result = await sql<{ ok: number }>`select 1 as ok`.execute(db);
  return result.rows[0]?.ok === 1;
}

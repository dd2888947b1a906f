/**
 * The SQLite driver: one better-sqlite3 connection in WAL mode behind Kysely, through the
 * yielding dialect (yielding-driver.ts). Everything SQLite-specific about opening a database
 * lives here; the hot-path prepared statements (prepared.ts), the WAL checkpointer and the
 * online backup use the connection this returns.
 */
import SQLite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { YieldingSqliteDialect } from './yielding-driver.ts';

/** An open SQLite database. */
export interface SqliteDatabase {
  dialect: 'sqlite';
  db: Kysely<Database>;
  /** The underlying connection, for SQLite-only operations (prepared writes, backup, checkpoints). */
  sqlite: SQLite.Database;
  /** The database file (`:memory:` in tests). */
  file: string;
  /** Closes the connection. */
  close(): Promise<void>;
}

/** Opens (creating if needed) a SQLite database with WAL and foreign keys on. `:memory:` works for tests. */
export function openSqlite(file: string): SqliteDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // NORMAL is durable in WAL mode against process crashes (the test kills the server);
  // only a power loss can drop the last commits.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new YieldingSqliteDialect({ database: sqlite }) });
  return { dialect: 'sqlite', db, sqlite, file, close: () => db.destroy() };
}

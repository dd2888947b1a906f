/** Databases for tests: a fresh migrated one in memory, and read-only looks into a server's file. */
import Database from 'better-sqlite3';
import { migrate, openDatabase } from '../../api/db/index.ts';

/** A database, new and in memory unless `file` names one, with every migration applied, as the server opens its file. */
export async function migratedDatabase(file = ':memory:'): Promise<ReturnType<typeof openDatabase>> {
  const opened = openDatabase(file);
  await migrate(opened.db);
  return opened;
}

/** Rows from a database file (a server's or a CLI's), opened read-only so a test cannot disturb it. */
export function readRows<T>(dbFile: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

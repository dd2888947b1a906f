/**
 * The one place tests get a database. The same test files run twice (vitest.config.ts): in
 * the `unit` project on SQLite (an in-memory database) and in the `api-postgres` project on
 * PostgreSQL. There a fresh database is a copy of a template migrated once per run
 * (postgres/global-setup.ts). CREATE DATABASE takes a quarter of a second or more on a busy
 * machine, so a test file keeps the copies its tests are done with and hands one to the next
 * test after emptying it (every table's rows deleted and every identity sequence restarted,
 * about a millisecond), which leaves it exactly as the template was. A database made inside a
 * test is closed when the test finishes; one made outside a test (beforeAll), when its file
 * finishes; the file's copies are dropped after its last test (postgres/setup.ts).
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { inject, onTestFinished } from 'vitest';
import { migrate, openDatabase, type Db, type Dialect, type OpenedDatabase, type SqliteDatabase } from '../../api/db/index.ts';
import type { PostgresTestServer } from './postgres/provided.ts';

/** The database of this leg of the suite. */
export const testDialect: Dialect = inject('database') ?? 'sqlite';

/** Cleanups of databases made outside a test, run when the file ends (postgres/setup.ts). */
const fileCleanups: Array<() => Promise<void>> = [];
/** Migrated copies this file made: the ones no test uses now, and all of them (dropped at the end). */
const idleCopies: string[] = [];
const fileDatabases: string[] = [];
/** Databases whose schema a test changed (breakWrites): never handed to another test. */
const altered = new WeakSet<Db>();

/** Closes what the file's tests left open, drops the file's databases and the admin connection; once, after the file's tests. */
export async function closeFileDatabases(): Promise<void> {
  for (const cleanup of fileCleanups.splice(0).reverse()) await cleanup();
  const client = admin;
  admin = undefined;
  if (!client) return;
  const connection = await client;
  for (const name of fileDatabases.splice(0)) await connection.query(`drop database if exists "${name}" with (force)`);
  idleCopies.length = 0;
  await connection.end();
}

function whenDone(cleanup: () => Promise<void>) {
  try {
    onTestFinished(cleanup);
  } catch {
    fileCleanups.push(cleanup);
  }
}

function postgresServer(): PostgresTestServer {
  const provided = inject('postgres');
  if (!provided || 'unavailable' in provided) throw new Error(provided?.unavailable ?? 'no PostgreSQL server was provided');
  return provided;
}

let admin: Promise<pg.Client> | undefined;
/** One connection per test file (modules are per file) for CREATE and DROP DATABASE. */
function adminClient(server: PostgresTestServer): Promise<pg.Client> {
  admin ??= (async () => {
    const client = new pg.Client(server.adminUrl);
    await client.connect();
    return client;
  })();
  return admin;
}

function urlOf(server: PostgresTestServer, name: string): string {
  const url = new URL(server.adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates a database of this run from `template`; it is dropped when the file ends. */
async function createDatabase(server: PostgresTestServer, template: string): Promise<string> {
  const client = await adminClient(server);
  const name = `${server.run}_${randomBytes(5).toString('hex')}`;
  await client.query(`create database "${name}" template "${template}"`);
  fileDatabases.push(name);
  return name;
}

/** Deletes every row and restarts every identity sequence: a used copy back to the template's state. */
const EMPTY_DATABASE = sql`do $$
declare r record;
begin
  for r in select tablename from pg_tables where schemaname = current_schema() and tablename not like 'kysely\_%' loop
    execute format('delete from %I', r.tablename);
  end loop;
  for r in select c.oid::regclass as seq from pg_class c where c.relkind = 'S' and c.relnamespace = current_schema()::regnamespace loop
    perform setval(r.seq, 1, false);
  end loop;
end $$`;

/** Options of a fresh database. */
export interface FreshDatabaseOptions {
  /**
   * With every migration applied (default), or empty. An empty one is never handed to another
   * test: the test may leave any schema behind (the migration tests do).
   */
  migrated?: boolean;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
}

/** A fresh database of this leg, migrated unless asked otherwise. */
export async function freshDatabase(options: FreshDatabaseOptions = {}): Promise<OpenedDatabase> {
  const migrated = options.migrated ?? true;
  if (testDialect === 'sqlite') {
    const opened = openDatabase(':memory:');
    if (migrated) await migrate(opened.db);
    return opened;
  }
  const server = postgresServer();
  const reused = migrated ? idleCopies.pop() : undefined;
  const name = reused ?? (await createDatabase(server, migrated ? server.template : 'template0'));
  const opened = openDatabase({ url: urlOf(server, name), poolSize: options.poolSize });
  if (reused) await EMPTY_DATABASE.execute(opened.db);
  whenDone(async () => {
    await opened.close();
    if (migrated && !altered.has(opened.db)) idleCopies.push(name);
  });
  return opened;
}

/**
 * A migrated database. Without `file`: a fresh one of this leg (freshDatabase), so the test
 * runs on SQLite and on PostgreSQL. With `file`: that SQLite file, opened as the server opens
 * its own, for the tests of what only SQLite has (its backup, its checkpointer).
 */
export async function migratedDatabase(): Promise<OpenedDatabase>;
export async function migratedDatabase(file: string): Promise<SqliteDatabase>;
export async function migratedDatabase(file?: string): Promise<OpenedDatabase> {
  if (file === undefined) return freshDatabase();
  const opened = openDatabase(file);
  await migrate(opened.db);
  return opened;
}

/** A database for a server process started by a test: its environment, and how to look inside afterwards. */
export interface ServerDatabase {
  /** KB_DB or DATABASE_URL, to merge into the server's environment. */
  env: Record<string, string>;
  /** Opens the database from the test (close it after use). */
  open(): OpenedDatabase;
}

/** An empty database for a server process (the server migrates it when it starts); SQLite in `dir`. */
export async function freshServerDatabase(dir: string): Promise<ServerDatabase> {
  if (testDialect === 'sqlite') {
    const file = join(dir, 'kb.sqlite');
    return { env: { KB_DB: file }, open: () => openDatabase(file) };
  }
  const server = postgresServer();
  const url = urlOf(server, await createDatabase(server, 'template0'));
  return { env: { DATABASE_URL: url }, open: () => openDatabase({ url, poolSize: 2 }) };
}

/** Rows of a raw SQL query (written to run on both databases). */
export async function queryRows<T = Record<string, unknown>>(db: Db, text: string): Promise<T[]> {
  return (await sql.raw<T>(text).execute(db)).rows;
}

/** The first row of a raw SQL query, or undefined. */
export async function queryRow<T = Record<string, unknown>>(db: Db, text: string): Promise<T | undefined> {
  return (await queryRows<T>(db, text))[0];
}

/** The first column of the first row of a raw SQL query. */
export async function queryValue<T = unknown>(db: Db, text: string): Promise<T> {
  const row = await queryRow<Record<string, T>>(db, text);
  return (row ? Object.values(row)[0] : undefined) as T;
}

/** The first column of every row of a raw SQL query. */
export async function queryColumn<T = unknown>(db: Db, text: string): Promise<T[]> {
  return (await queryRows<Record<string, T>>(db, text)).map((row) => Object.values(row)[0] as T);
}

/** Runs a raw SQL statement. */
export async function execute(db: Db, text: string): Promise<void> {
  await sql.raw(text).execute(db);
}

/** Makes every insert into `table` fail as a broken disk would (a trigger), to test the error paths. */
export async function breakWrites(db: Db, table: string): Promise<void> {
  altered.add(db);
  if (testDialect === 'sqlite') {
    await execute(db, `create trigger fail_${table} before insert on ${table} begin select raise(abort, 'disk I/O error'); end;`);
    return;
  }
  await execute(
    db,
    `create function fail_${table}() returns trigger language plpgsql as $$ begin raise exception 'disk I/O error'; end $$`,
  );
  await execute(db, `create trigger fail_${table} before insert on ${table} for each row execute function fail_${table}()`);
}

/** Rows from a SQLite database file (a server's or a CLI's), opened read-only so a test cannot disturb it. */
export function readRows<T>(dbFile: string, query: string, ...params: unknown[]): T[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(query).all(...params) as T[];
  } finally {
    db.close();
  }
}

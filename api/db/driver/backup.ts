/**
 * Online backups (`npm run db:backup`): a consistent copy of the database taken while the
 * server keeps writing, with SQLite's online backup API (https://sqlite.org/backup.html).
 * The copy is written beside the target, checked, and only then renamed into place, so a
 * failed backup never leaves a half-written file under the target's name.
 */
import SQLite from 'better-sqlite3';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** A backup that could not be made; the message names the file and what to do. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** Options of a backup. */
export interface BackupOptions {
  /** Replace a file that already exists at the target. */
  force?: boolean;
  /**
   * Pages copied per step; other work on the source connection runs between steps.
   * Default: the whole database in one step, which reads one snapshot. In several steps,
   * every commit from *another* connection (the server, for the command) restarts the copy,
   * so under steady writes it might never finish.
   */
  pagesPerStep?: number;
  /** Called after each step. */
  onProgress?: (progress: { totalPages: number; remainingPages: number }) => void;
}

/** What was written and what it holds. */
export interface BackupReport {
  file: string;
  bytes: number;
  /** `ok`, or the first problem PRAGMA integrity_check found. */
  integrity: string;
  /** Rows per table, tables by name. */
  rows: Record<string, number>;
  /** Steps the copy took (1 when done in one step). */
  steps: number;
}

/** Integrity and row counts of a database file, opened read-only. */
export function inspectDatabase(file: string): Omit<BackupReport, 'steps'> {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    // Kysely's migration bookkeeping is not data; every other table is counted.
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' and name not like 'kysely\\_%' escape '\\' order by name",
      )
      .pluck()
      .all() as string[];
    const rows = Object.fromEntries(
      tables.map((t) => [
        t,
        db
          .prepare(`select count(*) from "${t.replaceAll('"', '""')}"`)
          .pluck()
          .get() as number,
      ]),
    );
    return { file, bytes: statSync(file).size, integrity, rows };
  } finally {
    db.close();
  }
}

/** Refuses a target in a missing folder, or one that exists (unless `force` and it is a file). Shared with the pg_dump backup. */
export function checkTarget(target: string, force: boolean) {
  const folder = dirname(target);
  if (!existsSync(folder)) throw new BackupError(`Cannot write ${target}: the folder ${folder} does not exist`);
  if (!statSync(folder).isDirectory()) throw new BackupError(`Cannot write ${target}: ${folder} is not a folder`);
  if (existsSync(target)) {
    if (!force) throw new BackupError(`${target} already exists; choose another file or pass --force to replace it`);
    if (!statSync(target).isFile()) throw new BackupError(`${target} exists and is not a file; it cannot be replaced`);
  }
}

const removeWithSidecars = (file: string) => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
};

/**
 * Copies the database open on `source` to `target`. The copy is switched to a rollback
 * journal so it is one self-contained file, checked with integrity_check, then renamed
 * into place.
 */
export async function backupDatabase(source: SQLite.Database, target: string, options: BackupOptions = {}): Promise<BackupReport> {
  const file = resolve(target);
  checkTarget(file, options.force ?? false);
  const partial = join(dirname(file), `.${basename(file)}.partial-${process.pid}-${Date.now()}`);
  const pagesPerStep = options.pagesPerStep ?? 0x7fffffff;
  let steps = 0;
  try {
    await source.backup(partial, {
      progress(progress) {
        steps++;
        options.onProgress?.(progress);
        return pagesPerStep;
      },
    });
  } catch (error) {
    removeWithSidecars(partial);
    throw new BackupError(`Cannot write ${file}: ${(error as Error).message}`);
  }
  try {
    const copy = new SQLite(partial, { fileMustExist: true });
    // The copy inherits WAL mode from the source's header; a rollback journal keeps it one file.
    copy.pragma('journal_mode = DELETE');
    copy.close();
    const report = inspectDatabase(partial);
    if (report.integrity !== 'ok')
      throw new BackupError(`The copy failed its integrity check (${report.integrity}); ${file} was not written`);
    // A stale -wal beside the old file would be replayed into the new one: remove it first.
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
    renameSync(partial, file);
    return { ...report, file, steps: Math.max(steps, 1) };
  } catch (error) {
    removeWithSidecars(partial);
    throw error instanceof BackupError ? error : new BackupError(`Cannot write ${file}: ${(error as Error).message}`);
  }
}

/**
 * Backs up the database file `sourceFile` (the server may be running on it) to `target`,
 * through a connection of its own. Never creates a missing source.
 */
export async function backupDatabaseFile(sourceFile: string, target: string, options: BackupOptions = {}): Promise<BackupReport> {
  const from = resolve(sourceFile);
  if (resolve(target) === from) throw new BackupError(`The backup file must differ from the database ${from}`);
  if (!existsSync(from)) throw new BackupError(`No database at ${from}; set KB_DB to the server's database file`);
  let source: SQLite.Database | undefined;
  try {
    source = new SQLite(from, { fileMustExist: true });
    // The server may hold the write lock for a moment; wait instead of failing.
    source.pragma('busy_timeout = 5000');
    // Reading the schema fails here, with a clear message, when the file is not a database.
    source.prepare('select count(*) from sqlite_master').get();
  } catch (error) {
    source?.close();
    throw new BackupError(`Cannot read the database ${from}: ${(error as Error).message}`);
  }
  try {
    return await backupDatabase(source, target, options);
  } finally {
    source.close();
  }
}

/**
 * `npm run db:backup` on PostgreSQL: runs `pg_dump` (custom format, restored with
 * `pg_restore`) from PATH, writing beside the target and renaming into place only once
 * pg_dump succeeded, as the SQLite backup does. Without pg_dump it does not pretend: the
 * command fails and prints what to run. The password travels in PGPASSWORD, not on the
 * command line where `ps` would show it.
 */
import { spawn } from 'node:child_process';
import { renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { envWith } from '../../../core/config/env.ts';
import { BackupError, checkTarget } from './backup.ts';

/** The URL without its password, and the password (for PGPASSWORD). */
function splitPassword(url: string): { url: string; password: string | undefined } {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.password = '';
  return { url: parsed.toString(), password };
}

/** What to run by hand, for the message when pg_dump is missing. */
export function pgDumpInstructions(target: string): string {
  return [
    "pg_dump is not on PATH, so no backup was made. Install the PostgreSQL client of the server's version",
    '(Debian: apt-get install postgresql-client-15) and run this command again, or back up by hand:',
    `  pg_dump --format=custom --file=${target} "$DATABASE_URL"`,
    'To restore into an empty database: pg_restore --no-owner --dbname="$DATABASE_URL" ' + target,
  ].join('\n');
}

/** What was written. */
export interface PgDumpReport {
  file: string;
  bytes: number;
}

/** The pg_dump that backupPostgres runs when told no other: the first on PATH. */
export const PG_DUMP = 'pg_dump';

/**
 * Dumps the database at `url` to `target` with `pgDump` (pg_dump from PATH unless a path is
 * given); a BackupError with the commands to run by hand when there is no such program.
 */
export async function backupPostgres(
  url: string,
  target: string,
  options: { force?: boolean; pgDump?: string } = {},
): Promise<PgDumpReport> {
  const pgDump = options.pgDump ?? PG_DUMP;
  const file = resolve(target);
  checkTarget(file, options.force ?? false);
  const partial = join(dirname(file), `.${basename(file)}.partial-${process.pid}-${Date.now()}`);
  const { url: withoutPassword, password } = splitPassword(url);
  // The OS looks pg_dump up on the child's PATH, which is this process's.
  const env = envWith(password ? { PGPASSWORD: password } : {});
  const stderr = await new Promise<string>((resolvePromise, reject) => {
    const child = spawn(pgDump, ['--format=custom', `--file=${partial}`, `--dbname=${withoutPassword}`], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolvePromise(errors) : reject(new BackupError(`pg_dump failed (exit ${code}): ${errors.trim()}`)),
    );
  }).catch((error: Error) => {
    rmSync(partial, { force: true });
    if (error instanceof BackupError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BackupError(pgDumpInstructions(target));
    throw new BackupError(`Cannot run ${pgDump}: ${error.message}`);
  });
  if (stderr.trim()) console.warn(stderr.trim());
  renameSync(partial, file);
  return { file, bytes: statSync(file).size };
}

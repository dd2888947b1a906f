/**
 * `npm run db:backup -- <file>`: a consistent copy of the database at KB_DB, safe while
 * the server runs; prints its size and row counts. With DATABASE_URL, a pg_dump of the
 * PostgreSQL database instead.
 * The work happens in api/db/driver/backup.ts and api/db/driver/postgres-backup.ts.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { BackupError, backupDatabaseFile } from '../api/db/driver/backup.ts';
import { backupPostgres } from '../api/db/driver/postgres-backup.ts';
import { databaseName } from '../api/db/index.ts';
import { cliConfig } from '../core/config/cli.ts';
import { DEFAULT_DB_FILE } from '../core/config/defaults.ts';
import { UsageError } from './lib/cli/usage.ts';
import { runCli } from './lib/cli/run.ts';

const HELP = `Usage: npm run db:backup -- <file> [--force]

Copies the database at KB_DB (default ${DEFAULT_DB_FILE}) to <file> with SQLite's online backup
API. The server may keep running and writing: the copy is one consistent snapshot. The copy is
a single file (rollback journal), checked with PRAGMA integrity_check before it is put in place.
To restore, stop the server and copy the file to KB_DB.

With DATABASE_URL (PostgreSQL), runs pg_dump --format=custom into <file> when pg_dump is on
PATH (its version must be at least the server's); restore with pg_restore. Without pg_dump
it fails and prints the commands to run.

Options:
  --force   replace <file> if it exists (otherwise the command refuses)
  --help    show this help`;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError(positionals.length === 0 ? 'name the backup file' : `give one backup file (got ${positionals.length})`);
  const { dbFile: source, databaseUrl } = cliConfig();
  const started = Date.now();
  if (databaseUrl) {
    await backupWithPgDump(databaseUrl, positionals[0]!, values.force, started);
    return 0;
  }
  console.log(`Backing up ${source} to ${resolve(positionals[0]!)}…`);
  const report = await backupDatabaseFile(source, positionals[0]!, { force: values.force });
  const width = Math.max(...Object.keys(report.rows).map((t) => t.length));
  for (const [table, count] of Object.entries(report.rows))
    console.log(`  ${table.padEnd(width)}  ${count.toLocaleString('en-US').padStart(12)} rows`);
  const total = Object.values(report.rows).reduce((sum, n) => sum + n, 0);
  console.log(
    `Backed up ${source} to ${report.file}: ${mb(report.bytes)}, ${Object.keys(report.rows).length} tables, ${total.toLocaleString('en-US')} rows, integrity ${report.integrity}, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  return 0;
}

async function backupWithPgDump(url: string, target: string, force: boolean, started: number) {
  console.log(`Backing up ${databaseName({ url })} to ${resolve(target)} with pg_dump…`);
  const report = await backupPostgres(url, target, { force });
  console.log(
    `Backed up ${databaseName({ url })} to ${report.file}: ${mb(report.bytes)} (pg_dump custom format; restore with pg_restore), in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}

runCli('db:backup', main, (error) =>
  error instanceof BackupError ? { message: error.message, exitCode: 1 } : { message: `unexpected failure: ${error.message}`, exitCode: 1 },
);

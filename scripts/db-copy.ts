/**
 * `npm run db:copy -- --to postgres://… [--from <file>]`: moves a SQLite installation to
 * PostgreSQL, every row of every table, checked by counts. The work happens in api/db/copy.ts.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CopyError, copySqliteToPostgres } from '../api/db/copy.ts';
import { databaseName, isPostgresUrl, openDatabase, type PostgresDatabase } from '../api/db/index.ts';
import { cliConfig } from '../core/config/cli.ts';
import { DEFAULT_DB_FILE } from '../core/config/defaults.ts';
import { isUsageError, UsageError } from './lib/cli/usage.ts';

const HELP = `Usage: npm run db:copy -- --to <postgres://…> [--from <file>]

Copies every row of every table of the SQLite database --from (default $KB_DB or
${DEFAULT_DB_FILE}) into the PostgreSQL database --to (default $DATABASE_URL), then counts the
rows of each table on both sides. Both schemas are first brought to the latest migration
(as the server does when it starts). The target must be empty: create a new database
(createdb kb) and point --to at it; a target with any row is refused. The copy is one
transaction: it lands whole or not at all. Stop the server first, so no vote arrives in
SQLite after the copy; then start it with DATABASE_URL set to the target.

Options:
  --to <url>     the PostgreSQL database (postgres://user:password@host:5432/kb)
  --from <file>  the SQLite database file
  -h, --help     show this help

Exit status: 0 copied, 1 refused or failed (nothing written), 2 wrong usage.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { to: { type: 'string' }, from: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const config = cliConfig();
  const to = values.to ?? config.databaseUrl;
  if (!to) throw new UsageError('name the PostgreSQL database with --to postgres://…');
  if (!isPostgresUrl(to)) throw new UsageError(`--to must be a postgres:// or postgresql:// URL (got ${to.split(':')[0]}:)`);
  const from = values.from ? resolve(values.from) : config.dbFile;
  if (!existsSync(from)) throw new CopyError(`No SQLite database at ${from}; pass --from <file> or set KB_DB`);

  const started = Date.now();
  const source = openDatabase(from);
  const target = openDatabase({ url: to, poolSize: 1 }) as PostgresDatabase;
  console.log(`Copying ${from} to ${databaseName({ url: to })}…`);
  try {
    const report = await copySqliteToPostgres(source, target, {
      onProgress: (table, copied, total) => {
        if (copied === total) console.log(`  ${table.padEnd(24)} ${total.toLocaleString('en-US').padStart(12)} rows`);
      },
    });
    for (const [side, applied] of Object.entries(report.migrated))
      if (applied.length) console.log(`  (${side}: applied ${applied.join(', ')})`);
    const total = Object.values(report.rows).reduce((sum, n) => sum + n, 0);
    console.log(
      `Copied ${Object.keys(report.rows).length} tables, ${total.toLocaleString('en-US')} rows, equal counts on both sides, ` +
        `${report.sequences.length} id sequences moved on, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    return 0;
  } finally {
    await source.close();
    await target.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    if (isUsageError(error)) {
      console.error(`db:copy: ${error.message}\nRun with --help for usage.`);
      process.exitCode = 2;
    } else {
      console.error(`db:copy: ${error instanceof CopyError ? error.message : `failed, nothing was written: ${error.message}`}`);
      process.exitCode = 1;
    }
  },
);

/**
 * What import:training and import:roster share: reading `<file.csv> [--dry-run]`, opening
 * DATABASE_URL or KB_DB (migrated) unless it is a dry run, reporting skipped rows by line, and mapping
 * failures to exit codes (2 wrong usage, 1 bad rows or an unusable file, 0 all imported).
 */
import { parseArgs } from 'node:util';
import type { Db } from '../../../api/db/index.ts';
import { databaseName, databaseOptions, migrate, openDatabase } from '../../../api/db/index.ts';
import { cliConfig } from '../../../core/config/cli.ts';
import { isUsageError, UsageError } from '../cli/usage.ts';
import { TrainingFileError } from './csv-file.ts';

export interface ImportSummary {
  rows: number;
  errors: number;
  problems: Array<{ line: number; message: string }>;
}

export interface CsvImport<S extends ImportSummary> {
  /** The command's name in messages, e.g. "import:roster". */
  name: string;
  help: string;
  /** Imports the file; `db` is null on a dry run. */
  run(db: Db | null, file: string, dryRun: boolean): Promise<S>;
  /** What was written, e.g. "12 inserted, 3 updated in /srv/kb/kb.sqlite". */
  written(summary: S, dbFile: string): string;
}

async function main<S extends ImportSummary>(command: CsvImport<S>, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(command.help);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`expected one <file.csv>, got ${positionals.length ? positionals.join(' ') : 'none'}`);
  const file = positionals[0]!;
  const dryRun = Boolean(values['dry-run']);
  const database = databaseOptions(cliConfig());
  const dbFile = databaseName(database);
  const opened = dryRun ? null : openDatabase(database);
  try {
    if (opened) await migrate(opened.db);
    const summary = await command.run(opened?.db ?? null, file, dryRun);
    for (const p of summary.problems) console.error(`${file}:${p.line}: skipped: ${p.message}`);
    const written = dryRun ? `${summary.rows - summary.errors} valid (dry run, nothing written)` : command.written(summary, dbFile);
    console.log(`${summary.rows} rows: ${written}, ${summary.errors} errors`);
    return summary.errors > 0 ? 1 : 0;
  } finally {
    await opened?.db.destroy();
  }
}

/** Runs a CSV import command on process.argv and sets the exit code. */
export function runCsvImport<S extends ImportSummary>(command: CsvImport<S>): void {
  main(command, process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: Error) => {
      if (isUsageError(error)) {
        console.error(`${command.name}: ${error.message}\nRun with --help for usage.`);
        process.exitCode = 2;
      } else if (error instanceof TrainingFileError) {
        console.error(`${command.name}: ${error.message}; nothing was written`);
        process.exitCode = 1;
      } else {
        console.error(error);
        process.exitCode = 1;
      }
    },
  );
}

/**
 * `npm run import:roster -- <file.csv> [--dry-run]`: agents' names and teams into the
 * database at KB_DB. The work is done by scripts/lib/training/roster.ts.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { migrate, openDatabase } from '../api/db/index.ts';
import { TrainingFileError } from './lib/training/csv-file.ts';
import { importRosterFile } from './lib/training/roster.ts';

const HELP = `Usage: npm run import:roster -- <file.csv> [--dry-run]

Imports the agent roster into the database at $KB_DB (default data/kb.sqlite). The CSV needs
a header with the columns agent, name, team: agent is the value tickets carry in "agent",
name the person's display name, team their team (the training matrix groups by it).
Rows are upserted by agent (importing a new roster updates names and teams; the last row of
an agent wins). A bad row is reported with its line and skipped; a file that cannot be read
or lacks those columns writes nothing.

Options:
  --dry-run    validate and report, write nothing
  -h, --help   show this help

Exit status: 0 all rows imported, 1 some rows invalid or the file unusable, 2 wrong usage.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`expected one <file.csv>, got ${positionals.length ? positionals.join(' ') : 'none'}`);
  const file = positionals[0]!;
  const dryRun = Boolean(values['dry-run']);
  const dbFile = resolve(process.env['KB_DB'] ?? 'data/kb.sqlite');
  const opened = dryRun ? null : openDatabase(dbFile);
  try {
    if (opened) await migrate(opened.db);
    const summary = await importRosterFile(opened?.db ?? null, file, { dryRun });
    for (const p of summary.problems) console.error(`${file}:${p.line}: skipped: ${p.message}`);
    const written = dryRun ? `${summary.rows - summary.errors} valid (dry run, nothing written)` : `${summary.inserted} inserted, ${summary.updated} updated in ${dbFile}`;
    console.log(`${summary.rows} rows: ${written}, ${summary.errors} errors`);
    return summary.errors > 0 ? 1 : 0;
  } finally {
    await opened?.db.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`import:roster: ${error.message}\nRun with --help for usage.`);
      process.exitCode = 2;
    } else if (error instanceof TrainingFileError) {
      console.error(`import:roster: ${error.message}; nothing was written`);
      process.exitCode = 1;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  },
);

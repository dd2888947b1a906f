/**
 * `npm run import:training -- <file.csv> [--dry-run]`: training completions into the database
 * at KB_DB. The work is done by scripts/lib/training/records.ts.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { migrate, openDatabase } from '../api/db/index.ts';
import { catalogFromContent } from './lib/training/content-catalog.ts';
import { TrainingFileError } from './lib/training/csv-file.ts';
import { importTrainingFile } from './lib/training/records.ts';

const HELP = `Usage: npm run import:training -- <file.csv> [--dry-run]

Imports training completions into the database at $KB_DB (default data/kb.sqlite).
The CSV needs a header with the columns agent, article, completed_at (any order, any case):
  agent         the agent as tickets name them (the ticket "agent" value)
  article       id of a training article, <lang>/<slug> (e.g. en/training-licence-activation);
                checked against the content in $KB_CONTENT_DIR (default content/): it must
                exist and have type: training
  completed_at  YYYY-MM-DD (00:00 UTC) or an ISO-8601 date-time with a zone; not in the future
A bad row is reported with its line and skipped; the good rows are written in one
transaction. The same completion (agent, article, time) twice is stored once and counted as
a duplicate. A file that cannot be read or is not CSV with those columns writes nothing.

Options:
  --dry-run    validate and report, write nothing
  -h, --help   show this help

Exit status: 0 every row imported (or a duplicate), 1 some rows invalid or the file unusable, 2 wrong usage.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`expected one <file.csv>, got ${positionals.length ? positionals.join(' ') : 'none'}`);
  const file = positionals[0]!;
  const { catalog } = catalogFromContent(resolve(process.env['KB_CONTENT_DIR'] ?? 'content'));
  const articleTypes = new Map([...catalog.byId].map(([id, a]) => [id, a.type]));
  const dryRun = Boolean(values['dry-run']);
  const dbFile = resolve(process.env['KB_DB'] ?? 'data/kb.sqlite');
  const opened = dryRun ? null : openDatabase(dbFile);
  try {
    if (opened) await migrate(opened.db);
    const summary = await importTrainingFile(opened?.db ?? null, file, { articleTypes, dryRun });
    for (const p of summary.problems) console.error(`${file}:${p.line}: skipped: ${p.message}`);
    const written = dryRun ? `${summary.rows - summary.errors} valid (dry run, nothing written)` : `${summary.inserted} inserted, ${summary.duplicates} duplicates into ${dbFile}`;
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
      console.error(`import:training: ${error.message}\nRun with --help for usage.`);
      process.exitCode = 2;
    } else if (error instanceof TrainingFileError) {
      console.error(`import:training: ${error.message}; nothing was written`);
      process.exitCode = 1;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  },
);

/**
 * `npm run import:training -- <file.csv> [--dry-run]`: training completions into the database
 * at DATABASE_URL, else at KB_DB. The work is done by scripts/lib/training/records.ts.
 */
import { cliConfig } from '../core/config/cli.ts';
import { DEFAULT_CONTENT_DIR, DEFAULT_DB_FILE } from '../core/config/defaults.ts';
import { catalogFromContent } from './lib/training/content-catalog.ts';
import { runCsvImport } from './lib/training/import-cli.ts';
import { importTrainingFile } from './lib/training/records.ts';

const HELP = `Usage: npm run import:training -- <file.csv> [--dry-run]

Imports training completions into the database at $DATABASE_URL (PostgreSQL), else at $KB_DB
(default ${DEFAULT_DB_FILE}).
The CSV needs a header with the columns agent, article, completed_at (any order, any case):
  agent         the agent as tickets name them (the ticket "agent" value)
  article       id of a training article, <lang>/<slug> (e.g. en/training-licence-activation);
                checked against the content in $KB_CONTENT_DIR (default ${DEFAULT_CONTENT_DIR}/): it must
                exist and have type: training
  completed_at  YYYY-MM-DD (00:00 UTC) or an ISO-8601 date-time with a zone; not in the future
A bad row is reported with its line and skipped; the good rows are written in one
transaction. The same completion (agent, article, time) twice is stored once and counted as
a duplicate. A file that cannot be read or is not CSV with those columns writes nothing.

Options:
  --dry-run    validate and report, write nothing
  -h, --help   show this help

Exit status: 0 every row imported (or a duplicate), 1 some rows invalid or the file unusable, 2 wrong usage.`;

runCsvImport({
  name: 'import:training',
  help: HELP,
  run: (db, file, dryRun) => {
    const { catalog } = catalogFromContent(cliConfig().contentDir);
    const articleTypes = new Map([...catalog.byId].map(([id, a]) => [id, a.type]));
    return importTrainingFile(db, file, { articleTypes, dryRun });
  },
  written: (summary, dbFile) => `${summary.inserted} inserted, ${summary.duplicates} duplicates into ${dbFile}`,
});

/**
 * `npm run import:roster -- <file.csv> [--dry-run]`: agents' names and teams into the
 * database at DATABASE_URL, else at KB_DB. The work is done by scripts/lib/training/roster.ts.
 */
import { DEFAULT_DB_FILE } from '../core/config/defaults.ts';
import { runCsvImport } from './lib/training/import-cli.ts';
import { importRosterFile } from './lib/training/roster.ts';

const HELP = `Usage: npm run import:roster -- <file.csv> [--dry-run]

Imports the agent roster into the database at $DATABASE_URL (PostgreSQL), else at $KB_DB
(default ${DEFAULT_DB_FILE}). The CSV needs a header with the columns agent, name, team: agent is the value tickets carry in "agent",
name the person's display name, team their team (the training matrix groups by it).
Rows are upserted by agent (importing a new roster updates names and teams; the last row of
an agent wins). A bad row is reported with its line and skipped; a file that cannot be read
or lacks those columns writes nothing.

Options:
  --dry-run    validate and report, write nothing
  -h, --help   show this help

Exit status: 0 all rows imported, 1 some rows invalid or the file unusable, 2 wrong usage.`;

runCsvImport({
  name: 'import:roster',
  help: HELP,
  run: (db, file, dryRun) => importRosterFile(db, file, { dryRun }),
  written: (summary, dbFile) => `${summary.inserted} inserted, ${summary.updated} updated in ${dbFile}`,
});

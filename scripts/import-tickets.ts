/**
 * `npm run import:tickets -- <file> --format <format> [options]`: imports helpdesk tickets
 * into the database (DATABASE_URL, else KB_DB). The work is done by scripts/lib/tickets/importer.ts.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { databaseName, databaseOptions, migrate, openDatabase } from '../api/db/index.ts';
import { MapError, parseMap, TICKET_FIELDS } from '../core/tickets/csv-map.ts';
import { TICKET_FORMATS, type TicketFormat } from '../core/tickets/formats.ts';
import { formatSummary, validateTickets, writeTickets } from './lib/tickets/importer.ts';
import { progressReporter } from './lib/tickets/progress.ts';
import { DATE_FORMATS, TicketFileError, type DateFormat } from '../core/tickets/values.ts';
import { cliConfig } from '../core/config/cli.ts';
import { DEFAULT_DB_FILE } from '../core/config/defaults.ts';
import { UsageError } from './lib/cli/usage.ts';
import { runCli } from './lib/cli/run.ts';

const HELP = `Usage: npm run import:tickets -- <file> --format <${TICKET_FORMATS.join('|')}> [options]

Imports tickets into the database at $DATABASE_URL (PostgreSQL), else at $KB_DB (default
${DEFAULT_DB_FILE}), upserting by (source, id): importing the same file again updates the
tickets instead of duplicating them.
Every row is validated against the canonical ticket schema (core/tickets/ticket.ts). A bad
row is reported with its line and skipped; a file that is not in the format (not JSON,
missing required columns) stops before anything is written.

Formats:
  servicenow  CSV export of ServiceNow's incident table. "?" or empty = missing; dates
              d/m/yyyy hh:mm (or yyyy-mm-dd hh:mm:ss). number = id; priority "1 - Critical"
              → urgent, "2 - High" → high, "3 - Moderate" → normal, "4 - Low" → low; state
              New → new, Active → open, Awaiting…/On Hold → pending, Resolved → solved,
              Closed/Canceled → closed; category → topic ("Category 26" → category-26);
              assigned_to → agent; caller_id → requester; made_sla → slaMet; knowledge →
              knowledgeUsed; reopen_count, reassignment_count kept. The export has no text,
              so the subject is "<category> / <subcategory> incident". Escalated (tier 2) =
              reassignment_count ≥ 1 (the assignment group changed: first line handed it on).
  zendesk     Support API ticket JSON: a {"tickets": [...]} page or the incremental export.
              Solved/closed times = updated_at (Zendesk keeps solved-at in ticket metrics);
              first tag → topic; tag "escalated"/"tier2" → escalated; CSAT good → 5, bad → 1;
              deleted tickets are skipped.
  freshdesk   API v2 ticket JSON (list, {ticket}, or list pages); numeric codes: status
              2 open, 3 pending, 4 solved, 5 closed, 6+ pending; priority 1–4 low…urgent.
              is_escalated/fr_escalated (SLA overdue) → slaMet false; times from stats
              (include=stats) else updated_at; spam tickets are skipped.
  zammad      REST ticket JSON (array or {tickets}); id = ticket number; default state and
              priority ids or names; close_at → resolvedAt and closedAt; merged/removed skipped.
  csv         any CSV with a header. Columns named like a field (any case) map themselves;
              others with --map. Required: id, subject, status, createdAt; priority defaults
              to normal; source defaults to csv. Fields: ${TICKET_FIELDS.join(', ')}.

All times without a zone are taken as UTC (convert exports written in local time first).

Options:
  --format <f>          one of ${TICKET_FORMATS.join(', ')} (required)
  --map <spec>          CSV column → field, e.g. "Ticket ID=id,Title=subject,Opened=createdAt"
  --date-format <f>     order of slashed dates: ${DATE_FORMATS.join(' or ')} (default d/m/yyyy)
  --dry-run             validate and report, write nothing
  -h, --help            show this help

Exit status: 0 all rows imported or skipped on purpose, 1 some rows invalid or the file
unusable, 2 wrong usage.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      map: { type: 'string' },
      'date-format': { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`expected one <file>, got ${positionals.length ? positionals.join(' ') : 'none'}`);
  const format = values.format as TicketFormat | undefined;
  if (!format || !(TICKET_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${TICKET_FORMATS.join(', ')}${format ? `, got "${format}"` : ''}`);
  const dateFormat = (values['date-format'] ?? 'd/m/yyyy') as DateFormat;
  if (!(DATE_FORMATS as readonly string[]).includes(dateFormat))
    throw new UsageError(`--date-format must be ${DATE_FORMATS.join(' or ')}, got "${dateFormat}"`);
  if (values.map && format !== 'csv') throw new UsageError('--map only applies to --format csv');
  const map = parseMap(values.map);
  const file = positionals[0]!;
  const text = readFileSync(file, 'utf8');

  const started = performance.now();
  const dryRun = Boolean(values['dry-run']);
  const validated = validateTickets(text, { format, map, dateFormat, dryRun });
  const { summary } = validated;
  let target = '';
  if (!dryRun) {
    const database = databaseOptions(cliConfig());
    const dbFile = databaseName(database);
    const { db } = openDatabase(database);
    try {
      await migrate(db);
      const progress = progressReporter('import');
      await writeTickets(db, validated, { onProgress: progress.update });
      progress.finish();
    } finally {
      await db.destroy();
    }
    target = ` into ${dbFile}`;
  }
  for (const p of summary.problems) console.error(`${file}:${p.line}: skipped: ${p.message}`);
  for (const s of summary.skips) console.error(`${file}:${s.line}: left out: ${s.message}`);
  console.log(`${formatSummary(summary, (performance.now() - started) / 1000)}${target}`);
  return summary.errors > 0 ? 1 : 0;
}

runCli('import:tickets', main, (error) => {
  // A mapping that does not fit the file is wrong usage: the fix is a different --map.
  if (error instanceof MapError) return { message: `${error.message}\nRun with --help for usage.`, exitCode: 2 };
  if (error instanceof TicketFileError || (error as { code?: string }).code === 'ENOENT')
    return { message: `${error.message}; nothing was written`, exitCode: 1 };
  return undefined;
});

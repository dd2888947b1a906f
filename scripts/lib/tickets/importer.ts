/**
 * Imports a ticket export into the database: map every row, validate it with the
 * canonical ticketSchema, and upsert by (source, id) in batches, one transaction each.
 * Re-running the same file updates instead of duplicating.
 */
import { ticketSchema, type Ticket } from '../../../core/tickets/ticket.ts';
import type { Db } from '../../../api/db/index.ts';
import { upsertTickets } from '../../../api/db/queries/tickets.ts';
import { readTicketFile, type ReadOptions, type TicketFormat } from '../../../core/tickets/formats.ts';

/** Rows per transaction: big enough to amortise the commit, small enough to keep memory flat. */
export const BATCH_SIZE = 500;

/** A row that was not imported, with its line. */
export interface RowProblem {
  line: number;
  message: string;
}

export interface TicketImportSummary {
  /** Data rows read (the header is not counted). */
  rows: number;
  inserted: number;
  updated: number;
  /** Rows left out on purpose (deleted, spam, merged tickets), each with the reason. */
  skipped: number;
  /** Rows rejected as invalid, each reported with its line. */
  errors: number;
  problems: RowProblem[];
  skips: RowProblem[];
  /** True when nothing was written (--dry-run). */
  dryRun: boolean;
}

export interface ImportOptions extends ReadOptions {
  format: TicketFormat;
  /** Validate and count only; no database needed. */
  dryRun?: boolean;
  /** Called after each batch with rows done and the total. */
  onProgress?: (done: number, total: number) => void;
  now?: Date;
}

/** Tickets that passed validation, with the summary so far; nothing written yet. */
export interface ValidatedImport {
  summary: TicketImportSummary;
  valid: Ticket[];
}

/** Maps and validates every row; throws TicketFileError (from readTicketFile) when the file is unusable. */
export function validateTickets(text: string, options: ImportOptions): ValidatedImport {
  const mapped = readTicketFile(text, options.format, options);
  const summary: TicketImportSummary = {
    rows: mapped.length,
    inserted: 0,
    updated: 0,
    skipped: 0,
    errors: 0,
    problems: [],
    skips: [],
    dryRun: Boolean(options.dryRun),
  };
  const valid: Ticket[] = [];
  for (const { line, outcome } of mapped) {
    if ('skip' in outcome) {
      summary.skips.push({ line, message: outcome.skip });
      continue;
    }
    if ('error' in outcome) {
      summary.problems.push({ line, message: outcome.error });
      continue;
    }
    const parsed = ticketSchema.safeParse(outcome.ticket);
    if (parsed.success) valid.push(parsed.data);
    else
      summary.problems.push({ line, message: parsed.error.issues.map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`).join('; ') });
  }
  summary.skipped = summary.skips.length;
  summary.errors = summary.problems.length;
  return { summary, valid };
}

/** Upserts validated tickets in batches of BATCH_SIZE, one transaction each, adding the counts to the summary. */
export async function writeTickets(
  db: Db,
  { summary, valid }: ValidatedImport,
  options: Pick<ImportOptions, 'onProgress' | 'now'> = {},
): Promise<TicketImportSummary> {
  for (let start = 0; start < valid.length; start += BATCH_SIZE) {
    const result = await upsertTickets(db, valid.slice(start, start + BATCH_SIZE), options.now);
    summary.inserted += result.inserted;
    summary.updated += result.updated;
    options.onProgress?.(Math.min(start + BATCH_SIZE, valid.length), valid.length);
  }
  return summary;
}

/** Validates a whole file, then writes it (unless dryRun): a bad file throws before anything is written. */
export async function importTickets(db: Db | null, text: string, options: ImportOptions): Promise<TicketImportSummary> {
  const validated = validateTickets(text, options);
  if (options.dryRun || !db) return validated.summary;
  return writeTickets(db, validated, options);
}

/** The one-line summary the CLI prints. */
export function formatSummary(s: TicketImportSummary, seconds: number): string {
  const written = s.dryRun
    ? `${s.rows - s.skipped - s.errors} valid (dry run, nothing written)`
    : `${s.inserted} inserted, ${s.updated} updated`;
  return `${s.rows} rows: ${written}, ${s.skipped} skipped, ${s.errors} errors in ${seconds.toFixed(1)} s`;
}

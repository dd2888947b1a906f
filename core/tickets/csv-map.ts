/**
 * Any CSV with a header onto the canonical ticket, column by column as `--map` says
 * ("Ticket ID=id,Title=subject,Opened=createdAt"). A column already named like a canonical
 * field (any case) needs no mapping. Values are coerced by the field's type.
 */
import { TICKET_SOURCES, type TicketInput } from './ticket.ts';
import {
  compact,
  inField,
  parseBool,
  parseCount,
  parseDate,
  RowError,
  TicketFileError,
  topicOf,
  type DateFormat,
  type RowOutcome,
} from './values.ts';

/** Every canonical field a column may map to (the keys of ticketSchema). */
export const TICKET_FIELDS = [
  'id',
  'source',
  'subject',
  'description',
  'topic',
  'product',
  'priority',
  'status',
  'channel',
  'requester',
  'agent',
  'tier',
  'escalated',
  'createdAt',
  'firstResponseAt',
  'resolvedAt',
  'closedAt',
  'csat',
  'reopened',
  'reassigned',
  'slaMet',
  'knowledgeUsed',
  'lang',
  'resolution',
  'minutesLogged',
] as const;
export type TicketField = (typeof TICKET_FIELDS)[number];

/** Without these columns a file stops before anything is written; priority defaults to normal. */
export const CSV_REQUIRED: TicketField[] = ['id', 'subject', 'status', 'createdAt'];

const DATES = new Set<TicketField>(['createdAt', 'firstResponseAt', 'resolvedAt', 'closedAt']);
const COUNTS = new Set<TicketField>(['tier', 'csat', 'reopened', 'reassigned', 'minutesLogged']);
const FLAGS = new Set<TicketField>(['escalated', 'slaMet', 'knowledgeUsed']);

/** Common helpdesk words for our priorities and statuses; anything else must already be canonical. */
const SYNONYMS: Partial<Record<TicketField, Record<string, string>>> = {
  priority: { medium: 'normal', moderate: 'normal', critical: 'urgent' },
  status: { resolved: 'solved', 'in progress': 'open', active: 'open', hold: 'pending', 'on hold': 'pending', waiting: 'pending' },
};

/** Thrown for a bad --map (the CLI prints it as a usage error). */
export class MapError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MapError';
  }
}

/** Parses `--map "Column=field,..."` into column → field. */
export function parseMap(spec: string | undefined): Map<string, TicketField> {
  const map = new Map<string, TicketField>();
  if (!spec) return map;
  for (const pair of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = pair.lastIndexOf('=');
    const column = pair.slice(0, at).trim();
    const field = pair.slice(at + 1).trim();
    if (at <= 0 || !column) throw new MapError(`--map: "${pair}" is not column=field`);
    if (!(TICKET_FIELDS as readonly string[]).includes(field))
      throw new MapError(`--map: "${field}" is not a ticket field (one of ${TICKET_FIELDS.join(', ')})`);
    map.set(column, field as TicketField);
  }
  return map;
}

/** Field → column index for a header, from the map and from columns named like fields. */
export function csvColumns(header: string[], map: Map<string, TicketField>): Map<TicketField, number> {
  const columns = new Map<TicketField, number>();
  const byLower = new Map(TICKET_FIELDS.map((f) => [f.toLowerCase(), f]));
  header.forEach((name, i) => {
    const field = byLower.get(name.trim().toLowerCase());
    if (field && ![...map.values()].includes(field)) columns.set(field, i);
  });
  for (const [column, field] of map) {
    const i = header.findIndex((h) => h.trim() === column);
    if (i < 0) throw new TicketFileError(`--map names the column "${column}", which the header does not have (${header.join(', ')})`);
    columns.set(field, i);
  }
  const missing = CSV_REQUIRED.filter((f) => !columns.has(f));
  if (missing.length)
    throw new TicketFileError(
      `missing required column(s) for ${missing.join(', ')}; name them in the header or map them with --map "Column=field"`,
    );
  return columns;
}

function coerce(field: TicketField, value: string, dateFormat: DateFormat): unknown {
  if (DATES.has(field)) return parseDate(value, dateFormat);
  if (COUNTS.has(field)) return parseCount(value);
  if (FLAGS.has(field)) return parseBool(value);
  if (field === 'topic') return topicOf(value) ?? value;
  const synonyms = SYNONYMS[field];
  if (synonyms) {
    const v = value.trim().toLowerCase();
    return synonyms[v] ?? v;
  }
  return value;
}

/** One CSV record as a ticket of source `csv` (or the row's own source column). Empty cells are absent values. */
export function mapCsvRow(fields: string[], columns: Map<TicketField, number>, dateFormat: DateFormat = 'd/m/yyyy'): RowOutcome {
  const ticket: Record<string, unknown> = { source: 'csv', priority: 'normal' };
  for (const [field, i] of columns) {
    const value = fields[i]?.trim();
    if (value === undefined || value === '') continue;
    ticket[field] = inField(field, () => coerce(field, value, dateFormat));
  }
  if (!(TICKET_SOURCES as readonly string[]).includes(String(ticket['source'])))
    throw new RowError(`source: "${String(ticket['source'])}" is not one of ${TICKET_SOURCES.join(', ')}`);
  return { ticket: compact(ticket) as TicketInput };
}

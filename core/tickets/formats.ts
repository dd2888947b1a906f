/**
 * Reads a ticket export in one of the supported formats into mapped rows, each with the
 * line it starts on. A file that is not in the format at all throws TicketFileError here,
 * before anything is written; a single bad row only becomes that row's error.
 */
import { CsvError, parseCsv } from '../text/csv-parse.ts';
import { csvColumns, mapCsvRow, type TicketField } from './csv-map.ts';
import { freshdeskTickets, mapFreshdeskTicket } from './freshdesk.ts';
import { objectLines } from './json-lines.ts';
import { mapServicenowRow, servicenowColumns } from './servicenow.ts';
import { mapZammadTicket, zammadTickets } from './zammad.ts';
import { mapZendeskTicket, zendeskTickets } from './zendesk.ts';
import { mapRow, TicketFileError, type DateFormat, type RowOutcome } from './values.ts';
import { FILE_FORMAT_HELPDESKS, HELPDESKS } from './helpdesks.ts';

/** What `import:tickets --format` reads: any CSV with a header, or a helpdesk's own export. */
export const TICKET_FORMATS = ['csv', ...FILE_FORMAT_HELPDESKS] as const;
export type TicketFormat = (typeof TICKET_FORMATS)[number];

/** One source row after mapping. */
export interface MappedRow {
  /** 1-based line where the row (CSV record or JSON object) starts. */
  line: number;
  outcome: RowOutcome;
}

export interface ReadOptions {
  /** CSV column → field (`--map`), for the `csv` format. */
  map?: Map<string, TicketField>;
  dateFormat?: DateFormat;
}

type Json = Record<string, unknown>;

const JSON_FORMATS = {
  zendesk: {
    name: HELPDESKS.zendesk.name,
    list: zendeskTickets,
    map: (raw: unknown) => mapZendeskTicket(raw),
    looksLike: (t: Json) => typeof t['status'] === 'string' && 'subject' in t,
    expected: 'a Zendesk Support API ticket list ({"tickets": [...]} with string statuses)',
  },
  freshdesk: {
    name: HELPDESKS.freshdesk.name,
    list: freshdeskTickets,
    map: (raw: unknown) => mapFreshdeskTicket(raw),
    looksLike: (t: Json) => typeof t['status'] === 'number' && 'subject' in t,
    expected: 'Freshdesk API v2 tickets (numeric status codes)',
  },
  zammad: {
    name: HELPDESKS.zammad.name,
    list: zammadTickets,
    map: (raw: unknown) => mapZammadTicket(raw),
    looksLike: (t: Json) => 'title' in t && ('state_id' in t || 'state' in t),
    expected: 'Zammad REST tickets (title and state_id/state)',
  },
} as const;

function readJsonFormat(text: string, format: keyof typeof JSON_FORMATS): MappedRow[] {
  const spec = JSON_FORMATS[format];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new TicketFileError(`not JSON: ${(error as Error).message}`);
  }
  const items = spec.list(data);
  if (!items) throw new TicketFileError(`not a ${spec.name} export: expected ${spec.expected}`);
  const objects = items.filter((item) => item.raw && typeof item.raw === 'object') as { path: string; raw: Json }[];
  if (items.length > 0 && !objects.some((item) => spec.looksLike(item.raw))) {
    throw new TicketFileError(`not a ${spec.name} export: no ticket has the ${spec.name} shape (expected ${spec.expected})`);
  }
  const lines = objectLines(text);
  return items.map((item) => ({ line: lines.get(item.path) ?? 1, outcome: mapRow(() => spec.map(item.raw)) }));
}

function readCsvFormat(text: string, format: 'csv' | 'servicenow', options: ReadOptions): MappedRow[] {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw new TicketFileError(`not valid CSV: ${error.message}`);
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) throw new TicketFileError('the file is empty (expected a CSV header row)');
  const dateFormat = options.dateFormat ?? 'd/m/yyyy';
  if (format === 'servicenow') {
    const columns = servicenowColumns(header.fields);
    return rows.map((r) => ({ line: r.line, outcome: mapRow(() => mapServicenowRow(r.fields, columns, dateFormat)) }));
  }
  const columns = csvColumns(header.fields, options.map ?? new Map());
  return rows.map((r) => ({ line: r.line, outcome: mapRow(() => mapCsvRow(r.fields, columns, dateFormat)) }));
}

/** Maps every row of an export; throws TicketFileError when the file as a whole is unusable. */
export function readTicketFile(text: string, format: TicketFormat, options: ReadOptions = {}): MappedRow[] {
  if (format === 'csv' || format === 'servicenow') return readCsvFormat(text, format, options);
  return readJsonFormat(text, format);
}

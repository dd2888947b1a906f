/**
 * Small value parsers the ticket importers share: dates in the layouts exports use,
 * booleans and counts as spreadsheets write them, and the outcome type of one mapped row.
 */
import type { TicketInput } from './ticket.ts';
import { slugify } from '../text/slug.ts';

/** What one source row became: a ticket to validate, a deliberate skip, or a problem. */
export type RowOutcome = { ticket: TicketInput } | { skip: string } | { error: string };

/** A value that cannot be mapped; the importer reports it with the row's line and skips the row. */
export class RowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RowError';
  }
}

/** A file that cannot be imported at all (not JSON, wrong format, missing columns): nothing is written. */
export class TicketFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TicketFileError';
  }
}

/** Day–month order of dates written with slashes (`--date-format`). */
export const DATE_FORMATS = ['d/m/yyyy', 'm/d/yyyy'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const pad = (n: number | string) => String(n).padStart(2, '0');

/**
 * An export's date as ISO-8601 UTC. Accepts ISO-8601 (with or without an offset) and
 * ServiceNow's `yyyy-mm-dd hh:mm:ss`, and slashed dates in the given day–month order.
 * Times without an offset are taken as UTC, the zone docs/design.md §4 stores; an export
 * written in another zone must be converted first (the CLI's --help says so).
 */
export function parseDate(value: string, format: DateFormat = 'd/m/yyyy'): string {
  const text = value.trim();
  const iso = ISO_LIKE.exec(text);
  let y: string,
    mo: string,
    d: string,
    h = '0',
    mi = '0',
    s = '0',
    zone = 'Z';
  if (iso) {
    [, y, mo, d] = iso as unknown as [string, string, string, string];
    h = iso[4] ?? '0';
    mi = iso[5] ?? '0';
    s = iso[6] ?? '0';
    zone = iso[7] ? iso[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : 'Z';
  } else {
    const slashed = SLASHED.exec(text);
    if (!slashed) throw new RowError(`"${value}" is not a date (expected ${format} hh:mm or ISO-8601)`);
    const [first, second] = [slashed[1]!, slashed[2]!];
    [d, mo] = format === 'd/m/yyyy' ? [first, second] : [second, first];
    y = slashed[3]!;
    h = slashed[4] ?? '0';
    mi = slashed[5] ?? '0';
    s = slashed[6] ?? '0';
  }
  const date = new Date(`${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${zone}`);
  // new Date rolls 31/2 over into March; a date that does not round-trip is a typo.
  if (Number.isNaN(date.getTime()) || (zone === 'Z' && date.getUTCDate() !== Number(d))) {
    throw new RowError(`"${value}" is not a valid date (read as ${format})`);
  }
  return date.toISOString();
}

/** A boolean as exports write it: true/false, yes/no, 1/0 (any case). */
export function parseBool(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (['true', 'yes', 'y', '1'].includes(v)) return true;
  if (['false', 'no', 'n', '0'].includes(v)) return false;
  throw new RowError(`"${value}" is not a boolean (expected true/false, yes/no or 1/0)`);
}

/** A non-negative whole number. */
export function parseCount(value: string): number {
  const v = value.trim();
  if (!/^\d+$/.test(v)) throw new RowError(`"${value}" is not a whole number`);
  return Number(v);
}

/** A helpdesk category as a topic id: "Category 26" → "category-26"; undefined when nothing is left. */
export function topicOf(category: string | undefined | null): string | undefined {
  if (!category) return undefined;
  const slug = slugify(category).slice(0, 80).replace(/-+$/, '');
  return slug || undefined;
}

/** Drops keys whose value is undefined, so `.strict()` schemas and optional fields agree. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Runs a mapper and turns a RowError into the row's error outcome (anything else is a bug and rethrown). */
export function mapRow(map: () => RowOutcome): RowOutcome {
  try {
    return map();
  } catch (error) {
    if (error instanceof RowError) return { error: error.message };
    throw error;
  }
}

/** An id the helpdesk wrote as a number or a string, as our string id. */
export function idOf(value: unknown, field = 'id'): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' && value.trim()) return value.trim();
  throw new RowError(`${field}: missing or not a number/string`);
}

/** An optional person/entity reference (numeric ids become strings). */
export function refOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim()) return value.trim().slice(0, 200);
  return undefined;
}

/** An optional ISO date from JSON (null and "" mean absent). */
export function jsonDate(value: unknown, field: string): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new RowError(`${field}: expected a date string`);
  try {
    return parseDate(value);
  } catch {
    throw new RowError(`${field}: "${value}" is not an ISO-8601 date`);
  }
}

/** Tags that mark a ticket as escalated to tier 2 in Zendesk and Freshdesk (neither has a field for it). */
export const ESCALATION_TAGS = new Set(['escalated', 'tier2', 'tier-2', 'tier_2', 'level2', 'l2']);

/** `escalated` and `tier` from a ticket's tags (see ESCALATION_TAGS). */
export function escalationFromTags(tags: unknown): { escalated: boolean; tier: 1 | 2 } {
  const escalated = Array.isArray(tags) && tags.some((t) => typeof t === 'string' && ESCALATION_TAGS.has(t.toLowerCase()));
  return { escalated, tier: escalated ? 2 : 1 };
}

/** The first tag as a topic (the mapping hint of FORMATS.md: category ← tags). */
export function topicFromTags(tags: unknown): string | undefined {
  if (!Array.isArray(tags)) return undefined;
  const first = tags.find((t) => typeof t === 'string' && !ESCALATION_TAGS.has(t.toLowerCase()));
  return topicOf(first as string | undefined);
}

/** Runs a value parser, prefixing a RowError with the field it was reading. */
export function inField<T>(field: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof RowError) throw new RowError(`${field}: ${error.message}`);
    throw error;
  }
}

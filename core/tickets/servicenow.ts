/**
 * ServiceNow's incident table exported as CSV onto the canonical ticket. Written against
 * the real export in the UCI "Incident management process enriched event log" (Amaral et
 * al. 2018): `?` means missing, dates are d/m/yyyy hh:mm, every value is an anonymised token.
 */
import type { TicketInput } from './ticket.ts';
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

/** Columns the mapping cannot do without (`incident_state` may be named `state`). */
export const SERVICENOW_REQUIRED = ['number', 'opened_at', 'priority'] as const;

/** "1 - Critical" … "4 - Low" (and "5 - Planning", which waits like a low one). */
const PRIORITY: Record<string, TicketInput['priority']> = { '1': 'urgent', '2': 'high', '3': 'normal', '4': 'low', '5': 'low' };

/** ServiceNow's incident states; every "Awaiting …" and "On Hold" waits on someone else, so pending. */
function statusOf(state: string): TicketInput['status'] {
  const s = state.trim().toLowerCase();
  if (s === 'new') return 'new';
  if (s === 'active' || s === 'in progress') return 'open';
  if (s.startsWith('awaiting') || s === 'on hold') return 'pending';
  if (s === 'resolved') return 'solved';
  if (s === 'closed' || s === 'canceled' || s === 'cancelled') return 'closed';
  throw new RowError(`incident_state: "${state}" is not a ServiceNow incident state (New, Active, Awaiting …, Resolved, Closed)`);
}

/** Column positions by name, checked once per file. */
export function servicenowColumns(header: string[]): Map<string, number> {
  const columns = new Map(header.map((name, i) => [name.trim().toLowerCase(), i]));
  const missing = SERVICENOW_REQUIRED.filter((c) => !columns.has(c));
  if (!columns.has('incident_state') && !columns.has('state')) missing.push('incident_state' as never);
  if (missing.length)
    throw new TicketFileError(
      `not a ServiceNow incident export: missing column(s) ${missing.join(', ')} (header: ${header.slice(0, 8).join(',')}…)`,
    );
  return columns;
}

/**
 * One incident row. The rules the dataset needs and that the CLI's --help repeats:
 * - subject: the export has no text, so "<category> / <subcategory> incident";
 * - topic: the category slugified ("Category 26" → "category-26");
 * - escalated (tier 2): reassignment_count ≥ 1. ServiceNow counts a reassignment each time
 *   the assignment group changes, i.e. the first-line group handed the incident on; the
 *   final-state export holds no priority history, so a raised priority cannot be seen;
 * - times carry no zone and are taken as UTC.
 */
export function mapServicenowRow(fields: string[], columns: Map<string, number>, dateFormat: DateFormat = 'd/m/yyyy'): RowOutcome {
  const get = (name: string): string | undefined => {
    const i = columns.get(name);
    const v = i === undefined ? undefined : fields[i]?.trim();
    return v === undefined || v === '' || v === '?' ? undefined : v;
  };
  const optional = <T>(name: string, parse: (v: string) => T): T | undefined => {
    const v = get(name);
    return v === undefined ? undefined : inField(name, () => parse(v));
  };
  const date = (name: string) => optional(name, (v) => parseDate(v, dateFormat));
  const count = (name: string) => optional(name, parseCount);
  const flag = (name: string) => optional(name, parseBool);
  const id = get('number');
  if (!id) throw new RowError('number: missing');
  const priorityText = get('priority');
  const priority = priorityText ? PRIORITY[priorityText.split(/\s*-\s*/)[0]!] : undefined;
  if (!priority) throw new RowError(`priority: "${priorityText ?? ''}" is not a ServiceNow priority (1 - Critical … 4 - Low)`);
  const state = get('incident_state') ?? get('state');
  if (!state) throw new RowError('incident_state: missing');
  const category = get('category');
  const subcategory = get('subcategory');
  const reassigned = count('reassignment_count');
  const escalated = (reassigned ?? 0) >= 1;
  return {
    ticket: compact({
      id,
      source: 'servicenow',
      subject: `${[category, subcategory].filter(Boolean).join(' / ') || 'Uncategorised'} incident`,
      description: get('short_description') ?? get('description'),
      resolution: get('close_notes'),
      topic: topicOf(category),
      priority,
      status: statusOf(state),
      channel: get('contact_type')?.toLowerCase(),
      requester: get('caller_id'),
      agent: get('assigned_to'),
      tier: escalated ? 2 : 1,
      escalated,
      createdAt: date('opened_at') ?? '',
      resolvedAt: date('resolved_at'),
      closedAt: date('closed_at'),
      reopened: count('reopen_count'),
      reassigned,
      slaMet: flag('made_sla'),
      knowledgeUsed: flag('knowledge'),
    }),
  };
}

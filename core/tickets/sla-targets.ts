/**
 * SLA targets per ticket priority, in hours: what the support metrics hold a ticket to when
 * the helpdesk recorded no `slaMet` of its own. KB_SLA_TARGETS overrides them, written
 * `priority=firstResponseHours/resolutionHours`, comma-separated.
 */
import { TICKET_PRIORITIES } from './ticket.ts';

/** A ticket priority. */
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** Hours to the first response and to the resolution, per priority. */
export type SlaTargets = Record<TicketPriority, { firstResponseHours: number; resolutionHours: number }>;

export const DEFAULT_SLA_TARGETS: SlaTargets = {
  urgent: { firstResponseHours: 1, resolutionHours: 4 },
  high: { firstResponseHours: 4, resolutionHours: 24 },
  normal: { firstResponseHours: 8, resolutionHours: 48 },
  low: { firstResponseHours: 24, resolutionHours: 120 },
};

const HOURS = /^\d+(\.\d+)?$/;

/** Targets written as KB_SLA_TARGETS takes them, e.g. `urgent=1/4,high=4/24`. */
export function formatSlaTargets(targets: SlaTargets): string {
  return Object.entries(targets)
    .map(([priority, t]) => `${priority}=${t.firstResponseHours}/${t.resolutionHours}`)
    .join(',');
}

/**
 * Parses KB_SLA_TARGETS; a priority left out keeps its default. Throws an Error saying
 * which entry is wrong.
 */
export function parseSlaTargets(text: string): SlaTargets {
  const targets = structuredClone(DEFAULT_SLA_TARGETS);
  for (const entry of text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const match = /^([a-z]+)\s*=\s*([^/]+)\/(.+)$/.exec(entry);
    if (!match) throw new Error(`"${entry}" must be written priority=firstResponseHours/resolutionHours, e.g. high=4/24`);
    const [, priority, first, resolution] = match as unknown as [string, string, string, string];
    if (!(TICKET_PRIORITIES as readonly string[]).includes(priority))
      throw new Error(`"${priority}" is not a priority (${TICKET_PRIORITIES.join(', ')})`);
    if (!HOURS.test(first.trim()) || !HOURS.test(resolution.trim()) || Number(first) <= 0 || Number(resolution) <= 0) {
      throw new Error(`"${entry}": hours must be positive numbers`);
    }
    targets[priority as TicketPriority] = { firstResponseHours: Number(first), resolutionHours: Number(resolution) };
  }
  return targets;
}

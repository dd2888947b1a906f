/**
 * A request's SLA clocks (docs/design.md §7): first response and resolution due, from
 * createdAt against its priority's targets (KB_SLA_TARGETS), in working hours when a business
 * calendar is configured (business-hours.ts). A clock stops when its event happens; a clock
 * still running past its due time is overdue.
 */
import { addWorkingHours, type BusinessCalendar } from './business-hours.ts';
import type { SlaTargets, TicketPriority } from './sla-targets.ts';

/** The clocks of one request; times are ISO-8601 UTC. */
export interface SlaClocks {
  firstResponseDue: string;
  resolutionDue: string;
  /** The first response came (or, still missing, will come) after its due time. */
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
  /** A clock still running has passed its due time. */
  overdue: boolean;
}

/** What the clocks need of a ticket. */
export interface ClockedTicket {
  priority: TicketPriority;
  createdAt: string;
  firstResponseAt?: string | undefined;
  /** Resolved (resolvedAt, or closedAt lacking it), docs/design.md §4. */
  resolvedAt?: string | undefined;
}

/** The SLA clocks of `ticket` at `now`. */
export function slaClocks(ticket: ClockedTicket, targets: SlaTargets, now: Date, calendar?: BusinessCalendar): SlaClocks {
  const target = targets[ticket.priority];
  const created = new Date(ticket.createdAt);
  const firstDue = addWorkingHours(created, target.firstResponseHours, calendar);
  const resolutionDue = addWorkingHours(created, target.resolutionHours, calendar);
  const late = (done: string | undefined, due: Date) => (done ? Date.parse(done) : now.getTime()) > due.getTime();
  const firstResponseBreached = late(ticket.firstResponseAt, firstDue);
  const resolutionBreached = late(ticket.resolvedAt, resolutionDue);
  return {
    firstResponseDue: firstDue.toISOString(),
    resolutionDue: resolutionDue.toISOString(),
    firstResponseBreached,
    resolutionBreached,
    overdue: (!ticket.firstResponseAt && !ticket.resolvedAt && firstResponseBreached) || (!ticket.resolvedAt && resolutionBreached),
  };
}

/**
 * A web request's lifecycle (docs/design.md §7, issue 16) as a pure function: an event and
 * the ticket's current state give the columns that change, or a refusal saying why. The
 * columns are the ones the support KPIs read (docs/design.md §4), so a web request feeds them
 * exactly as an imported ticket does: first response = the first staff reply, resolution =
 * the resolve action, escalation = tier 2, a reopen counts in `reopened`, the survey's
 * rating is `csat`.
 */
import type { Ticket } from './ticket.ts';

/** What the lifecycle reads and writes of a ticket. */
export type RequestState = Pick<
  Ticket,
  | 'status'
  | 'priority'
  | 'topic'
  | 'agent'
  | 'tier'
  | 'escalated'
  | 'firstResponseAt'
  | 'resolvedAt'
  | 'closedAt'
  | 'csat'
  | 'reopened'
  | 'reassigned'
>;

/** Something that happens to a request. */
export type RequestEvent =
  | { type: 'staff-reply' }
  | { type: 'customer-reply' }
  | { type: 'assign'; assignee: string }
  | { type: 'set'; topic?: string | null | undefined; priority?: Ticket['priority'] | undefined }
  | { type: 'escalate' }
  | { type: 'resolve' }
  | { type: 'reopen' }
  | { type: 'survey'; solved: boolean; rating: number }
  | { type: 'auto-close' };

/** The fields an event changes: `null` clears a field. */
export type RequestChanges = { [K in keyof RequestState]?: RequestState[K] | null };

/** An event the request's state does not allow (answered 409), with the field at fault when there is one. */
export class LifecycleRefusal extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'LifecycleRefusal';
  }
}

const isResolved = (s: RequestState) => s.status === 'solved' || s.status === 'closed';

/** Reopening: unresolved again, counted once more in `reopened`; the history keeps the earlier resolution. */
const reopening = (s: RequestState): RequestChanges => ({
  status: 'open',
  resolvedAt: null,
  closedAt: null,
  reopened: (s.reopened ?? 0) + 1,
});

/** The changes `event` makes to a request in `state` at `at` (ISO time); throws LifecycleRefusal. */
export function transition(state: RequestState, event: RequestEvent, at: string): RequestChanges {
  switch (event.type) {
    case 'staff-reply': {
      if (state.status === 'closed') throw new LifecycleRefusal('The request is closed; reopen it first');
      // The customer's turn; the first staff reply is the first response.
      const changes: RequestChanges = state.status === 'solved' ? {} : { status: 'pending' };
      if (!state.firstResponseAt) changes.firstResponseAt = at;
      return changes;
    }
    case 'customer-reply':
      if (state.status === 'closed') throw new LifecycleRefusal('This request is closed; please send a new request');
      // A reply after resolution means it was not solved after all.
      return state.status === 'solved' ? reopening(state) : state.status === 'open' ? {} : { status: 'open' };
    case 'assign': {
      if (state.agent === event.assignee) throw new LifecycleRefusal(`The request is already assigned to ${event.assignee}`, 'assignee');
      const changes: RequestChanges = { agent: event.assignee };
      // Handing it from one agent to another is a reassignment (the KPI's `reassigned`); the first assignment is not.
      if (state.agent) changes.reassigned = (state.reassigned ?? 0) + 1;
      if (state.status === 'new') changes.status = 'open';
      return changes;
    }
    case 'set': {
      const changes: RequestChanges = {};
      if (event.topic !== undefined && event.topic !== (state.topic ?? null)) changes.topic = event.topic;
      if (event.priority !== undefined && event.priority !== state.priority) changes.priority = event.priority;
      if (Object.keys(changes).length === 0)
        throw new LifecycleRefusal('Nothing changes: the request already has that topic and priority', 'priority');
      return changes;
    }
    case 'escalate':
      if (state.tier === 2) throw new LifecycleRefusal('The request is already with tier 2', 'action');
      if (isResolved(state)) throw new LifecycleRefusal('A resolved request cannot be escalated; reopen it first', 'action');
      return { tier: 2, escalated: true, ...(state.status === 'new' ? { status: 'open' as const } : {}) };
    case 'resolve':
      if (isResolved(state)) throw new LifecycleRefusal('The request is already resolved', 'action');
      return { status: 'solved', resolvedAt: at };
    case 'reopen':
      if (!isResolved(state)) throw new LifecycleRefusal('The request is not resolved', 'action');
      return reopening(state);
    case 'survey':
      if (state.status !== 'solved') throw new LifecycleRefusal('The survey opens once the request is resolved', 'solved');
      return event.solved ? { csat: event.rating, status: 'closed', closedAt: at } : { csat: event.rating, ...reopening(state) };
    case 'auto-close':
      if (state.status !== 'solved') throw new LifecycleRefusal('Only a resolved request closes by itself');
      return { status: 'closed', closedAt: at };
  }
}

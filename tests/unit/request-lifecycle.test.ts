/** A web request's lifecycle as a pure function (core/tickets/lifecycle.ts, issue 16). */
import { describe, expect, it } from 'vitest';
import { LifecycleRefusal, transition, type RequestState } from '../../core/tickets/lifecycle.ts';

const AT = '2026-12-01T04:00:00.000Z';
const fresh: RequestState = { status: 'new', priority: 'normal', tier: 1, escalated: false };

describe('transition', () => {
  it('makes the first staff reply the first response and later ones leave it', () => {
    expect(transition(fresh, { type: 'staff-reply' }, AT)).toEqual({ status: 'pending', firstResponseAt: AT });
    expect(transition({ ...fresh, status: 'open', firstResponseAt: AT }, { type: 'staff-reply' }, '2026-12-02T00:00:00.000Z')).toEqual({
      status: 'pending',
    });
  });

  it('reopens a resolved request when the customer replies, counting the reopen', () => {
    const solved: RequestState = { ...fresh, status: 'solved', resolvedAt: AT, reopened: 1 };
    expect(transition(solved, { type: 'customer-reply' }, AT)).toEqual({ status: 'open', resolvedAt: null, closedAt: null, reopened: 2 });
  });

  it('counts a reassignment only when an agent had it', () => {
    expect(transition(fresh, { type: 'assign', assignee: 'a' }, AT)).toEqual({ agent: 'a', status: 'open' });
    expect(transition({ ...fresh, status: 'open', agent: 'a' }, { type: 'assign', assignee: 'b' }, AT)).toEqual({
      agent: 'b',
      reassigned: 1,
    });
  });

  it('closes on a "solved" survey and reopens on "not solved", the rating as csat either way', () => {
    const solved: RequestState = { ...fresh, status: 'solved', resolvedAt: AT };
    expect(transition(solved, { type: 'survey', solved: true, rating: 4 }, AT)).toEqual({ csat: 4, status: 'closed', closedAt: AT });
    expect(transition(solved, { type: 'survey', solved: false, rating: 2 }, AT)).toMatchObject({ csat: 2, status: 'open', reopened: 1 });
  });

  it.each([
    [{ ...fresh, tier: 2 as const }, { type: 'escalate' as const }, 'already with tier 2'],
    [{ ...fresh, status: 'solved' as const }, { type: 'resolve' as const }, 'already resolved'],
    [fresh, { type: 'reopen' as const }, 'not resolved'],
    [fresh, { type: 'survey' as const, solved: true, rating: 5 }, 'once the request is resolved'],
    [{ ...fresh, status: 'closed' as const }, { type: 'customer-reply' as const }, 'closed'],
    [fresh, { type: 'auto-close' as const }, 'Only a resolved request'],
  ])('refuses what the state does not allow (%#)', (state, event, message) => {
    expect(() => transition(state, event, AT)).toThrow(LifecycleRefusal);
    expect(() => transition(state, event, AT)).toThrow(message);
  });
});

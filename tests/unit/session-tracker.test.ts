import { describe, expect, it } from 'vitest';
import { SessionTracker, type RecentSessionsLoader } from '../../api/lib/ingest/sessions.ts';
import type { LastEvent } from '../../api/db/queries/events.ts';

const at = (iso: string) => new Date(iso);

/** A loader over a fixed list of stored events that records each call. */
function storedEvents(events: LastEvent[]) {
  const calls: Array<[string, string]> = [];
  const load: RecentSessionsLoader = async (since, until) => {
    calls.push([since, until]);
    return events.filter((e) => e.created_at >= since && e.created_at <= until);
  };
  return { load, calls };
}

describe('SessionTracker', () => {
  it('continues a session stored 29 minutes before its first event and loads the stored ones once', async () => {
    const { load, calls } = storedEvents([{ visitor: 'v1', session: 'stored-1', created_at: '2026-11-27T07:31:00.000Z' }]);
    const tracker = new SessionTracker(load);
    expect(await tracker.sessionFor('v1', at('2026-11-27T08:00:00Z'))).toBe('stored-1');
    await tracker.sessionFor('v2', at('2026-11-27T08:01:00Z'));
    expect(calls).toEqual([['2026-11-27T07:30:00.000Z', '2026-11-27T08:00:00.000Z']]);
  });

  it('starts a new session when the stored event is over 30 minutes old', async () => {
    const { load } = storedEvents([{ visitor: 'v1', session: 'stored-1', created_at: '2026-11-27T07:29:59.000Z' }]);
    const tracker = new SessionTracker(load);
    const session = await tracker.sessionFor('v1', at('2026-11-27T08:00:00Z'));
    expect(session).not.toBe('stored-1');
    expect(await tracker.sessionFor('v1', at('2026-11-27T08:10:00Z'))).toBe(session);
  });

  it('counts the gap from the last event, not the first', async () => {
    const tracker = new SessionTracker(storedEvents([]).load);
    const first = await tracker.sessionFor('v1', at('2026-11-27T08:00:00Z'));
    expect(await tracker.sessionFor('v1', at('2026-11-27T08:25:00Z'))).toBe(first);
    expect(await tracker.sessionFor('v1', at('2026-11-27T08:50:00Z'))).toBe(first);
    expect(await tracker.sessionFor('v1', at('2026-11-27T09:20:01Z'))).not.toBe(first);
  });

  it('tries the load again after it failed instead of forgetting open sessions', async () => {
    let fail = true;
    const tracker = new SessionTracker(async () => {
      if (fail) throw new Error('database is locked');
      return [{ visitor: 'v1', session: 'stored-1', created_at: '2026-11-27T07:50:00.000Z' }];
    });
    await expect(tracker.sessionFor('v1', at('2026-11-27T08:00:00Z'))).rejects.toThrow('database is locked');
    fail = false;
    expect(await tracker.sessionFor('v1', at('2026-11-27T08:00:00Z'))).toBe('stored-1');
  });
});

/**
 * What replicas must agree on (issue 13; docs/design.md §6), with two app instances on one
 * database (tests/support/replicas.ts): on PostgreSQL two pools, on SQLite two connections
 * to one file. Sessions across replicas; the daily salt; the roll-up folding; the demo seed.
 */
import { describe, expect, it } from 'vitest';
import { visitorRequest } from '../support/app.ts';
import { manualClock } from '../support/clock.ts';
import { queryColumn, queryRows } from '../support/database.ts';
import { twoReplicas } from '../support/replicas.ts';

const events = (list: unknown[], ip = '198.51.100.20') => {
  const [request, env] = visitorRequest({ events: list }, { ip });
  return ['/api/events', request, env] as const;
};
const view = { type: 'page_view', article: 'en/reset-password', lang: 'en' };

describe('sessions across replicas', () => {
  it('keep one session for a visitor whose requests alternate between two replicas', async () => {
    const clock = manualClock('2026-11-27T10:00:00Z');
    const { apps, dbs } = await twoReplicas({ now: clock.now });
    // 0, 10, 25, 50 and 75 minutes: every gap under 30 minutes, so one session throughout,
    // though each replica alone sees gaps of 25 and more; then 106 minutes, a new session.
    for (const [i, minutes] of [0, 10, 25, 50, 75, 106].entries()) {
      clock.set(new Date(Date.parse('2026-11-27T10:00:00Z') + minutes * 60_000).toISOString());
      expect((await apps[i % 2]!.request(...events([view]))).status).toBe(202);
    }
    const sessions = await queryColumn<string>(dbs[0], 'select session from events order by id');
    expect(sessions).toHaveLength(6);
    expect(new Set(sessions.slice(0, 5)).size).toBe(1);
    expect(sessions[5]).not.toBe(sessions[0]);
    // Both replicas read the same stored session.
    expect(await queryRows(dbs[1], 'select count(distinct session) as n from events')).toEqual([{ n: 2 }]);
  });

  it('put a visitor’s first requests sent to both replicas at the same moment in one session', async () => {
    const clock = manualClock('2026-11-27T10:00:00Z');
    const { apps, dbs } = await twoReplicas({ now: clock.now });
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => apps[i % 2]!.request(...events([view, { type: 'search', query: `q${i}`, results: 1 }]))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(202));
    expect(await queryColumn(dbs[0], 'select count(distinct session) from events')).toEqual([1]);
    expect(await queryColumn(dbs[0], 'select count(*) from events')).toEqual([20]);
  });

  it('keep visitors apart: another visitor on the other replica gets a session of its own', async () => {
    const { apps, dbs } = await twoReplicas({ now: manualClock().now });
    await apps[0].request(...events([view], '198.51.100.21'));
    await apps[1].request(...events([view], '198.51.100.22'));
    await apps[0].request(...events([view], '198.51.100.22'));
    const rows = await queryRows<{ visitor: string; session: string }>(dbs[0], 'select visitor, session from events order by id');
    expect(rows[0]!.session).not.toBe(rows[1]!.session);
    expect(rows[2]!.session).toBe(rows[1]!.session);
  });
});

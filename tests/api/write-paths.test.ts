/**
 * The hot-path writers agree with the portable Kysely path on each database: on SQLite the
 * prepared statements, on PostgreSQL the multi-row upserts (votes.ts, events.ts).
 */
import { describe, expect, it } from 'vitest';
import { eventWriter, insertEvents, recordEventsStepByStep, type EventBatch } from '../../api/db/queries/events.ts';
import { upsertVotes, voteWriter, type VoteRow } from '../../api/db/queries/votes.ts';
import { RateLimiter } from '../../api/lib/ingest/rate-limit.ts';
import { freshDatabase, queryRow, queryRows, testDialect } from '../support/database.ts';

const vote = (visitor: string, helpful: boolean, reason: string | null = null): VoteRow => ({
  article: 'en/a',
  visitor,
  day: '2026-11-27',
  helpful,
  reason,
  comment: null,
  lang: 'en',
  at: '2026-11-27T10:00:00.000Z',
});

const hotPath = testDialect === 'sqlite' ? 'prepared' : 'multi-row';

describe(`the ${hotPath} and the Kysely write paths`, () => {
  it('store votes identically and tell created from replaced, a re-vote in the same batch included', async () => {
    const batch = [vote('v1', true), vote('v2', false, 'unclear'), vote('v1', false, 'outdated'), vote('v1', true)];
    const results = [];
    for (const hot of [true, false]) {
      const { db, sqlite } = await freshDatabase();
      // The writer the API uses on this database, then the portable one it must agree with.
      const outcomes = await (hot ? voteWriter(db, sqlite)(batch) : upsertVotes(db, batch));
      const rows = await queryRows(db, 'select visitor, helpful, reason, revision from votes order by visitor');
      results.push({ outcomes, rows });
    }
    expect(results[0]).toEqual(results[1]);
    expect(results[0]!.outcomes).toEqual(['created', 'created', 'replaced', 'replaced']);
    expect(results[0]!.rows).toEqual([
      { visitor: 'v1', helpful: 1, reason: null, revision: 3 },
      { visitor: 'v2', helpful: 0, reason: 'unclear', revision: 1 },
    ]);
  });

  it('store events identically, missing fields as null, and decide their sessions alike', async () => {
    const t0 = Date.parse('2026-11-27T10:00:00.000Z');
    const batch = (visitor: string, minutes: number, session: string): EventBatch => {
      const at = t0 + minutes * 60_000;
      const created_at = new Date(at).toISOString();
      return { claim: { visitor, session, at }, rows: [{ type: 'search', visitor, created_at, query: 'x', query_norm: 'x', results: 0 }] };
    };
    // v: 0 and 29 min are one session, 60 min (31 after the last) a new one; w's two batches in one transaction.
    const batches = [batch('v', 0, 's1'), batch('w', 1, 's2'), batch('w', 5, 's3'), batch('v', 29, 's4'), batch('v', 60, 's5')];
    const dumps = [];
    for (const hot of [true, false]) {
      const { db, sqlite } = await freshDatabase();
      // The server's writer (SQLite's prepared statements; PostgreSQL's kb_record_events) against the statement-by-statement path.
      const write = hot ? eventWriter(db, sqlite) : (b: EventBatch[]) => recordEventsStepByStep(db, b);
      await write(batches.slice(0, 3));
      await write(batches.slice(3));
      dumps.push(await queryRows(db, 'select * from events order by id'));
    }
    expect(dumps[0]).toEqual(dumps[1]);
    expect(dumps[0]).toEqual([
      expect.objectContaining({ id: 1, type: 'search', results: 0, article: null, lang: null }),
      ...Array(4).fill(expect.anything()),
    ]);
    expect(dumps[0]!.map((r) => r.session)).toEqual(['s1', 's2', 's2', 's1', 's5']);
  });

  it('insert events with their sessions given (the seed, the bench)', async () => {
    const { db } = await freshDatabase();
    await insertEvents(db, [
      { type: 'search', visitor: 'v', session: 's', created_at: '2026-11-27T10:00:00.000Z', query: 'x', query_norm: 'x', results: 0 },
    ]);
    expect(await queryRows(db, 'select session, lang from events')).toEqual([{ session: 's', lang: null }]);
  });

  it('roll back a whole vote batch when one row fails', async () => {
    const { db, sqlite } = await freshDatabase();
    const write = voteWriter(db, sqlite);
    await expect(write([vote('v1', true), { ...vote('v2', true), article: null as unknown as string }])).rejects.toThrow();
    expect(await queryRow(db, 'select count(*) as n from votes')).toEqual({ n: 0 });
  });
});

describe('rate limiter', () => {
  it('refuses over the limit and allows again in the next window', () => {
    const limiter = new RateLimiter(2, 60_000);
    expect(limiter.consume('a', 0).allowed).toBe(true);
    expect(limiter.consume('a', 1).allowed).toBe(true);
    expect(limiter.consume('a', 2)).toEqual({ allowed: false, retryAfter: 60 });
    expect(limiter.consume('a', 60_000).allowed).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { eventWriter } from '../../api/db/queries/events.ts';
import { voteWriter, type VoteRow } from '../../api/db/queries/votes.ts';
import { RateLimiter } from '../../api/lib/ingest/rate-limit.ts';
import { migratedDatabase } from '../support/database.ts';

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

describe('the prepared and the Kysely write paths', () => {
  it('store votes identically and tell created from replaced', async () => {
    const batch = [vote('v1', true), vote('v2', false, 'unclear'), vote('v1', false, 'outdated')];
    const results = [];
    for (const withSqlite of [true, false]) {
      const { db, sqlite } = await migratedDatabase();
      const outcomes = await voteWriter(db, withSqlite ? sqlite : undefined)(batch);
      const rows = sqlite.prepare('select visitor, helpful, reason, revision from votes order by visitor').all();
      results.push({ outcomes, rows });
    }
    expect(results[0]).toEqual(results[1]);
    expect(results[0]!.outcomes).toEqual(['created', 'created', 'replaced']);
  });

  it('store events identically, missing fields as null', async () => {
    const rows = [
      { type: 'search', visitor: 'v', session: 's', created_at: '2026-11-27T10:00:00.000Z', query: 'x', query_norm: 'x', results: 0 },
    ];
    const dumps = [];
    for (const withSqlite of [true, false]) {
      const { db, sqlite } = await migratedDatabase();
      await eventWriter(db, withSqlite ? sqlite : undefined)(rows);
      dumps.push(sqlite.prepare('select * from events').all());
    }
    expect(dumps[0]).toEqual(dumps[1]);
    expect(dumps[0]).toEqual([expect.objectContaining({ type: 'search', results: 0, article: null, lang: null })]);
  });

  it('roll back a whole vote batch when one row fails', async () => {
    const { db, sqlite } = await migratedDatabase();
    const write = voteWriter(db, sqlite);
    await expect(write([vote('v1', true), { ...vote('v2', true), article: null as unknown as string }])).rejects.toThrow();
    expect(sqlite.prepare('select count(*) as n from votes').get()).toEqual({ n: 0 });
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

/**
 * Two API replicas writing to one PostgreSQL database at once: overlapping vote batches in
 * opposite orders both commit (rows are locked in key order, so no deadlock turns into a 503),
 * and the unique rule keeps one vote per visitor, article and day.
 * PostgreSQL only (vitest.config.ts POSTGRES_ONLY): SQLite serves one process.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase, type PostgresDatabase } from '../../api/db/index.ts';
import { voteWriter, type VoteRow } from '../../api/db/queries/votes.ts';
import { freshDatabase, queryValue } from '../support/database.ts';

const vote = (visitor: string, helpful: boolean): VoteRow => ({
  article: 'en/a',
  visitor,
  day: '2026-11-27',
  helpful,
  reason: null,
  comment: null,
  lang: 'en',
  at: '2026-11-27T10:00:00.000Z',
});

describe('two replicas on one PostgreSQL database', () => {
  it('commit overlapping vote batches written in opposite orders, one vote per visitor', async () => {
    const first = (await freshDatabase()) as PostgresDatabase;
    const second = openDatabase({ url: first.pool.options.connectionString!, poolSize: 2 });
    try {
      const writers = [voteWriter(first.db), voteWriter(second.db)];
      const visitors = Array.from({ length: 200 }, (_, i) => `visitor-${String(i).padStart(3, '0')}`);
      for (let round = 0; round < 10; round++) {
        const batch = visitors.map((v) => vote(v, round % 2 === 0));
        const outcomes = await Promise.all([writers[0]!(batch), writers[1]!([...batch].reverse())]);
        expect(outcomes.flat()).toHaveLength(400);
      }
      expect(await queryValue(first.db, 'select count(*) from votes')).toBe(200);
      // 10 rounds of 2 writers: the first write of each visitor created it, the 19 others replaced it.
      expect(await queryValue(first.db, 'select sum(revision) from votes')).toBe(200 * 20);
    } finally {
      await second.close();
    }
  });
});

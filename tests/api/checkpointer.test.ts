/**
 * The background WAL checkpointer: committed pages reach the database file without any
 * commit copying them, and SQLite's own checkpoints come back when the worker stops or dies.
 * SQLite only (vitest.config.ts SQLITE_ONLY): PostgreSQL checkpoints in its own server processes.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { BACKSTOP_PAGES, startCheckpointer } from '../../api/db/driver/checkpointer.ts';
import { voteWriter, type VoteRow } from '../../api/db/queries/votes.ts';
import { migratedDatabase } from '../support/database.ts';
import { eventually } from '../support/eventually.ts';
import { tempDir } from '../support/temp-dir.ts';

let dir: string;
beforeEach(() => {
  dir = tempDir('kb-checkpoint-');
});

async function fileDatabase() {
  const file = join(dir, 'kb.sqlite');
  const opened = await migratedDatabase(file);
  // Start from a checkpointed file, so its size only grows when a checkpoint copies pages.
  opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return opened;
}

/** 2,000 votes in 40 commits: a few hundred WAL pages, under the backstop. */
async function writeVotes(write: (votes: VoteRow[]) => Promise<unknown>) {
  for (let batch = 0; batch < 40; batch++) {
    await write(
      Array.from({ length: 50 }, (_, i) => ({
        article: 'en/a',
        visitor: `visitor-${batch}-${i}`,
        day: '2026-11-27',
        helpful: i % 2 === 0,
        reason: null,
        comment: 'x'.repeat(200),
        lang: 'en',
        at: '2026-11-27T10:00:00.000Z',
      })),
    );
  }
}

describe('startCheckpointer', () => {
  it('copies committed pages into the database file while no commit checkpoints', async () => {
    const { file, db, sqlite } = await fileDatabase();
    const checkpointer = startCheckpointer(sqlite, file, { intervalMs: 20 });
    try {
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_PAGES);
      const before = statSync(file).size;
      await writeVotes(voteWriter(db, sqlite));
      expect(await eventually(() => statSync(file).size > before)).toBe(true);
    } finally {
      await checkpointer.stop();
      sqlite.close();
    }
  });

  it('leaves the pages in the WAL without it (the control for the test above)', async () => {
    const { file, db, sqlite } = await fileDatabase();
    sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
    const before = statSync(file).size;
    await writeVotes(voteWriter(db, sqlite));
    await new Promise((r) => setTimeout(r, 200));
    expect(statSync(file).size).toBe(before);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    sqlite.close();
  });

  it('gives checkpoints back to the commits when stopped', async () => {
    const { file, sqlite } = await fileDatabase();
    await startCheckpointer(sqlite, file).stop();
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    sqlite.close();
  });

  it('gives checkpoints back to the commits when the worker dies', async () => {
    const { sqlite } = await fileDatabase();
    // A worker that cannot open its file fails at once, as a crashed one would.
    startCheckpointer(sqlite, join(dir, 'missing', 'kb.sqlite'));
    expect(await eventually(() => sqlite.pragma('wal_autocheckpoint', { simple: true }) === 1000)).toBe(true);
    sqlite.close();
  });
});

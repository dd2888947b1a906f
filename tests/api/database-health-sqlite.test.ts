/**
 * Issue 14, class "headers and health", on SQLite: with a third of the votes table's pages
 * overwritten, /api/health answers 503 from the deep check (PRAGMA quick_check) instead of ok.
 */
import { closeSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { openDatabase } from '../../api/db/index.ts';
import { testCatalog } from '../support/catalog.ts';
import { migratedDatabase } from '../support/database.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('database health on SQLite', () => {
  it('answers 503 naming the integrity check when a third of the votes pages are overwritten', async () => {
    const file = join(tempDir(), 'kb.sqlite');
    const { db, sqlite } = await migratedDatabase(file);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = 4096;
    // The pages after these are the votes written next (the table and its indexes).
    const before = Math.ceil(statSync(file).size / pageSize);
    // 6,000 votes fill a few hundred pages at the end of the file.
    const insert = sqlite.prepare(
      'insert into votes (article, visitor, day, helpful, reason, comment, lang, created_at, updated_at) values (?, ?, ?, 1, null, ?, ?, ?, ?)',
    );
    sqlite.transaction(() => {
      for (let i = 0; i < 6000; i++)
        insert.run(
          'en/reset-password',
          `visitor-${i}`,
          '2026-11-27',
          'x'.repeat(100),
          'en',
          '2026-11-27T10:00:00.000Z',
          '2026-11-27T10:00:00.000Z',
        );
    })();
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await db.destroy();

    // Overwrite every third page the votes took with noise.
    const pages = Math.floor(statSync(file).size / pageSize);
    const fd = openSync(file, 'r+');
    const header = Buffer.alloc(100);
    readSync(fd, header, 0, 100, 0);
    expect(header.readUInt16BE(16)).toBe(pageSize);
    for (let page = before + 1; page <= pages; page += 3) writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
    closeSync(fd);

    const reopened = openDatabase(file);
    const app = createApp({ db: reopened.db, sqlite: reopened.sqlite, catalog: testCatalog() });
    const res = await app.request('/api/health');
    expect(pages - before).toBeGreaterThan(30);
    expect(res.status).toBe(503);
    const { error } = (await res.json()) as { error: { code: string; details: Array<{ field: string }> } };
    expect(error.code).toBe('database_damaged');
    await reopened.close();
  });
});

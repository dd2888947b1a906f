/**
 * Issue 14, class "headers and health" (the health half): /api/health reads every table and
 * names the one that does not answer; start-up errors name the database.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAndMigrate } from '../../api/db/open-named.ts';
import { applicationTables, deepCheck, probeTables } from '../../api/db/health.ts';
import { testApp } from '../support/app.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('database health', () => {
  it('says which tables it read', async () => {
    const { app } = await testApp();
    const body = (await (await app.request('/api/health')).json()) as { status: string; tables: string[] };
    expect(body.status).toBe('ok');
    expect(body.tables).toEqual(expect.arrayContaining(['votes', 'events', 'tickets', 'webhook_deliveries', 'training_records']));
  });

  it('names each table that does not answer a read, on this database', async () => {
    const { db } = await testApp();
    const problems = await probeTables(db, ['votes', 'no_such_table']);
    expect(problems.map((p) => p.table)).toEqual(['no_such_table']);
  });

  it('passes the deep check of a sound database', async () => {
    const { db } = await testApp();
    expect(await deepCheck(db, await applicationTables(db))).toEqual([]);
  });
});

describe('start-up errors name the database', () => {
  it('names the SQLite file that is not a database', async () => {
    const file = join(tempDir(), 'kb.sqlite');
    writeFileSync(file, 'this is not a database file, it is text '.repeat(200));
    await expect(openAndMigrate({ file })).rejects.toThrow(
      new RegExp(`^Database ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*not a database`),
    );
  });
});

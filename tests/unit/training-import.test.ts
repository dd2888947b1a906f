/** The training and roster CSV importers: bad rows by line, good rows kept, unusable files write nothing. */
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../api/db/index.ts';
import { listRoster, listTrainingRecords } from '../../api/db/queries/training.ts';
import { TrainingFileError } from '../../scripts/lib/training/csv-file.ts';
import { importTrainingFile } from '../../scripts/lib/training/records.ts';
import { importRosterFile } from '../../scripts/lib/training/roster.ts';
import { migratedDatabase } from '../support/database.ts';
import { tempFile, tempDir } from '../support/temp-dir.ts';

const articleTypes = new Map([
  ['en/train-lic', 'training'],
  ['en/lic-faq', 'faq'],
]);
const now = new Date('2026-04-15T00:00:00Z');
const file = (name: string, text: string) => tempFile(name, text, 'training-import-');

let db: Db;
beforeEach(async () => {
  ({ db } = await migratedDatabase());
});

describe('import:training', () => {
  it('keeps the good rows and reports each bad one with its line', async () => {
    const csv = file(
      'records.csv',
      [
        'Agent,Article,Completed_At', // header: any case
        'alice,en/train-lic,2026-03-01', // line 2: good
        'bob,en/lic-faq,2026-03-01', // line 3: not a training article
        'carol,en/train-lic,2026-02-30', // line 4: no such date
        'dave,en/nope,2026-03-01', // line 5: unknown article
        ',en/train-lic,2026-03-01', // line 6: no agent
        'erin,en/train-lic,2026-05-01', // line 7: in the future
        '"frank, jr.",en/train-lic,2026-03-02T09:00:00+08:00', // line 8: good, quoted comma
      ].join('\n'),
    );
    const summary = await importTrainingFile(db, csv, { articleTypes, now });
    expect(summary).toMatchObject({ rows: 7, inserted: 2, duplicates: 0, errors: 5 });
    expect(summary.problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7]);
    expect(summary.problems[0]!.message).toMatch(/^article: "en\/lic-faq" is a faq article/);
    expect(summary.problems[1]!.message).toMatch(/^completed_at: /);
    expect(summary.problems[3]!.message).toMatch(/^agent: /);
    const stored = await listTrainingRecords(db);
    expect(stored.map((r) => [r.agent, r.completedAt])).toEqual([
      ['frank, jr.', '2026-03-02T01:00:00.000Z'],
      ['alice', '2026-03-01T00:00:00.000Z'],
    ]);
    expect(stored[0]!.createdBy).toBe('import:records.csv');
  });

  it('counts a re-import and a repeated row as duplicates instead of doubling them', async () => {
    const csv = file('twice.csv', 'agent,article,completed_at\nalice,en/train-lic,2026-03-01\nalice,en/train-lic,2026-03-01T00:00:00Z\n');
    expect(await importTrainingFile(db, csv, { articleTypes, now })).toMatchObject({ inserted: 1, duplicates: 1 });
    expect(await importTrainingFile(db, csv, { articleTypes, now })).toMatchObject({ inserted: 0, duplicates: 2 });
    expect(await listTrainingRecords(db)).toHaveLength(1);
  });

  it('writes nothing for a file that cannot be read, is not CSV or lacks a column', async () => {
    await expect(importTrainingFile(db, join(tempDir('training-import-'), 'missing.csv'), { articleTypes, now })).rejects.toThrow(
      TrainingFileError,
    );
    await expect(
      importTrainingFile(db, file('broken.csv', 'agent,article,completed_at\n"alice,en/train-lic,2026-03-01\n'), { articleTypes, now }),
    ).rejects.toThrow(/not valid CSV/);
    await expect(importTrainingFile(db, file('columns.csv', 'agent,article\nalice,en/train-lic\n'), { articleTypes, now })).rejects.toThrow(
      /missing column\(s\) completed_at/,
    );
    expect(await listTrainingRecords(db)).toHaveLength(0);
  });

  it('writes nothing in a dry run', async () => {
    const csv = file('dry.csv', 'agent,article,completed_at\nalice,en/train-lic,2026-03-01\n');
    expect(await importTrainingFile(db, csv, { articleTypes, now, dryRun: true })).toMatchObject({ rows: 1, errors: 0, inserted: 0 });
    expect(await listTrainingRecords(db)).toHaveLength(0);
  });
});

describe('import:roster', () => {
  it('upserts by agent, the last row winning, and reports bad rows by line', async () => {
    const csv = file('roster.csv', 'agent,name,team\nalice,Alice An,Team A\nbob,,Team A\nalice,Alice An,Team B\n');
    const summary = await importRosterFile(db, csv, { now });
    expect(summary).toMatchObject({ rows: 3, inserted: 1, updated: 0, errors: 1 });
    expect(summary.problems).toEqual([{ line: 3, message: 'name: must not be empty' }]);
    expect(await listRoster(db)).toEqual([{ agent: 'alice', name: 'Alice An', team: 'Team B' }]);
    expect(await importRosterFile(db, file('again.csv', 'agent,name,team\nalice,Alice An,Team C\n'), { now })).toMatchObject({
      inserted: 0,
      updated: 1,
    });
  });
});

/**
 * Online backups: a copy taken while votes keep arriving holds every vote committed
 * before it started and passes integrity_check; the command refuses what it must.
 * SQLite only (vitest.config.ts SQLITE_ONLY): SQLite's online backup API; PostgreSQL's
 * counterpart, pg_dump, is tested in backup-postgres.test.ts.
 */
import SQLite from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { backupDatabase, backupDatabaseFile, BackupError } from '../../api/db/driver/backup.ts';
import { visitorRequest } from '../support/app.ts';
import { testCatalog } from '../support/catalog.ts';
import { runScript } from '../support/cli.ts';
import { migratedDatabase } from '../support/database.ts';
import { tempDir } from '../support/temp-dir.ts';

let dir: string;
beforeEach(() => {
  dir = tempDir('kb-backup-');
});

/** The real app over a database file, and a way to post a vote with a unique comment. */
async function fileApp() {
  const file = join(dir, 'kb.sqlite');
  const { db, sqlite } = await migratedDatabase(file);
  const app = createApp({
    db,
    catalog: testCatalog(),
  });
  let visitor = 0;
  /** Each vote comes from a new visitor, so it is a new row whose comment identifies it. */
  const vote = async (comment: string) => {
    visitor++;
    const ip = `198.18.${(visitor >> 8) & 255}.${visitor & 255}`;
    const res = await app.request('/api/votes', ...visitorRequest({ article: 'en/reset-password', helpful: true, comment }, { ip }));
    if (res.status !== 201) throw new Error(`vote "${comment}" got ${res.status}: ${await res.text()}`);
  };
  return { file, db, sqlite, vote };
}

/** Votes in parallel chunks, like concurrent visitors. */
async function castVotes(vote: (comment: string) => Promise<void>, prefix: string, count: number) {
  for (let i = 0; i < count; i += 25)
    await Promise.all(Array.from({ length: Math.min(25, count - i) }, (_, k) => vote(`${prefix}-${i + k}`)));
}

function commentsIn(file: string): Set<string> {
  const copy = new SQLite(file, { readonly: true });
  try {
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    return new Set(copy.prepare('select comment from votes').pluck().all() as string[]);
  } finally {
    copy.close();
  }
}

describe('backupDatabase', () => {
  it('copies, while a writer keeps voting between its steps, every vote committed before it started', async () => {
    const { sqlite, db, vote } = await fileApp();
    await castVotes(vote, 'before', 300);
    let writing = true;
    let during = 0;
    const writer = (async () => {
      while (writing) await vote(`during-${during++}`);
    })();
    // One page per step: the writer's commits land between the steps of the copy.
    const report = await backupDatabase(sqlite, join(dir, 'copy.sqlite'), { pagesPerStep: 1 });
    const votesWhileCopying = during;
    writing = false;
    await writer;
    expect(report.steps).toBeGreaterThan(5);
    expect(votesWhileCopying).toBeGreaterThan(0);
    const comments = commentsIn(report.file);
    for (let i = 0; i < 300; i++) expect(comments.has(`before-${i}`), `before-${i}`).toBe(true);
    expect(report.integrity).toBe('ok');
    expect(report.rows.votes).toBe(comments.size);
    await db.destroy();
  });

  it('copies a database file from its own connection, as the command does, while another process writes', async () => {
    const { file, sqlite, db, vote } = await fileApp();
    await castVotes(vote, 'before', 100);
    // The server's role: another process committing one row per transaction, in order.
    const script = `const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.pragma('busy_timeout = 5000');
      const ins = db.prepare("insert into votes (article, visitor, day, helpful, comment, created_at, updated_at) values ('en/reset-password', ?, '2026-11-27', 1, ?, '', '')");
      for (let i = 0; ; i++) { ins.run('ext-' + i, 'ext-' + i); if (i === 0) process.stdout.write('ready\\n'); }`;
    const writer = spawn(process.execPath, ['-e', script, file], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((ready, fail) => {
        writer.stdout.once('data', () => ready());
        writer.once('exit', (code) => fail(new Error(`the writer exited with ${code}`)));
      });
      const committedBefore = sqlite.prepare("select count(*) from votes where comment like 'ext-%'").pluck().get() as number;
      const report = await backupDatabaseFile(file, join(dir, 'copy.sqlite'));
      const comments = commentsIn(report.file);
      const external = [...comments].filter((c) => c.startsWith('ext-')).length;
      // One snapshot: the external rows in the copy are exactly ext-0 … ext-(n-1), no gaps.
      expect(external).toBeGreaterThanOrEqual(committedBefore);
      for (let i = 0; i < external; i++) expect(comments.has(`ext-${i}`), `ext-${i}`).toBe(true);
      for (let i = 0; i < 100; i++) expect(comments.has(`before-${i}`), `before-${i}`).toBe(true);
    } finally {
      writer.kill('SIGKILL');
      await db.destroy();
    }
  });

  it('refuses to replace an existing file unless forced', async () => {
    const { sqlite, db } = await fileApp();
    const target = join(dir, 'copy.sqlite');
    writeFileSync(target, 'an older backup');
    await expect(backupDatabase(sqlite, target)).rejects.toThrow(/already exists; .*--force/);
    const report = await backupDatabase(sqlite, target, { force: true });
    expect(report.integrity).toBe('ok');
    await db.destroy();
  });

  it('names a target folder that does not exist', async () => {
    const { sqlite, db } = await fileApp();
    await expect(backupDatabase(sqlite, join(dir, 'missing', 'copy.sqlite'))).rejects.toThrow(/the folder .*missing does not exist/);
    await db.destroy();
  });

  it('never creates a missing source database', async () => {
    const missing = join(dir, 'nothing.sqlite');
    await expect(backupDatabaseFile(missing, join(dir, 'copy.sqlite'))).rejects.toThrow(BackupError);
    await expect(backupDatabaseFile(missing, join(dir, 'copy.sqlite'))).rejects.toThrow(/No database at .*nothing\.sqlite/);
  });
});

describe('npm run db:backup', () => {
  const run = (args: string[], env: Record<string, string>) => runScript('scripts/db-backup.ts', args, { env });

  it('prints the size and the row count of each table, and refuses to overwrite', async () => {
    const { file, vote, db } = await fileApp();
    await castVotes(vote, 'cli', 3);
    await db.destroy();
    const target = join(dir, 'copy.sqlite');
    const first = run([target], { KB_DB: file });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/votes\s+3 rows/);
    expect(first.stdout).toMatch(/MB, \d+ tables, \d+ rows, integrity ok/);
    const again = run([target], { KB_DB: file });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists; choose another file or pass --force/);
  });

  it('fails with a message naming a missing database', () => {
    const result = run([join(dir, 'copy.sqlite')], { KB_DB: join(dir, 'absent.sqlite') });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/No database at .*absent\.sqlite/);
  });
});

/** `npm run seed`: the command around the demo seed (seed.test.ts), on a SQLite file (its --db). */
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeManifest } from '../support/catalog.ts';
import { runScript } from '../support/cli.ts';
import { tempDir } from '../support/temp-dir.ts';
import { seedArticles as articles } from './seed-fixture.ts';

describe('npm run seed', () => {
  let work: string;
  let dist: string;
  beforeEach(() => {
    work = tempDir('kb-seed-');
    dist = join(work, 'dist');
    writeManifest(dist, articles);
  });
  const run = (args: string[], env: Record<string, string> = {}) =>
    runScript('scripts/seed.ts', args, { env: { KB_DIST_DIR: dist, ...env } });

  it('rejects a bad --days with exit 2, naming the flag', () => {
    const result = run(['--days', 'ninety', '--db', join(work, 'bad.sqlite')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--days must be a whole number from 1 to 731, got "ninety"/);
  });

  it('seeds an empty database, then refuses it with exit 2', () => {
    const db = join(work, 'kb.sqlite');
    const first = run(['--days', '2', '--seed', '7', '--now', '2026-11-27T10:00:00Z', '--db', db]);
    expect(first.status, first.stderr).toBe(0);
    // 2 days × 1,200 = 2,400 events; 2 × 45 = 90 votes; 2 × 30 = 60 tickets.
    expect(first.stdout).toMatch(/2400 events in \d+ sessions, 90 votes, 60 tickets/);
    const second = run(['--days', '2', '--db', db]);
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(/already has data \(events, votes, tickets/);
  });

  it('asks for a build when there is none, with exit 1', () => {
    const result = run(['--db', join(work, 'none.sqlite')], { KB_DIST_DIR: join(work, 'no-dist') });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Run "npm run build" first/);
  });
});

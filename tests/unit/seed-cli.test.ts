/** `npm run seed`: the command around the demo seed (seed.test.ts), on a SQLite file (its --db). */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_PATH } from '../../api/lib/catalog/catalog.ts';
import { childEnv } from '../support/database.ts';
import { seedArticles as articles } from './seed-fixture.ts';

const root = resolve(import.meta.dirname, '../..');

describe('npm run seed', () => {
  const work = mkdtempSync(join(tmpdir(), 'kb-seed-'));
  const dist = join(work, 'dist');
  mkdirSync(join(dist, 'kb-build'), { recursive: true });
  writeFileSync(join(dist, MANIFEST_PATH), JSON.stringify({ version: 1, builtAt: '2026-11-27T00:00:00Z', audience: 'public', articles }));
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', ...args], {
      cwd: root,
      env: childEnv({ KB_DIST_DIR: dist, ...env }),
      encoding: 'utf8',
    });

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

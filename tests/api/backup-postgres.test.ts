/**
 * `npm run db:backup` on PostgreSQL (DATABASE_URL): a pg_dump that pg_restore brings back row
 * for row, the refusals of the SQLite backup, and a clear failure when pg_dump is missing.
 * PostgreSQL only (vitest.config.ts POSTGRES_ONLY): the counterpart of backup.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertVotes } from '../../api/db/queries/votes.ts';
import { postgresBin } from '../support/postgres/server.ts';
import { runScript } from '../support/cli.ts';
import { freshDatabase, queryValue } from '../support/database.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kb-pgdump-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Debian's versioned binaries first: the pg_dump of the test server's version. */
const PATH_WITH_PG_DUMP = `${postgresBin()}${delimiter}${process.env.PATH ?? ''}`;

const run = (args: string[], env: Record<string, string>) => runScript('scripts/db-backup.ts', args, { env });

const urlOf = (opened: Awaited<ReturnType<typeof freshDatabase>>) =>
  opened.dialect === 'postgres' ? opened.pool.options.connectionString! : '';

async function withVotes(n: number) {
  const opened = await freshDatabase();
  await upsertVotes(
    opened.db,
    Array.from({ length: n }, (_, i) => ({
      article: 'en/a',
      visitor: `v${i}`,
      day: '2026-11-27',
      helpful: i % 2 === 0,
      reason: null,
      comment: `dump-${i}`,
      lang: 'en',
      at: '2026-11-27T10:00:00.000Z',
    })),
  );
  return opened;
}

describe('npm run db:backup with DATABASE_URL', () => {
  it('writes a pg_dump that pg_restore brings back with every row', async () => {
    const source = await withVotes(25);
    const target = join(dir, 'kb.dump');
    const result = run([target], { DATABASE_URL: urlOf(source), PATH: PATH_WITH_PG_DUMP });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Backed up .* MB \(pg_dump custom format; restore with pg_restore\)/);
    const restored = await freshDatabase({ migrated: false });
    const restore = spawnSync(join(postgresBin(), 'pg_restore'), ['--no-owner', `--dbname=${urlOf(restored)}`, target], {
      encoding: 'utf8',
    });
    expect(restore.status, restore.stderr).toBe(0);
    expect(await queryValue(restored.db, "select count(*) from votes where comment like 'dump-%'")).toBe(25);
    expect(await queryValue(restored.db, 'select count(*) from kysely_migration')).toBeGreaterThan(0);
  });

  it('refuses to overwrite a file without --force', async () => {
    const source = await withVotes(1);
    const target = join(dir, 'kb.dump');
    writeFileSync(target, 'older backup');
    const refused = run([target], { DATABASE_URL: urlOf(source), PATH: PATH_WITH_PG_DUMP });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/already exists; choose another file or pass --force/);
    const forced = run([target, '--force'], { DATABASE_URL: urlOf(source), PATH: PATH_WITH_PG_DUMP });
    expect(forced.status, forced.stderr).toBe(0);
  });

  it('fails without pg_dump on PATH, printing the commands to run, and writes nothing', async () => {
    const source = await withVotes(1);
    const target = join(dir, 'kb.dump');
    // A PATH with nothing on it (node is started by its full path).
    const result = run([target], { DATABASE_URL: urlOf(source), PATH: join(dir, 'empty-bin') });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/pg_dump is not on PATH, so no backup was made/);
    expect(result.stderr).toContain(`pg_dump --format=custom --file=${target} "$DATABASE_URL"`);
    expect(existsSync(target)).toBe(false);
  });
});

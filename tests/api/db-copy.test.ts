/**
 * `npm run db:copy`: a SQLite installation moved to PostgreSQL keeps every row of every table
 * (the same values, not only the same counts), answers every metric as it did, and takes new
 * rows with new ids; a target that has rows is refused.
 * PostgreSQL only (vitest.config.ts POSTGRES_ONLY): the copy's target is the leg's server.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { CopyError, copySqliteToPostgres } from '../../api/db/copy.ts';
import { migrate, openDatabase, type Db, type OpenedDatabase, type PostgresDatabase, type SqliteDatabase } from '../../api/db/index.ts';
import { insertEvents } from '../../api/db/queries/events.ts';
import { catchUpRollups } from '../../api/db/queries/rollups.ts';
import { insertToken } from '../../api/db/queries/tokens.ts';
import { migrations } from '../../api/db/migrations/index.ts';
import { insertStaffSession, insertStaffUser } from '../../api/db/queries/staff-users.ts';
import { seedDatabase } from '../../api/demo/index.ts';
import { METRICS } from '../../api/metrics/index.ts';
import { ADMIN_TOKEN } from '../support/app.ts';
import { runScript } from '../support/cli.ts';
import { freshDatabase, queryRows, queryValue } from '../support/database.ts';
import { catalog, NOW, SMALL, topics } from '../unit/seed-fixture.ts';

let dir: string;
let file: string;
let source: SqliteDatabase;

/** Every table of the schema, with a column order that makes its dump deterministic. */
const TABLE_ORDER: Record<string, string> = {
  agent_roster: 'agent',
  article_flags: 'id',
  drop_counts: 'day, reason',
  events: 'id',
  mail_outbox: 'id',
  metric_contact_buckets: 'bucket, lang',
  metric_query_days: 'day, lang, query_norm',
  metric_query_quarters: 'bucket, lang, query_norm',
  metric_search_buckets: 'bucket, lang',
  metric_session_buckets: 'bucket, lang',
  metric_view_days: 'day, article, lang',
  metric_view_quarters: 'bucket, article, lang',
  request_access: 'ticket_id',
  request_history: 'id',
  request_keys: 'ticket_id, key_hash',
  request_messages: 'id',
  settings: 'key',
  staff_password_links: 'token_hash',
  staff_sessions: 'id_hash',
  staff_tokens: 'id',
  staff_users: 'id',
  ticket_links: 'ticket_id, ticket_source, article, relation',
  tickets: 'source, id',
  training_records: 'id',
  visitor_salts: 'day',
  visitor_sessions: 'visitor',
  vote_comments_handled: 'vote_id',
  votes: 'id',
  webhook_deliveries: 'source, delivery_id',
};

async function dumpHash(db: Db, table: string): Promise<string> {
  return createHash('sha256')
    .update(JSON.stringify(await queryRows(db, `select * from ${table} order by ${TABLE_ORDER[table]}`)))
    .digest('hex');
}

const urlOf = (opened: OpenedDatabase) => (opened as PostgresDatabase).pool.options.connectionString!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kb-copy-'));
  file = join(dir, 'kb.sqlite');
  source = openDatabase(file);
  await migrate(source.db);
  await seedDatabase(source.db, { ...SMALL, sqlite: source.sqlite });
  await insertToken(source.db, 'Admin', 'admin', 'hash-of-a-token', NOW);
  const user = await insertStaffUser(source.db, { email: 'li.wei@example.com', displayName: 'Li Wei', role: 'lead', team: 'SH' }, NOW);
  await insertStaffSession(source.db, 'hash-of-a-session', user, NOW);
  await catchUpRollups(source.db);
});

afterAll(async () => {
  await source.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('copySqliteToPostgres', () => {
  it('copies every row of every table, value for value, and moves the id sequences on', async () => {
    const target = (await freshDatabase({ migrated: false })) as PostgresDatabase;
    const report = await copySqliteToPostgres(source, target);
    expect(Object.keys(report.rows)).toEqual(Object.keys(TABLE_ORDER));
    expect(report.migrated.target).toHaveLength(Object.keys(migrations).length);
    for (const table of Object.keys(TABLE_ORDER)) {
      expect(await queryValue(target.db, `select count(*) from ${table}`), table).toBe(report.rows[table]);
      expect(await dumpHash(target.db, table), table).toBe(await dumpHash(source.db, table));
    }
    expect(report.rows).toMatchObject({ events: 3000, votes: 300, tickets: 200, staff_tokens: 1, staff_users: 1, staff_sessions: 1 });
    // Every table keyed by a generated id has its sequence moved on (and only those).
    const identityTables = Object.keys(TABLE_ORDER).filter((table) => TABLE_ORDER[table] === 'id');
    expect(report.sequences).toEqual(identityTables.map((table) => `${table}.id`));
    // New rows continue after the copied ids instead of colliding with them.
    await insertEvents(target.db, [{ type: 'page_view', visitor: 'v', session: 's', created_at: NOW.toISOString() }]);
    expect(await queryValue(target.db, 'select max(id) from events')).toBe(3001);
    expect(await insertToken(target.db, 'Agent', 'agent', 'hash-of-another-token', NOW)).toBe(2);
  });

  it('answers every metric on the copy as on the original', async () => {
    const target = (await freshDatabase({ migrated: false })) as PostgresDatabase;
    await copySqliteToPostgres(source, target);
    const apps = [source.db, target.db].map((db) => createApp({ db, catalog, topics, adminToken: ADMIN_TOKEN, now: () => NOW }));
    const auth = { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } };
    for (const path of [
      '/api/metrics/summary?from=2026-11-20&to=2026-11-27&tz=UTC',
      ...METRICS.map((m) => `/api/metrics/${m.id}?from=2026-11-20&to=2026-11-27`),
    ]) {
      const [onSqlite, onPostgres] = await Promise.all(
        apps.map(async (app) => {
          const res = await app.request(path, auth);
          return { status: res.status, body: await res.json() };
        }),
      );
      expect(onSqlite!.status, path).toBe(200);
      expect(onPostgres, path).toEqual(onSqlite);
    }
  });

  it('refuses a target that already has rows, and writes nothing', async () => {
    const target = (await freshDatabase({ migrated: false })) as PostgresDatabase;
    await copySqliteToPostgres(source, target);
    await expect(copySqliteToPostgres(source, target)).rejects.toThrow(CopyError);
    await expect(copySqliteToPostgres(source, target)).rejects.toThrow(/not empty \(agent_roster, events, .*votes have rows\)/);
    expect(await queryValue(target.db, 'select count(*) from events')).toBe(3000);
  });
});

describe('npm run db:copy', () => {
  const run = (args: string[], env: Record<string, string> = {}) => runScript('scripts/db-copy.ts', args, { env });

  it('copies a SQLite file to an empty database, printing each table, then refuses to copy again', async () => {
    const target = await freshDatabase({ migrated: false });
    const first = run(['--from', file, '--to', urlOf(target)]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/events\s+3,000 rows/);
    expect(first.stdout).toMatch(
      new RegExp(`Copied ${Object.keys(TABLE_ORDER).length} tables, [\\d,]+ rows, equal counts on both sides, \\d+ id sequences moved on`),
    );
    const again = run(['--from', file, '--to', urlOf(target)]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/db:copy: The target database is not empty/);
  });

  it('copies from KB_DB to DATABASE_URL when neither flag is given', async () => {
    const target = await freshDatabase({ migrated: false });
    const result = run([], { KB_DB: file, DATABASE_URL: urlOf(target) });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Copying ${file} to postgres://`);
    expect(await queryValue(target.db, 'select count(*) from events')).toBe(3000);
  });

  it('asks for --to with exit 2, and names a missing SQLite file with exit 1', () => {
    const noTarget = run(['--from', file]);
    expect(noTarget.status).toBe(2);
    expect(noTarget.stderr).toMatch(/name the PostgreSQL database with --to/);
    const noSource = run(['--from', join(dir, 'absent.sqlite'), '--to', 'postgres://localhost/none']);
    expect(noSource.status).toBe(1);
    expect(noSource.stderr).toMatch(/No SQLite database at .*absent\.sqlite/);
  });
});

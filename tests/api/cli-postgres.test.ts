/**
 * The command-line tools work on PostgreSQL when DATABASE_URL names it, as on the SQLite file
 * KB_DB (tests/unit/*-cli.test.ts): a staff token made with `npm run token` and tickets
 * imported with `npm run import:tickets` land in the PostgreSQL database.
 * PostgreSQL only (vitest.config.ts POSTGRES_ONLY).
 */
import { describe, expect, it } from 'vitest';
import type { PostgresDatabase } from '../../api/db/index.ts';
import { runScript } from '../support/cli.ts';
import { freshDatabase, queryRows, queryValue } from '../support/database.ts';

const run = (script: string, args: string[], url: string) => runScript(script, args, { env: { DATABASE_URL: url } });

describe('the command-line tools with DATABASE_URL', () => {
  it('npm run token creates and lists a token in PostgreSQL, storing only its hash', async () => {
    const database = (await freshDatabase({ migrated: false })) as PostgresDatabase;
    const url = database.pool.options.connectionString!;
    const created = run('scripts/token.ts', ['create', '--role', 'trainer', '--name', 'Training team'], url);
    expect(created.status, created.stderr).toBe(0);
    const token = /^(kb_[A-Za-z0-9_-]{43})$/m.exec(created.stdout)?.[1];
    expect(created.stdout).toMatch(/Created trainer token #1 for "Training team" in postgres:\/\//);
    expect(run('scripts/token.ts', ['list'], url).stdout).toMatch(/#1\ttrainer\tTraining team/);
    expect(JSON.stringify(await queryRows(database.db, 'select * from staff_tokens'))).not.toContain(token!);
  });

  it('npm run import:tickets imports the ServiceNow sample into PostgreSQL', async () => {
    const database = (await freshDatabase()) as PostgresDatabase;
    const result = run(
      'scripts/import-tickets.ts',
      ['tests/fixtures/tickets/servicenow-incidents.sample.csv', '--format', 'servicenow'],
      database.pool.options.connectionString!,
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^50 rows: 50 inserted, 0 updated, 0 skipped, 0 errors in [\d.]+ s into postgres:\/\//m);
    expect(await queryValue(database.db, 'select count(*) from tickets')).toBe(50);
  });
});

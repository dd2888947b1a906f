import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../support/cli.ts';
import { readRows } from '../support/database.ts';
import { tempDir, tempFile } from '../support/temp-dir.ts';

const sample = 'tests/fixtures/tickets/servicenow-incidents.sample.csv';
const run = (args: string[], db: string) => runScript('scripts/import-tickets.ts', args, { env: { KB_DB: db } });
const tempDb = () => join(tempDir('kb-import-tickets-'), 'kb.sqlite');
const ticketCount = (db: string) => readRows<{ n: number }>(db, 'select count(*) as n from tickets')[0]!.n;

// Each test starts a Node process with tsx; on a loaded machine that alone can take seconds.
describe('npm run import:tickets', { timeout: 30_000 }, () => {
  it('imports the ServiceNow sample and prints a one-line summary', () => {
    const db = tempDb();
    const result = run([sample, '--format', 'servicenow'], db);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^50 rows: 50 inserted, 0 updated, 0 skipped, 0 errors in [\d.]+ s into /m);
    expect(ticketCount(db)).toBe(50);
  });

  it('writes nothing on --dry-run', () => {
    const db = tempDb();
    const result = run([sample, '--format', 'servicenow', '--dry-run'], db);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/50 valid \(dry run, nothing written\)/);
    expect(existsSync(db)).toBe(false);
  });

  it('stops with exit 1 and writes nothing for a file that is not JSON', () => {
    const db = tempDb();
    const file = tempFile('tickets.json', 'not json at all');
    const result = run([file, '--format', 'zendesk'], db);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/not JSON: .*; nothing was written/);
    expect(existsSync(db)).toBe(false);
  });

  it('exits 1 and names the line when a row is bad, keeping the good rows', () => {
    const db = tempDb();
    const result = run(['tests/fixtures/tickets/zendesk-tickets.json', '--format', 'zendesk'], db);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/zendesk-tickets\.json:47: skipped: priority: "critical"/);
    expect(ticketCount(db)).toBe(2);
  });

  it('refuses an unknown format with exit 2 and points to --help', () => {
    const result = run([sample, '--format', 'jira'], tempDb());
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--format must be one of csv, servicenow, zendesk, freshdesk, zammad/);
  });

  it('documents the ServiceNow rules in --help', () => {
    const result = run(['--help'], tempDb());
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Escalated \(tier 2\) =\s+reassignment_count ≥ 1/);
    expect(result.stdout).toMatch(/taken as UTC/);
  });
});

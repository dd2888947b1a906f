/**
 * Global setup of the `api-postgres` test project: a PostgreSQL server for the whole run
 * (KB_TEST_DATABASE_URL, or a throw-away one, server.ts) and a template database migrated
 * once, from which every test gets a fresh copy (tests/support/database.ts). When there is no
 * server, the setup does not throw (that would stop the SQLite leg too): it hands the reason
 * to the test files, and every file of the PostgreSQL leg fails with it (setup.ts).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate, openDatabase } from '../../../api/db/index.ts';
import { testConfig } from '../../../core/config/test.ts';
import { HOW_TO_GET_POSTGRES, startThrowAwayServer, type ThrowAwayServer } from './server.ts';
import { TEST_DATABASE_PREFIX, type PostgresTestServer } from './provided.ts';

/** The URL of `database` on the server behind `base` (same credentials and host). */
export function withDatabase(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function prepare(): Promise<{ server: PostgresTestServer; stop: () => Promise<void> }> {
  const external = testConfig().databaseUrl;
  let throwAway: ThrowAwayServer | undefined;
  let urlOf: (database: string) => string;
  if (external) {
    urlOf = (database) => withDatabase(external, database);
  } else {
    throwAway = await startThrowAwayServer();
    urlOf = throwAway.url;
  }
  // One run's databases share a prefix, so the end of the run (or the next run) finds them.
  const run = `${TEST_DATABASE_PREFIX}${randomBytes(4).toString('hex')}`;
  const template = `${run}_template`;
  // Databases are created from a connection to the URL's own database (`postgres` by default).
  const adminUrl = external ? external : urlOf('postgres');
  const admin = new pg.Client(adminUrl);
  try {
    await admin.connect();
  } catch (error) {
    await throwAway?.stop();
    throw new Error(`Cannot connect to KB_TEST_DATABASE_URL: ${(error as Error).message}`);
  }
  await admin.query(`create database "${template}"`);
  const opened = openDatabase({ url: urlOf(template), poolSize: 1 });
  await migrate(opened.db);
  await opened.close();
  const stop = async () => {
    if (throwAway) {
      await admin.end();
      return throwAway.stop();
    }
    // A shared server: drop this run's databases (any still open are closed by force).
    const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${run}%`]);
    for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
    await admin.end();
  };
  return { server: { adminUrl, run, template }, stop };
}

export default async function setup(project: TestProject) {
  try {
    const { server, stop } = await prepare();
    project.provide('postgres', server);
    return stop;
  } catch (error) {
    const message = (error as Error).message;
    project.provide('postgres', { unavailable: message.includes(HOW_TO_GET_POSTGRES) ? message : `${message}\n${HOW_TO_GET_POSTGRES}` });
    return undefined;
  }
}

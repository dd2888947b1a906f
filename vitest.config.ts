import { defineConfig } from 'vitest/config';

/**
 * The storage, API and metric tests run on both databases (docs/design.md §6): the `unit`
 * project on SQLite, the `api-postgres` project on PostgreSQL, the same files in both; the
 * files pick their database through tests/support/database.ts.
 */
const DATABASE_TESTS = [
  'tests/api/**/*.test.ts',
  // Unit tests that write to a database.
  'tests/unit/draft-article.test.ts',
  'tests/unit/import-tickets.test.ts',
  'tests/unit/seed.test.ts',
  'tests/unit/training-import.test.ts',
  'tests/unit/training-report-sharing.test.ts',
];
/** Mechanisms only SQLite has: the WAL checkpointer, its online backup file, the yielding driver. */
const SQLITE_ONLY = [
  'tests/api/checkpointer.test.ts',
  'tests/api/backup.test.ts',
  'tests/api/yielding-driver.test.ts',
  'tests/api/database-health-sqlite.test.ts',
];
/** Their PostgreSQL counterparts. */
const POSTGRES_ONLY = [
  'tests/api/backup-postgres.test.ts',
  'tests/api/db-copy.test.ts',
  'tests/api/event-order.test.ts',
  'tests/api/cli-postgres.test.ts',
  'tests/api/replica-writes.test.ts',
  'tests/api/two-replicas.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/api/**/*.test.ts'],
          exclude: POSTGRES_ONLY,
          environment: 'node',
          provide: { database: 'sqlite' },
          // Some tests start the CLIs or the server as child processes (tsx compiles on
          // start); on a busy 2-core machine that alone can take several seconds.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'api-postgres',
          include: DATABASE_TESTS,
          exclude: SQLITE_ONLY,
          environment: 'node',
          provide: { database: 'postgres' },
          // A PostgreSQL server for the run (KB_TEST_DATABASE_URL or a throw-away one) and a migrated template.
          globalSetup: ['tests/support/postgres/global-setup.ts'],
          setupFiles: ['tests/support/postgres/setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // One production build and one server for the whole browser suite.
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

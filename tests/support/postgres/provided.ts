/** What the PostgreSQL leg's global setup hands to the test files (vitest `provide`/`inject`). */

/** Every test database of a run is named `${TEST_DATABASE_PREFIX}<run id>_…`. */
export const TEST_DATABASE_PREFIX = 'kb_test_';

/** The server of the run. */
export interface PostgresTestServer {
  /** A connection URL with the right to CREATE DATABASE. */
  adminUrl: string;
  /** This run's prefix of database names. */
  run: string;
  /** The migrated template every fresh test database is copied from. */
  template: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Which database the tests of this project run on (vitest.config.ts). */
    database: 'sqlite' | 'postgres';
    /** The PostgreSQL leg's server, or why there is none. */
    postgres: PostgresTestServer | { unavailable: string };
  }
}

/**
 * Default values that other modules name too (help texts, the metrics' own defaults), so
 * each is written once. The schema (schema.ts) uses them as the variables' defaults.
 */

/** The SQLite database file when KB_DB is unset; relative to the current directory. */
export const DEFAULT_DB_FILE = 'data/kb.sqlite';

/** Connections a process keeps open to PostgreSQL when KB_DB_POOL_SIZE is unset. */
export const DEFAULT_DB_POOL_SIZE = 10;

/** The content folder when KB_CONTENT_DIR is unset. */
export const DEFAULT_CONTENT_DIR = 'content';

/** Where the build writes the site when KB_OUT_DIR is unset. */
export const DEFAULT_OUT_DIR = 'dist';

/** The port of the site and the API when PORT is unset. */
export const DEFAULT_PORT = 4321;

/** The interface the server listens on when HOST is unset: this machine only. */
export const DEFAULT_HOST = '127.0.0.1';

/** Days a training completion counts when KB_TRAINING_VALIDITY_DAYS is unset (docs/design.md §5). */
export const DEFAULT_TRAINING_VALIDITY_DAYS = 365;

/** Days an unresolved ticket is "too recent to judge" when KB_METRICS_MATURITY_DAYS is unset (docs/design.md §4, like-for-like periods). */
export const DEFAULT_MATURITY_DAYS = 7;

/** Debian's Chromium, which the browser tests and tools drive unless CHROMIUM_PATH names another. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Debian's postgresql-15 server binaries, from which the tests start a throw-away server unless KB_TEST_POSTGRES_BIN names others. */
export const DEFAULT_POSTGRES_BIN = '/usr/lib/postgresql/15/bin';

/** A staff sign-in ends after 8 hours without use (a working day)… */
export const DEFAULT_SESSION_IDLE_MINUTES = 480;

/** …and after 7 days in any case. */
export const DEFAULT_SESSION_MAX_HOURS = 168;

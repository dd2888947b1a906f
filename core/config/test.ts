/** Settings of the tests and the benchmarks: the browser they drive, the server knobs a benchmark varies, the PostgreSQL leg's server. */
import { processEnv, type Env } from './env.ts';
import { readVariables } from './read.ts';
import { namesReadBy } from './schema.ts';

/** What the tests and benchmarks run with. */
export interface TestConfig {
  /** The Chromium binary (CHROMIUM_PATH). */
  chromiumPath: string;
  /** Whether a benchmark's server runs WAL checkpoints in a background thread, as the server does (KB_CHECKPOINT_THREAD). */
  checkpointThread: boolean;
  /** The PostgreSQL server of the tests' PostgreSQL leg (KB_TEST_DATABASE_URL); undefined: a throw-away one. */
  databaseUrl: string | undefined;
  /** The binaries the throw-away server is started from (KB_TEST_POSTGRES_BIN). */
  postgresBin: string;
}

/** The tests' and benchmarks' settings from `env` (this process's by default). */
export function testConfig(env: Env = processEnv()): TestConfig {
  const v = readVariables(namesReadBy('test'), env);
  return {
    chromiumPath: v.CHROMIUM_PATH,
    checkpointThread: v.KB_CHECKPOINT_THREAD,
    databaseUrl: v.KB_TEST_DATABASE_URL,
    postgresBin: v.KB_TEST_POSTGRES_BIN,
  };
}

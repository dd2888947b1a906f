/** Settings of the tests and the benchmarks: the browser they drive, and the server knobs a benchmark varies. */
import { processEnv, type Env } from './env.ts';
import { readVariables } from './read.ts';
import { namesReadBy } from './schema.ts';

/** What the tests and benchmarks run with. */
export interface TestConfig {
  /** The Chromium binary (CHROMIUM_PATH). */
  chromiumPath: string;
  /** Whether a benchmark's server runs WAL checkpoints in a background thread, as the server does (KB_CHECKPOINT_THREAD). */
  checkpointThread: boolean;
}

/** The tests' and benchmarks' settings from `env` (this process's by default). */
export function testConfig(env: Env = processEnv()): TestConfig {
  const v = readVariables(namesReadBy('test'), env);
  return { chromiumPath: v.CHROMIUM_PATH, checkpointThread: v.KB_CHECKPOINT_THREAD };
}

/** The command-line tools run as `npm run <name>` runs them, for tests of their exit codes and output. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, where `npm run` starts every script. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Options of {@link runScript}. */
export interface RunOptions {
  /** Variables added to this process's environment (KB_DB, KB_DIST_DIR, …). */
  env?: Record<string, string>;
  /** Text on standard input. */
  input?: string;
  /** How long it may take (default 60 s: tsx compiles on start, and a busy machine is slow). */
  timeoutMs?: number;
}

/** Runs `script` (a path from the root, e.g. `scripts/token.ts`) with `args` and waits for it to end. */
export function runScript(script: string, args: string[] = [], options: RunOptions = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    input: options.input,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
  });
}

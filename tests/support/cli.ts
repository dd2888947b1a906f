/** The command-line tools run as `npm run <name>` runs them, for tests of their exit codes and output. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, where `npm run` starts every script. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Environment for a child process (a CLI, the server): this process's without the settings
 * a developer's shell may carry (KB_*, DATABASE_URL), so a test never touches a real
 * database; then `extra`, which may name the test's own (KB_DB or DATABASE_URL).
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('KB_') && key !== 'DATABASE_URL'));
  return { ...env, ...extra };
}

/** Options of {@link runScript}. */
export interface RunOptions {
  /** The script's settings (KB_DB or DATABASE_URL, KB_DIST_DIR, …), on top of {@link childEnv}. */
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
    env: childEnv(options.env),
    input: options.input,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
  });
}

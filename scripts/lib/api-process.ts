/**
 * The real server (api/server.ts) in a child process, as `npm start` and `npm run api` run
 * it, on a free loopback port: it listens on PORT=0 and says where, so two servers never
 * race for a port. Used by the suggestion benchmark and the tests that need a real socket.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { processEnv } from '../../core/config/env.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The line api/server.ts prints once it accepts connections. */
const LISTENING = /listening on (http:\/\/[^/\s]+)\//;

/** Options of {@link startApiProcess}. */
export interface ApiProcessOptions {
  /**
   * The server's settings (KB_DB or DATABASE_URL, KB_DIST_DIR, …). The caller's own KB_*
   * variables and DATABASE_URL are not passed on: a developer's shell must not change what is
   * measured or tested, nor point it at a real database.
   */
  env: Record<string, string>;
  /** `--api-only`, as `npm run api`: no help-center pages. */
  apiOnly?: boolean;
  /** How long the start may take (default 60 s: tsx compiles on start, and a busy machine is slow). */
  timeoutMs?: number;
}

/** A running server. */
export interface ApiProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  origin: string;
  /** Everything it printed so far, for a failing test's message. */
  output(): string;
  /** Stops it with SIGTERM and waits for it to exit. */
  stop(): Promise<void>;
}

/** Settings of this process that a server child never inherits: its database is the caller's to name. */
const isDatabaseSetting = (key: string) => key.startsWith('KB_') || key === 'DATABASE_URL';

/** The environment a server child gets: this process's without KB_* and DATABASE_URL, then the caller's settings. */
export function apiProcessEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(processEnv()).filter(([key]) => !isDatabaseSetting(key));
  return { ...Object.fromEntries(inherited), PORT: '0', HOST: '127.0.0.1', KB_DEMO: 'off', ...settings };
}

/** Waits for a child to exit (at once when it has already). */
export const exited = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/** Starts api/server.ts with `options.env` and resolves once it listens. */
export function startApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  // `node --import tsx` keeps the server in this one process (the tsx CLI would add a
  // parent), so the child's pid and /proc/<pid> are the server's own.
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts', ...(options.apiOnly ? ['--api-only'] : [])], {
    cwd: ROOT,
    env: apiProcessEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited(child);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${timeoutMs / 1000} s:\n${output.slice(-2000)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = LISTENING.exec(output);
      if (!listening) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve({ child, origin: listening[1]!, output: () => output, stop });
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${signal ?? code}) before listening:\n${output.slice(-2000)}`));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
  });
}

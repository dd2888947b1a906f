/**
 * Starts the benchmark's server child (server-child.ts) and talks to it over IPC, so the
 * server runs on its own event loop, its CPU time can be read apart from the load
 * generator's, and a CPU profile holds the server alone.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { envWith } from '../../../core/config/env.ts';
import type { ChildCounts, ChildMessage, ParentMessage, ServerMode } from './protocol.ts';

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));
const START_TIMEOUT_MS = 30_000;

/** A running server child. */
export interface BenchServer {
  port: number;
  pid: number;
  /** Rows in votes and events (always 0 for the ceiling) and the child's CPU time so far. */
  counts(): Promise<ChildCounts>;
  /** Starts the V8 CPU profiler in the child. */
  startProfile(): Promise<void>;
  /** Stops the profiler and writes the profile (.cpuprofile JSON) to `file`. */
  stopProfile(file: string): Promise<void>;
  /** Asks the child to close and waits for it to exit (killing it after 5 s). */
  stop(): Promise<void>;
}

/** Options of one server child. */
export interface StartOptions {
  articles: number;
  workDir: string;
  cwd: string;
  /** Extra environment of the child (KB_CHECKPOINT_THREAD=off for the -inline scenarios). */
  env?: Record<string, string>;
}

function nextMessage<T extends ChildMessage['type']>(
  child: ChildProcess,
  type: T,
  timeoutMs: number,
): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`the bench server sent no "${type}" within ${timeoutMs / 1000} s`)), timeoutMs);
    const onMessage = (message: ChildMessage) => {
      if (message.type === type) done(null, message as Extract<ChildMessage, { type: T }>);
    };
    const onExit = (code: number | null) => done(new Error(`the bench server exited (code ${code}) before sending "${type}"`));
    function done(error: Error | null, message?: Extract<ChildMessage, { type: T }>) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message!);
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Forks a server child in `mode` and resolves once it listens on a loopback port. */
export async function startServer(mode: ServerMode, options: StartOptions): Promise<BenchServer> {
  const child = fork(CHILD, [mode, String(options.articles), options.workDir], {
    cwd: options.cwd,
    execArgv: ['--import', 'tsx'],
    env: envWith(options.env),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const send = (message: ParentMessage) => child.send(message);
  const { port, pid } = await nextMessage(child, 'listening', START_TIMEOUT_MS).catch((error: Error) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    port,
    pid,
    async counts() {
      const reply = nextMessage(child, 'counts', 10_000);
      send({ type: 'counts' });
      const { votes, events, cpuMicros } = await reply;
      return { votes, events, cpuMicros };
    },
    async startProfile() {
      const reply = nextMessage(child, 'profiling', 10_000);
      send({ type: 'profile-start' });
      await reply;
    },
    async stopProfile(file) {
      const reply = nextMessage(child, 'profile-saved', 60_000);
      send({ type: 'profile-stop', file });
      await reply;
    },
    stop() {
      if (child.exitCode !== null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        // A child that does not close in time (a hung request) is killed: the run must end.
        const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        send({ type: 'stop' });
      });
    },
  };
}

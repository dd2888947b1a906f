/**
 * Starts the benchmark's server child (server-child.ts) through ../bench-child/parent.ts,
 * so the server runs on its own event loop, its CPU time can be read apart from the load
 * generator's, and a CPU profile holds the server alone.
 */
import { fileURLToPath } from 'node:url';
import { envWith } from '../../../core/config/env.ts';
import { forkServerChild } from '../bench-child/parent.ts';
import type { ChildCounts, ChildMessage, ParentMessage, ServerMode } from './protocol.ts';

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));

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
  /** Serve over this PostgreSQL database instead of a fresh SQLite file in `workDir`. */
  databaseUrl?: string;
}

/** Forks a server child in `mode` and resolves once it listens on a loopback port. */
export async function startServer(mode: ServerMode, options: StartOptions): Promise<BenchServer> {
  const child = await forkServerChild<ChildMessage, ParentMessage>(
    CHILD,
    [mode, String(options.articles), options.workDir, ...(options.databaseUrl ? [options.databaseUrl] : [])],
    {
      cwd: options.cwd,
      env: envWith(options.env),
    },
  );
  return {
    port: child.port,
    pid: child.pid,
    async counts() {
      const { votes, events, cpuMicros } = await child.ask({ type: 'counts' }, 'counts');
      return { votes, events, cpuMicros };
    },
    async startProfile() {
      await child.ask({ type: 'profile-start' }, 'profiling');
    },
    async stopProfile(file) {
      await child.ask({ type: 'profile-stop', file }, 'profile-saved', 60_000);
    },
    stop: () => child.stop(),
  };
}

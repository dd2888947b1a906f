/**
 * The parent side of a benchmark's server process: forks the child (under tsx), waits until
 * it listens, and talks to it over IPC, so the server runs on its own event loop and its
 * CPU time and profile hold the server alone.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { ListeningMessage, Message, StopMessage } from './protocol.ts';

const START_TIMEOUT_MS = 30_000;
const REPLY_TIMEOUT_MS = 10_000;

/** A running server child that sends `C` messages and accepts `P` messages. */
export interface ServerChild<C extends Message, P extends Message> {
  port: number;
  pid: number;
  /** Sends `message` and resolves with the child's next message of type `reply`. */
  ask<T extends C['type']>(message: P, reply: T, timeoutMs?: number): Promise<Extract<C, { type: T }>>;
  /** Sends a message that has no reply. */
  tell(message: P): void;
  /** Asks the child to close and waits for it to exit, killing it after 5 s. */
  stop(): Promise<void>;
}

/** Options of {@link forkServerChild}. */
export interface ForkOptions {
  cwd?: string;
  /** The child's whole environment (by default this process's). */
  env?: NodeJS.ProcessEnv;
}

/** Resolves with the child's next message of `type`; rejects when it exits first or sends nothing in time. */
function nextMessage<C extends Message, T extends C['type']>(
  child: ChildProcess,
  type: T,
  timeoutMs: number,
): Promise<Extract<C, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`the bench server sent no "${type}" within ${timeoutMs / 1000} s`)), timeoutMs);
    const onMessage = (message: C) => {
      if (message.type === type) done(null, message as Extract<C, { type: T }>);
    };
    const onExit = (code: number | null) => done(new Error(`the bench server exited (code ${code}) before sending "${type}"`));
    function done(error: Error | null, message?: Extract<C, { type: T }>) {
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

/** Forks `entry` with `args` and resolves once it listens on a loopback port. */
export async function forkServerChild<C extends Message, P extends Message>(
  entry: string,
  args: string[],
  options: ForkOptions = {},
): Promise<ServerChild<C, P>> {
  const child = fork(entry, args, {
    cwd: options.cwd,
    env: options.env,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port, pid } = await nextMessage<ListeningMessage, 'listening'>(child, 'listening', START_TIMEOUT_MS).catch((error: Error) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    port,
    pid,
    ask(message, reply, timeoutMs = REPLY_TIMEOUT_MS) {
      // Listening before sending: a fast reply must not arrive before anyone waits for it.
      const answer = nextMessage<C, typeof reply>(child, reply, timeoutMs);
      child.send(message);
      return answer;
    },
    tell(message) {
      child.send(message);
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
        child.send({ type: 'stop' } satisfies StopMessage);
      });
    },
  };
}

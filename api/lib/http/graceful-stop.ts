/**
 * A graceful stop for the HTTP server (SIGTERM: a deployment replacing this replica). The
 * listener closes at once, so new connections are refused and a load balancer sends them to
 * another replica; every request already taken is answered (a vote or event only after its
 * group commit, so a 2xx still means stored); a kept-alive connection is closed after its
 * current response instead of taking another request. When the last connection has closed,
 * `release` (close the database) runs and the process exits 0; past `timeoutMs`, it exits 1.
 */
import type { Server, ServerResponse } from 'node:http';

export interface GracefulStopOptions {
  /** Frees what the requests used (the database), after the last one was answered. */
  release: () => Promise<void>;
  /** How long to wait for the requests under way. */
  timeoutMs: number;
}

/** Watches `server`'s requests and returns the function that stops it (call it from a signal handler). */
export function gracefulStop(server: Server, options: GracefulStopOptions): (signal: NodeJS.Signals) => void {
  let stopping = false;
  const unanswered = new Set<ServerResponse>();
  server.on('request', (_req: unknown, res: ServerResponse) => {
    // A request that reaches a kept-alive connection during the stop is answered, then that connection closes.
    if (stopping) res.setHeader('connection', 'close');
    unanswered.add(res);
    res.once('close', () => unanswered.delete(res));
  });
  return (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: no new connections; finishing the requests under way…`);
    for (const res of unanswered) if (!res.headersSent) res.setHeader('connection', 'close');
    server.close(() => {
      options
        .release()
        .then(() => {
          console.log('Stopped: every request answered, the database closed.');
          process.exit(0);
        })
        .catch((error: Error) => {
          console.error(`Stopped, but closing the database failed: ${error.message}`);
          process.exit(1);
        });
    });
    // Kept-alive connections without a request would hold close() open.
    server.closeIdleConnections();
    setTimeout(() => {
      console.error(`Requests still under way after ${options.timeoutMs / 1000} s; exiting without them.`);
      process.exit(1);
    }, options.timeoutMs).unref();
  };
}

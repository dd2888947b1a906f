/**
 * The child side of a benchmark's server process (bench:api, bench:metrics): serves the
 * benchmark's fetch handler on a free loopback port, tells the parent where, closes when
 * asked, and never outlives the parent, even when the parent is killed.
 */
import { serve } from '@hono/node-server';
import type { ListeningMessage, Message, StopMessage } from './protocol.ts';

type Fetch = (request: Request, env: unknown) => Response | Promise<Response>;

/** Sends a message to the parent (nothing when this process was not forked). */
export const sendToParent = <M extends Message>(message: M): void => {
  process.send?.(message);
};

/**
 * Serves `fetch` on 127.0.0.1 and hands every parent message but `stop` to `onMessage`.
 * A `stop` closes the server and exits, after 2 s at the latest (a hung request).
 */
export function serveForParent<P extends Message>(fetch: Fetch, onMessage: (message: P) => unknown): void {
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
    sendToParent<ListeningMessage>({ type: 'listening', port: info.port, pid: process.pid }),
  );
  process.on('message', (message: P | StopMessage) => {
    if (message.type !== 'stop') {
      onMessage(message as P);
      return;
    }
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  });
  process.on('disconnect', () => process.exit(0));
}

/**
 * Graceful stop, on each database: SIGTERM in the middle of a burst of votes (a deployment
 * replacing a replica). The server stops taking connections, answers every request it had
 * taken (each answered only after its group commit), closes the database and exits 0.
 */
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, startApiProcess, type ApiProcess } from '../../scripts/lib/api-process.ts';
import { manifestArticle, writeManifest } from '../support/catalog.ts';
import { freshServerDatabase, queryColumn, testDialect, type ServerDatabase } from '../support/database.ts';
import { voteBurst } from '../support/vote-burst.ts';

const ARTICLES = Array.from({ length: 20 }, (_, i) => manifestArticle(`en/stop-${i}`));
const ACKS_BEFORE_STOP = 200;
const CONCURRENCY = 32;

let dir: string;
let database: ServerDatabase;
let server: ApiProcess | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kb-shutdown-'));
  writeManifest(join(dir, 'dist'), ARTICLES);
  database = await freshServerDatabase(dir);
});

afterAll(() => {
  if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Whether a new connection to `base` is refused (no listener any more). */
function refusesConnections(base: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(`${base}/api/health`, { agent: false }, (res) => {
      res.resume();
      resolve(false);
    });
    req.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
    req.end();
  });
}

describe(`the server on ${testDialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} stopped with SIGTERM mid-burst`, () => {
  it(
    'answers the requests it had taken, stores every acknowledged vote, closes the database and exits 0',
    { timeout: 60_000 },
    async () => {
      server = await startApiProcess({
        apiOnly: true,
        env: { ...database.env, KB_DIST_DIR: join(dir, 'dist'), KB_TRUSTED_PROXIES: '127.0.0.1' },
        timeoutMs: 30_000,
      });
      const { child, origin: base, output } = server;
      let signalled = false;
      let inFlightAtSignal = 0;
      const burst = await voteBurst(base, ARTICLES, {
        prefix: 'stop',
        concurrency: CONCURRENCY,
        interrupted: () => signalled,
        onAck: (acks, inFlight) => {
          if (!signalled && acks >= ACKS_BEFORE_STOP) {
            signalled = true;
            inFlightAtSignal = inFlight;
            child.kill('SIGTERM');
          }
        },
      });
      // The listener closes at once: a new connection is refused while the last requests finish.
      expect(await refusesConnections(base)).toBe(true);
      await exited(child);
      expect({ code: child.exitCode, signal: child.signalCode }).toEqual({ code: 0, signal: null });
      expect(output()).toMatch(/SIGTERM: no new connections/);
      expect(output()).toMatch(/Stopped: every request answered, the database closed\./);
      // Votes were on their way when the signal came, and were still answered (2xx: voteBurst fails on any other answer).
      expect(inFlightAtSignal).toBeGreaterThan(0);
      expect(burst.acknowledgedAfterInterrupt).toBeGreaterThan(0);

      const opened = database.open();
      try {
        const stored = new Set(await queryColumn<string>(opened.db, "select comment from votes where comment like 'stop-%'"));
        const missing = burst.acknowledged.filter((comment) => !stored.has(comment));
        expect(missing, `${missing.length} of ${burst.acknowledged.length} acknowledged votes are missing`).toEqual([]);
      } finally {
        await opened.close();
      }
    },
  );
});

/**
 * Crash durability, on each database: the real server (`api/server.ts --api-only`, in a child
 * process) is killed with SIGKILL in the middle of a burst of votes. Every vote it acknowledged
 * with a 2xx must be in the database afterwards (group commit answers only after the commit),
 * the database must be sound (SQLite: integrity_check), and the server must start again on it.
 */
import SQLite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, startApiProcess, type ApiProcess } from '../../scripts/lib/api-process.ts';
import { manifestArticle, writeManifest } from '../support/catalog.ts';
import { freshServerDatabase, queryColumn, queryValue, testDialect, type ServerDatabase } from '../support/database.ts';
import { postVote, voteBurst } from '../support/vote-burst.ts';

const ARTICLES = Array.from({ length: 20 }, (_, i) => manifestArticle(`en/durable-${i}`));
/** Votes acknowledged before the kill; enough that the kill lands mid-burst, few enough to stay fast. */
const ACKS_BEFORE_KILL = 300;
const CONCURRENCY = 32;

let dir: string;
let distDir: string;
let database: ServerDatabase;
const servers: ApiProcess[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kb-durability-'));
  distDir = join(dir, 'dist');
  // With a manifest in the dist folder the server does not build the site first.
  writeManifest(distDir, ARTICLES);
  database = await freshServerDatabase(dir);
});

afterAll(() => {
  for (const { child } of servers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the server as `npm run api` does, on a free port, over this file's database and catalog. */
async function start(): Promise<ApiProcess> {
  const server = await startApiProcess({
    apiOnly: true,
    env: { ...database.env, KB_DIST_DIR: distDir, KB_TRUSTED_PROXIES: '127.0.0.1' },
    timeoutMs: 30_000,
  });
  servers.push(server);
  return server;
}

describe(`the server on ${testDialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} killed with SIGKILL mid-burst`, () => {
  it('keeps every acknowledged vote, in a database that is sound', { timeout: 60_000 }, async () => {
    const { child, origin: base } = await start();
    let inFlightAtKill = -1;
    const { acknowledged } = await voteBurst(base, ARTICLES, {
      prefix: 'burst',
      concurrency: CONCURRENCY,
      interrupted: () => inFlightAtKill >= 0,
      onAck: (acks, inFlight) => {
        if (inFlightAtKill < 0 && acks >= ACKS_BEFORE_KILL) {
          inFlightAtKill = inFlight;
          child.kill('SIGKILL');
        }
      },
    });
    await exited(child);
    expect(child.signalCode).toBe('SIGKILL');
    // Other votes were on their way when the process died: the kill landed mid-burst.
    expect(inFlightAtKill).toBeGreaterThan(0);

    if (testDialect === 'sqlite') {
      const file = new SQLite(database.env.KB_DB!, { readonly: true });
      expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
      file.close();
    }
    const opened = database.open();
    try {
      const stored = new Set(await queryColumn<string>(opened.db, "select comment from votes where comment like 'burst-%'"));
      const missing = acknowledged.filter((comment) => !stored.has(comment));
      expect(missing, `${missing.length} of ${acknowledged.length} acknowledged votes are missing`).toEqual([]);
      expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await opened.close();
    }
  });

  // Runs on the database the previous test left behind.
  it('starts again on the same database, answers /api/health and takes a vote', { timeout: 60_000 }, async () => {
    const { child, origin: base } = await start();
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const vote = await postVote(base, ARTICLES, 60_000, 'after-restart');
    expect(vote.status).toBe(201);
    child.kill('SIGTERM');
    await exited(child);
    const opened = database.open();
    try {
      expect(await queryValue(opened.db, "select count(*) from votes where comment = 'after-restart'")).toBe(1);
    } finally {
      await opened.close();
    }
  });
});

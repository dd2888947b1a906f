/**
 * Crash durability: the real server (`api/server.ts --api-only`, in a child process) is
 * killed with SIGKILL in the middle of a burst of votes. Every vote it acknowledged with a
 * 2xx must be in the database afterwards (group commit answers only after the commit), the
 * file must pass integrity_check, and the server must start again on it.
 */
import SQLite from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, startApiProcess } from '../../scripts/lib/api-process.ts';
import { BROWSER_UA } from '../support/app.ts';
import { manifestArticle, writeManifest } from '../support/catalog.ts';

const ARTICLES = Array.from({ length: 20 }, (_, i) => manifestArticle(`en/durable-${i}`));
/** Votes acknowledged before the kill; enough that the kill lands mid-burst, few enough to stay fast. */
const ACKS_BEFORE_KILL = 300;
const CONCURRENCY = 32;

let dir: string;
let dbFile: string;
let distDir: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kb-durability-'));
  dbFile = join(dir, 'kb.sqlite');
  distDir = join(dir, 'dist');
  // With a manifest in the dist folder the server does not build the site first.
  writeManifest(distDir, ARTICLES);
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the server as `npm run api` does, on a free port, over this file's database and catalog. */
async function startServer(): Promise<{ child: ChildProcess; base: string }> {
  const server = await startApiProcess({
    apiOnly: true,
    env: { KB_DB: dbFile, KB_DIST_DIR: distDir, KB_TRUSTED_PROXIES: '127.0.0.1' },
    timeoutMs: 30_000,
  });
  children.push(server.child);
  return { child: server.child, base: server.origin };
}

/** A vote from visitor i (its own IP via the trusted proxy) whose comment identifies it. */
function postVote(base: string, i: number, comment: string) {
  return fetch(`${base}/api/votes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': BROWSER_UA, 'x-forwarded-for': `10.77.${(i >> 8) & 255}.${i & 255}` },
    body: JSON.stringify({ article: ARTICLES[i % ARTICLES.length]!.id, helpful: i % 2 === 0, comment }),
  });
}

describe('the server killed with SIGKILL mid-burst', () => {
  it('keeps every acknowledged vote, in a database that passes integrity_check', { timeout: 60_000 }, async () => {
    const { child, base } = await startServer();
    const acknowledged: string[] = [];
    let next = 0;
    let inFlight = 0;
    let inFlightAtKill = -1;
    // Each worker votes until a request fails after the kill; a failure before it fails the test.
    const worker = async () => {
      for (;;) {
        const i = next++;
        const comment = `burst-${i}`;
        inFlight++;
        try {
          const res = await postVote(base, i, comment);
          await res.arrayBuffer();
          if (!res.ok) throw new Error(`vote ${i} answered ${res.status}`);
          acknowledged.push(comment);
        } catch (error) {
          if (inFlightAtKill < 0) throw error;
          return;
        } finally {
          inFlight--;
        }
        if (inFlightAtKill < 0 && acknowledged.length >= ACKS_BEFORE_KILL) {
          inFlightAtKill = inFlight;
          child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await exited(child);
    expect(child.signalCode).toBe('SIGKILL');
    // Other votes were on their way when the process died: the kill landed mid-burst.
    expect(inFlightAtKill).toBeGreaterThan(0);

    const db = new SQLite(dbFile);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set(db.prepare("select comment from votes where comment like 'burst-%'").pluck().all() as string[]);
      const missing = acknowledged.filter((comment) => !stored.has(comment));
      expect(missing, `${missing.length} of ${acknowledged.length} acknowledged votes are missing`).toEqual([]);
      expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      db.close();
    }
  });

  // Runs on the file the previous test left behind.
  it('starts again on the same file, answers /api/health and takes a vote', { timeout: 60_000 }, async () => {
    const { child, base } = await startServer();
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const vote = await postVote(base, 60_000, 'after-restart');
    expect(vote.status).toBe(201);
    child.kill('SIGTERM');
    await exited(child);
    const db = new SQLite(dbFile, { readonly: true });
    try {
      expect(db.prepare("select count(*) from votes where comment = 'after-restart'").pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });
});

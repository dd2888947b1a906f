/**
 * The real server (`api/server.ts --api-only`) in a child process, on a database of the
 * test's leg, for the tests that kill or stop it (durability, shutdown).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST_PATH } from '../../api/lib/catalog/catalog.ts';
import type { ManifestArticle } from '../../core/content/manifest.ts';
import { BROWSER_UA } from '../api/helpers.ts';
import { childEnv } from './database.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Writes a build manifest into `distDir`, so the server does not build the site first. */
export function writeManifest(distDir: string, articles: ManifestArticle[]): void {
  mkdirSync(join(distDir, 'kb-build'), { recursive: true });
  writeFileSync(
    join(distDir, MANIFEST_PATH),
    JSON.stringify({ version: 1, builtAt: '2026-11-27T00:00:00Z', audience: 'public', articles }),
  );
}

/** A started server. */
export interface ApiProcess {
  child: ChildProcess;
  base: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves when it has exited. */
  exited(): Promise<void>;
}

/**
 * Starts the server as `npm run api` does, on a free port, with `env` (the database's
 * KB_DB or DATABASE_URL, KB_DIST_DIR…) on top of a clean environment; resolves once it listens.
 */
export function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts', '--api-only'], {
    cwd: ROOT,
    env: childEnv({ PORT: '0', HOST: '127.0.0.1', KB_TRUSTED_PROXIES: '127.0.0.1', KB_DEMO: 'off', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 30 s:\n${output}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve({ child, base: listening[1]!, output: () => output, exited: () => exit });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${signal ?? code}) before listening:\n${output}`));
    });
  });
}

/** What a burst of votes saw. */
export interface BurstResult {
  /** Comments of the votes answered 2xx. */
  acknowledged: string[];
  /** Of those, how many were answered after `interrupted()` became true. */
  acknowledgedAfterInterrupt: number;
  /** Requests that failed without an answer (connection refused or closed) after the interruption. */
  failedAfterInterrupt: number;
}

/**
 * Posts votes from `concurrency` workers, vote i from its own visitor (an IP through the
 * trusted proxy) with the comment `${prefix}-${i}`. `onAck` hears of every 2xx. Once
 * `interrupted()` is true (the test killed or stopped the server), a worker ends at its first
 * request that gets no answer; before that, any such request fails the burst, and an answer
 * other than 2xx always does.
 */
export async function voteBurst(
  base: string,
  articles: ManifestArticle[],
  options: { prefix: string; concurrency: number; onAck: (acknowledged: number, inFlight: number) => void; interrupted: () => boolean },
): Promise<BurstResult> {
  const result: BurstResult = { acknowledged: [], acknowledgedAfterInterrupt: 0, failedAfterInterrupt: 0 };
  let next = 0;
  let inFlight = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      const comment = `${options.prefix}-${i}`;
      inFlight++;
      let res: Response;
      try {
        res = await postVote(base, articles, i, comment);
        await res.arrayBuffer();
      } catch (error) {
        if (!options.interrupted()) throw error;
        result.failedAfterInterrupt++;
        return;
      } finally {
        inFlight--;
      }
      if (!res.ok) throw new Error(`vote ${i} answered ${res.status}`);
      result.acknowledged.push(comment);
      if (options.interrupted()) result.acknowledgedAfterInterrupt++;
      options.onAck(result.acknowledged.length, inFlight);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return result;
}

/** A vote from visitor i whose comment identifies it. */
export function postVote(base: string, articles: ManifestArticle[], i: number, comment: string) {
  return fetch(`${base}/api/votes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': BROWSER_UA, 'x-forwarded-for': `10.77.${(i >> 8) & 255}.${i & 255}` },
    body: JSON.stringify({ article: articles[i % articles.length]!.id, helpful: i % 2 === 0, comment }),
  });
}

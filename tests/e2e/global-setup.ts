/**
 * Builds the production site once (the demo content, public and internal editions),
 * starts it with `npm start`'s entry on a free port with a throw-away database, and
 * hands the URL to the browser tests.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
    internalDistDir: string;
    /** The server's throw-away SQLite database, for tests that check what was stored. */
    dbFile: string;
  }
}

const root = resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
    srv.on('error', rej);
  });
}

function build(outDir: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
    cwd: root,
    // KB_DB names a database that does not exist yet, so the build syncs no links anywhere.
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      KB_OUT_DIR: outDir,
      KB_DB: join(outDir, 'no-database.sqlite'),
      DATABASE_URL: '',
      ...env,
    },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`Site build failed:\n${result.stdout}\n${result.stderr}`);
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Server exited early:\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Server did not become healthy:\n${log()}`);
}

export default async function setup(project: TestProject) {
  const work = mkdtempSync(join(tmpdir(), 'kb-e2e-'));
  const distDir = join(work, 'dist');
  const internalDistDir = join(work, 'dist-internal');
  build(distDir);
  build(internalDistDir, { KB_AUDIENCE: 'internal' });

  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KB_DB: join(work, 'kb.sqlite'),
      DATABASE_URL: '',
      KB_DIST_DIR: distDir,
      KB_DEMO: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child, () => output);

  project.provide('baseUrl', baseUrl);
  project.provide('distDir', distDir);
  project.provide('internalDistDir', internalDistDir);
  project.provide('dbFile', join(work, 'kb.sqlite'));

  return () => {
    child.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  };
}

/**
 * Builds the production site once (the demo content, public and internal editions),
 * starts it with `npm start`'s entry on a free port with a throw-away database, and
 * hands the URL to the browser tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startApiProcess } from '../../scripts/lib/api-process.ts';
import { runScript } from '../support/cli.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
    internalDistDir: string;
    /** The server's throw-away SQLite database, for tests that check what was stored. */
    dbFile: string;
  }
}

function build(outDir: string, env: Record<string, string> = {}) {
  const result = runScript('scripts/build.ts', [], {
    // KB_DB names a database that does not exist yet, so the build syncs no links anywhere.
    env: { ASTRO_TELEMETRY_DISABLED: '1', KB_OUT_DIR: outDir, KB_DB: join(outDir, 'no-database.sqlite'), ...env },
    timeoutMs: 600_000,
  });
  if (result.status !== 0) throw new Error(`Site build failed:\n${result.stdout}\n${result.stderr}`);
}

export default async function setup(project: TestProject) {
  const work = mkdtempSync(join(tmpdir(), 'kb-e2e-'));
  const distDir = join(work, 'dist');
  const internalDistDir = join(work, 'dist-internal');
  build(distDir);
  build(internalDistDir, { KB_AUDIENCE: 'internal' });

  const dbFile = join(work, 'kb.sqlite');
  const server = await startApiProcess({ env: { KB_DB: dbFile, KB_DIST_DIR: distDir } });

  project.provide('baseUrl', server.origin);
  project.provide('distDir', distDir);
  project.provide('internalDistDir', internalDistDir);
  project.provide('dbFile', dbFile);

  return async () => {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  };
}

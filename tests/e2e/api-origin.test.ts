/**
 * The static site served apart from the API (docs/deploy.md, "static site + one API"): a
 * build with KB_API_ORIGIN, served by a plain static server on one origin, and the API alone
 * (`--api-only`) on another, allowing the site's origin in KB_CORS_ORIGINS. A vote and the
 * contact page's suggestions go to the API's origin and work.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiProcess, type ApiProcess } from '../../scripts/lib/api-process.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { visitorBrowser } from '../support/browser.ts';
import { runScript } from '../support/cli.ts';
import { readRows } from '../support/database.ts';
import { eventually } from '../support/eventually.ts';

/** A loopback port free at this moment: the API's origin must be known before the build. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const visitor = visitorBrowser();
let work: string;
let site: StaticServer;
let api: ApiProcess;
let apiOrigin: string;
let dbFile: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kb-e2e-origin-'));
  const distDir = join(work, 'dist');
  const port = await freePort();
  apiOrigin = `http://127.0.0.1:${port}`;
  const built = runScript('scripts/build.ts', [], {
    env: { ASTRO_TELEMETRY_DISABLED: '1', KB_OUT_DIR: distDir, KB_DB: join(work, 'no-database.sqlite'), KB_API_ORIGIN: apiOrigin },
    timeoutMs: 600_000,
  });
  if (built.status !== 0) throw new Error(`Site build failed:\n${built.stdout}\n${built.stderr}`);
  site = await startStaticServer(distDir);
  dbFile = join(work, 'kb.sqlite');
  api = await startApiProcess({
    apiOnly: true,
    env: { PORT: String(port), KB_DB: dbFile, KB_DIST_DIR: distDir, KB_CORS_ORIGINS: site.origin },
  });
}, 660_000);

afterAll(async () => {
  await api?.stop();
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the static site on one origin, the API on another', () => {
  it('sends a vote to the API origin, and the API stores it', async () => {
    const page = await visitor();
    const apiRequests: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) apiRequests.push(new URL(r.url()).origin);
    });
    await page.goto(`${site.origin}/en/articles/print-preview-blank/`);
    await page.waitForSelector('[data-feedback-root]:not([hidden])');
    await page.click('[data-vote="yes"]');
    await page.waitForSelector('[data-feedback-status][data-state="thanks"]');
    const votes = readRows<{ article: string; helpful: number }>(dbFile, 'SELECT article, helpful FROM votes');
    expect(votes).toEqual([{ article: 'en/print-preview-blank', helpful: 1 }]);
    expect(new Set(apiRequests)).toEqual(new Set([apiOrigin]));
    // The page view left as a beacon to the API origin as well.
    await page.close();
    const views = await eventually(
      () => readRows(dbFile, "SELECT type FROM events WHERE type = 'page_view'").length,
      (n) => n > 0,
    );
    expect(views).toBeGreaterThan(0);
  });

  it('shows the contact page’s suggestions from the API origin', async () => {
    const page = await visitor();
    await page.goto(`${site.origin}/en/contact/`);
    const suggest = page.waitForResponse((r) => r.url().startsWith(`${apiOrigin}/api/suggest`));
    await page.locator('#contact-subject').pressSequentially('print preview is blank', { delay: 20 });
    expect((await suggest).status()).toBe(200);
    await page.waitForSelector('[data-contact-suggestions]:not([hidden]) li[data-article]');
    const articles = await page.$$eval('[data-contact-suggestions] li[data-article]', (items) => items.map((li) => li.dataset.article));
    expect(articles).toContain('en/print-preview-blank');
  });
});

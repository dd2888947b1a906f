/** A fresh API app per test: a fresh migrated database of the leg, a small catalog; and requests as a visitor sends them. */
import { createApp, type AppDeps } from '../../api/app.ts';
import type { ManifestArticle } from '../../core/content/manifest.ts';
import { BROWSER_UA } from '../../scripts/lib/chromium.ts';
import { sampleArticles, testCatalog } from './catalog.ts';
import { migratedDatabase } from './database.ts';

export { BROWSER_UA };

/** The admin token every test app accepts. */
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/**
 * The app as the server builds it, on a fresh database of the test's leg (in memory on
 * SQLite; tests/support/database.ts); `options` replace any dependency.
 */
export async function testApp(options: Partial<AppDeps> & { articles?: ManifestArticle[] } = {}) {
  const opened = await migratedDatabase();
  const { db, sqlite } = opened;
  const { articles = sampleArticles, ...deps } = options;
  const app = createApp({
    db,
    sqlite,
    catalog: testCatalog(articles),
    adminToken: ADMIN_TOKEN,
    ...deps,
  });
  /** Closes the database under the app (tests of a database that went away). */
  const close = () => opened.close();
  return { app, db, sqlite, close };
}

/** A request from a visitor: an IP on the socket and a browser user agent. */
export function visitorRequest(
  body: unknown,
  init: { ip?: string; ua?: string; headers?: Record<string, string>; contentType?: string } = {},
) {
  const request: RequestInit = {
    method: 'POST',
    headers: { 'content-type': init.contentType ?? 'application/json', 'user-agent': init.ua ?? BROWSER_UA, ...init.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
  const env = { incoming: { socket: { remoteAddress: init.ip ?? '203.0.113.7' } } };
  return [request, env] as const;
}

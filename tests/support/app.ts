/** A fresh app per test: in-memory database, migrations applied, a small catalog. */
import { createApp, type AppDeps } from '../../api/app.ts';
import { migrate, openDatabase } from '../../api/db/index.ts';
import { catalogFrom } from '../../api/lib/catalog/catalog.ts';
import type { ManifestArticle } from '../../core/content/manifest.ts';

export function manifestArticle(id: string, overrides: Partial<ManifestArticle> = {}): ManifestArticle {
  const [lang, slug] = id.split('/') as ['zh-CN' | 'en', string];
  return {
    id,
    lang,
    title: `Title of ${slug}`,
    summary: 'Summary',
    url: `/${lang}/articles/${slug}/`,
    type: 'faq',
    topic: 'accounts',
    topics: [],
    state: 'validated',
    audience: 'public',
    listed: true,
    translationKey: slug,
    owner: 'Team',
    reviewed: '2026-09-01',
    reviewEvery: 180,
    tickets: [],
    tags: [],
    ...overrides,
  };
}

export const sampleArticles = [
  manifestArticle('en/reset-password'),
  manifestArticle('zh-CN/reset-password'),
  manifestArticle('en/printer-setup', { type: 'manual', topic: 'reports' }),
  manifestArticle('en/old-license-server', { state: 'archived', listed: false }),
  manifestArticle('en/escalation-checklist', { audience: 'internal' }),
];

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** A clock the test moves by hand. */
export function manualClock(start = '2026-11-27T10:00:00Z') {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), set: (iso: string) => (t = new Date(iso).getTime()), advance: (ms: number) => (t += ms) };
}

export async function testApp(options: Partial<AppDeps> & { articles?: ManifestArticle[] } = {}) {
  const { db, sqlite } = openDatabase(':memory:');
  await migrate(db);
  const { articles = sampleArticles, ...deps } = options;
  const app = createApp({
    db,
    sqlite,
    catalog: catalogFrom({ version: 1, builtAt: '2026-11-27T00:00:00Z', audience: 'public', articles }),
    adminToken: ADMIN_TOKEN,
    ...deps,
  });
  return { app, db, sqlite };
}

export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

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

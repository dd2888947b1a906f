/** Debian's Chromium driven by playwright-core, with the flags this workplace needs. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/lib/chromium.ts';

export { CHROMIUM_ARGS, CHROMIUM_PATH };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A real browser's user agent: the server drops HeadlessChrome as a bot (docs/design.md §2). */
export const DESKTOP_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

/**
 * Chromium whose whole browser carries DESKTOP_UA: beacons sent while a page unloads come
 * from the browser process, which ignores a context's user agent.
 */
export function launchVisitorBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, `--user-agent=${DESKTOP_UA}`] });
}

/** Opens a search page and waits until every retry is done; returns the ranked article ids. */
export async function searchFor(
  page: Page,
  baseUrl: string,
  lang: string,
  query: string,
  params: Record<string, string> = {},
): Promise<string[]> {
  const search = new URLSearchParams({ q: query, ...params });
  await page.goto(`${baseUrl}/${lang}/search/?${search}`);
  await page.waitForSelector('[data-search-status="done"]', { timeout: 15_000 });
  return page.$$eval('[data-search-result]', (els) => els.map((e) => e.getAttribute('data-article') ?? ''));
}

const require = createRequire(import.meta.url);

/** Runs axe-core on the current page; returns the serious and critical violations. */
export async function seriousViolations(page: Page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
          ): Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/** Rows from the e2e server's database, opened read-only so a test cannot disturb it. */
export function readRows<T>(dbFile: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Re-reads until `done` holds or the time is up (beacons arrive a little after the click, or after the page is gone). */
export async function eventually<T>(read: () => T, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = read();
  }
  return value;
}

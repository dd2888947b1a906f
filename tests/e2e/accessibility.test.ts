/**
 * Every page of the help center, in both languages and both colour schemes, against axe-core
 * in Chromium: the production build's sitemap, plus the pages customers and staff reach
 * that are not in it (contact, search with a query, the dashboards' sign-in screens, the
 * 404 page). Zero serious or critical violations is the bar (docs/design.md: WCAG AA in both
 * schemes).
 *
 * One browser and one page for the whole walk; the colour scheme is switched with
 * emulateMedia on the loaded page, so each page is loaded once for both schemes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AXE_SOURCE, seriousViolations } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';

const baseUrl = inject('baseUrl');

/** The paths the built sitemap lists, in its order. */
function sitemapPaths(distDir: string): string[] {
  const xml = readFileSync(join(distDir, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}

const SITEMAP = sitemapPaths(inject('distDir'));

/** Pages people reach without the sitemap: it lists what search engines should index. */
const UNLISTED = [
  '/zh-CN/contact/',
  '/en/contact/',
  `/zh-CN/search/?q=${encodeURIComponent('打印')}`,
  '/en/search/?q=password',
  // The empty state is a page of its own to a visitor.
  '/en/search/?q=quokka',
  '/insights/',
  '/insights/training/',
  '/staff/sign-in/',
  '/staff/set-password/',
  '/en/articles/no-such-article/',
];

const SCHEMES = ['light', 'dark'] as const;

let browser: Browser;
let page: Page;
/** The path the page shows now, so the second colour scheme does not load it again. */
let shown: string | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext();
  // In every document before its own scripts: no extra round trip per page to add it.
  await context.addInitScript({ path: AXE_SOURCE });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** Shows `path` in `scheme`, loading it only when another page is showing, and waits for its islands to settle. */
async function show(path: string, scheme: (typeof SCHEMES)[number]): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  if (shown === path) return;
  shown = undefined;
  await page.goto(`${baseUrl}${path}`);
  // What axe should see is what a visitor sees once the page has done its work.
  if (path.includes('/search/')) await page.waitForSelector('[data-search-status="done"]', { timeout: 15_000 });
  if (await page.locator('[data-feedback-root]').count()) await page.waitForSelector('[data-feedback-root]:not([hidden])');
  shown = path;
}

describe('the sitemap', () => {
  it('lists the pages of both languages', () => {
    const zh = SITEMAP.filter((p) => p.startsWith('/zh-CN/'));
    const en = SITEMAP.filter((p) => p.startsWith('/en/'));
    expect(zh.length).toBeGreaterThan(20);
    expect(en.length).toBeGreaterThan(20);
  });
});

describe('the check itself', () => {
  it('finds a paragraph whose contrast is too low', async () => {
    await show('/en/', 'light');
    shown = undefined; // the page is changed below: load it again for the next test
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Grey on grey';
      p.style.cssText = 'color: #777; background: #888';
      document.querySelector('main')!.append(p);
    });
    expect(await seriousViolations(page)).toEqual([expect.stringMatching(/^color-contrast \(serious\)/)]);
  });

  it("switches the page to the dark scheme's colours", async () => {
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await show('/en/', 'light');
    const light = await background();
    await show('/en/', 'dark');
    expect(await background()).not.toBe(light);
  });
});

describe.each([...SITEMAP, ...UNLISTED])('%s', (path) => {
  it.each(SCHEMES)('has no serious or critical axe violations in the %s colour scheme', async (scheme) => {
    await show(path, scheme);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

/**
 * The help center as a customer uses it, in Debian Chromium against the production
 * build served by `npm start`'s entry (see global-setup.ts).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';

const baseUrl = inject('baseUrl');

/** Opens a search page and waits until every retry is done; returns the ranked article ids. */
async function searchFor(page: Page, baseUrl: string, lang: string, query: string, params: Record<string, string> = {}): Promise<string[]> {
  const search = new URLSearchParams({ q: query, ...params });
  await page.goto(`${baseUrl}/${lang}/search/?${search}`);
  await page.waitForSelector('[data-search-status="done"]', { timeout: 15_000 });
  return page.$$eval('[data-search-result]', (els) => els.map((e) => e.getAttribute('data-article') ?? ''));
}
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('search', () => {
  it('finds a Chinese word that appears only inside a sentence', async () => {
    const ids = await searchFor(page, baseUrl, 'zh-CN', '打印机驱动');
    expect(ids[0]).toBe('zh-CN/print-preview-blank');
  });

  it('finds another Chinese phrase inside a sentence, typed as a question', async () => {
    const ids = await searchFor(page, baseUrl, 'zh-CN', '手机电池优化导致不同步怎么办');
    expect(ids.slice(0, 3)).toContain('zh-CN/mobile-app-not-syncing');
  });

  it('finds an English word', async () => {
    const ids = await searchFor(page, baseUrl, 'en', 'chargeback');
    expect(ids[0]).toBe('en/payment-failed-account-suspended');
  });

  it('finds an English word through another inflection of it', async () => {
    // The article says "prorated"; the visitor types "prorating".
    const ids = await searchFor(page, baseUrl, 'en', 'prorating');
    expect(ids).toContain('en/change-subscription-plan');
  });

  it('answers a natural question that no single article contains word for word', async () => {
    const ids = await searchFor(page, baseUrl, 'en', 'why does the installer stop with error 1603 on my laptop');
    expect(ids[0]).toBe('en/installer-error-1603');
  });

  it('shows type and topic with each result, in rank order', async () => {
    await searchFor(page, baseUrl, 'en', 'print preview blank');
    const first = page.locator('[data-search-result]').first();
    await expect(first.locator('a').getAttribute('href')).resolves.toBe('/en/articles/print-preview-blank/');
    expect(await first.locator('.meta').innerText()).toMatch(/Solution/);
  });

  it('narrows results with the type filter and keeps it in the URL', async () => {
    const all = await searchFor(page, baseUrl, 'en', 'license');
    const faqs = await searchFor(page, baseUrl, 'en', 'license', { type: 'faq' });
    expect(faqs.length).toBeGreaterThan(0);
    expect(faqs.length).toBeLessThan(all.length);
    const manifest = JSON.parse(readFileSync(join(inject('distDir'), 'kb-build/manifest.json'), 'utf8')) as {
      articles: Array<{ id: string; type: string }>;
    };
    const types = new Map(manifest.articles.map((a) => [a.id, a.type]));
    expect(faqs.every((id) => types.get(id) === 'faq')).toBe(true);
    expect(new URL(page.url()).searchParams.get('type')).toBe('faq');
  });

  it('narrows results with the topic filter chosen on the page', async () => {
    const all = await searchFor(page, baseUrl, 'en', 'error');
    await page.selectOption('select[name="topic"]', 'licensing');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('topic') === 'licensing');
    await page.waitForSelector('[data-search-status="done"]');
    const narrowed = await page.$$eval('[data-search-result]', (els) => els.map((e) => e.getAttribute('data-article')));
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(all.length);
  });

  it('shows the empty state only when nothing is found', async () => {
    const ids = await searchFor(page, baseUrl, 'en', 'quokka');
    expect(ids).toEqual([]);
    await expect(page.locator('[data-search-empty]').count()).resolves.toBe(1);
  });

  it('switches the search to the other language with the language filter', async () => {
    await searchFor(page, baseUrl, 'en', 'password');
    await Promise.all([page.waitForURL(/\/zh-CN\/search\//), page.selectOption('select[name="lang"]', 'zh-CN')]);
    await page.waitForSelector('[data-search-status="done"]');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  });

  it('leaves archived articles out of search, but keeps them reachable with a banner', async () => {
    const ids = await searchFor(page, baseUrl, 'en', 'license server 6.x');
    expect(ids).not.toContain('en/license-server-v6');
    const res = await page.goto(`${baseUrl}/en/articles/license-server-v6/`);
    expect(res?.status()).toBe(200);
    await expect(page.locator('[data-archived]').count()).resolves.toBe(1);
    const sitemap = await (await fetch(`${baseUrl}/sitemap.xml`)).text();
    expect(sitemap).not.toContain('license-server-v6');
    expect(sitemap).toContain('/en/articles/reset-password/');
  });

  it('leaves internal articles out of the public build entirely', async () => {
    const ids = await searchFor(page, baseUrl, 'en', 'escalation checklist');
    expect(ids).not.toContain('en/escalation-checklist');
    const res = await page.goto(`${baseUrl}/en/articles/escalation-checklist/`);
    expect(res?.status()).toBe(404);
  });
});

describe('pages', () => {
  it('lets the visitor choose a language at the root when the browser prefers neither, linking both', async () => {
    // A browser preferring zh or en is sent to that language (greeting.test.ts); French is neither.
    const context = await browser.newContext({ locale: 'fr-FR' });
    try {
      const root = await context.newPage();
      await root.goto(`${baseUrl}/`);
      expect(new URL(root.url()).pathname).toBe('/');
      const links = await root.$$eval('[data-choose-lang]', (els) => els.map((e) => e.getAttribute('href')));
      expect(links).toEqual(['/zh-CN/', '/en/']);
    } finally {
      await context.close();
    }
  });

  it('switches an article to its other language version', async () => {
    await page.goto(`${baseUrl}/en/articles/reset-password/`);
    await Promise.all([page.waitForURL(/\/zh-CN\/articles\/reset-password\/$/), page.click('.lang-switch')]);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('h1')).toContain('密码');
  });

  it('shows an article with badges, breadcrumbs, review date, related articles and the feedback slot', async () => {
    await page.goto(`${baseUrl}/en/articles/client-slow-after-upgrade/`);
    await expect(page.locator('[data-state="not-validated"]').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('.breadcrumbs a').count()).resolves.toBeGreaterThan(1);
    await expect(page.locator('time[datetime]').count()).resolves.toBe(1);
    await expect(page.locator('[data-feedback-widget]').count()).resolves.toBe(1);
    await expect(page.locator('[data-contact-link]').count()).resolves.toBe(1);
    expect(await page.getAttribute('meta[property="og:title"]', 'content')).toBeTruthy();
  });

  it('answers unknown pages with the 404 page', async () => {
    const res = await page.goto(`${baseUrl}/en/articles/does-not-exist/`);
    expect(res?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Page not found');
  });

  it('has no horizontal scrolling at 375 px', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const path of ['/zh-CN/', '/en/articles/install-desktop-silent/', '/zh-CN/search/?q=打印']) {
      await page.goto(`${baseUrl}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe('agents edition (KB_AUDIENCE=internal)', () => {
  it('includes internal articles, marked as internal', () => {
    const file = join(inject('internalDistDir'), 'en/articles/escalation-checklist/index.html');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('data-internal');
  });
});

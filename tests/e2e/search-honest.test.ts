/**
 * Honest search (issue 15) as a customer meets it, in Debian Chromium against the production
 * build: answers only when an article plausibly answers, an empty state that helps, the other
 * language's answers, and no training material for customers.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

/** Opens a search and waits until it is done; returns the answers' article ids. */
async function searchFor(lang: string, query: string): Promise<string[]> {
  await page.goto(`${baseUrl}/${lang}/search/?${new URLSearchParams({ q: query })}`);
  await page.waitForSelector('[data-search-status="done"]', { state: 'attached', timeout: 15_000 });
  return page.$$eval('[data-search-result]', (els) => els.map((e) => e.getAttribute('data-article') ?? ''));
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  // Every finished search's `kb:search` detail, the source of the `search` event.
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { searches: unknown[] }).searches = seen;
    document.addEventListener('kb:search', (event) => seen.push((event as CustomEvent).detail));
  });
});
afterAll(async () => {
  await browser?.close();
});

describe('honest search', () => {
  it('shows the empty state with a contact link carrying the query for a question nothing answers', async () => {
    expect(await searchFor('en', 'xyzzy frobnicate')).toEqual([]);
    await expect(page.locator('[data-search-empty]').count()).resolves.toBe(1);
    const href = await page.getAttribute('[data-search-empty] a[data-search-contact]', 'href');
    expect(href).toBe('/en/contact/?q=xyzzy+frobnicate');
    await page.click('[data-search-empty] a[data-search-contact]');
    await page.waitForURL(/\/en\/contact\//);
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('[data-field="subject"]')?.value === 'xyzzy frobnicate');
  });

  it('answers with nothing where the demo lists no-result searches (税率设置, ipad app, dark mode)', async () => {
    expect(await searchFor('zh-CN', '税率设置')).toEqual([]);
    expect(await searchFor('en', 'ipad app')).toEqual([]);
    expect(await searchFor('en', 'dark mode')).toEqual([]);
  });

  it('finds the article holding an exact error code first', async () => {
    expect((await searchFor('en', 'E-LIC-0042'))[0]).toBe('en/activation-code-already-used');
  });

  it('offers the Chinese answers to a Chinese question asked on /en/', async () => {
    expect(await searchFor('en', '忘记密码')).toEqual([]);
    await page.waitForSelector('[data-search-other-lang="zh-CN"] [data-other-lang-article="zh-CN/reset-password"]', { timeout: 10_000 });
    await expect(page.textContent('[data-search-other-lang] h2')).resolves.toMatch(/answers? in 中文/);
  });

  it('keeps training articles out of a customer search', async () => {
    const ids = await searchFor('en', 'Tier-1 training: handling data import failures');
    expect(ids).not.toContain('en/training-data-import-failures');
    expect(ids.every((id) => !id.startsWith('en/training-'))).toBe(true);
  });

  it('reports only real answers in the search event, weak matches shown apart', async () => {
    await searchFor('en', 'ipad app');
    const related = await page.$$eval('[data-search-related] a', (els) => els.length);
    expect(related).toBeGreaterThan(0);
    await expect(page.locator('[data-search-related] [data-search-result]').count()).resolves.toBe(0);
    const searches = await page.evaluate(() => (window as unknown as { searches: Array<{ query: string; results: number }> }).searches);
    expect(searches.at(-1)).toMatchObject({ query: 'ipad app', results: 0 });

    await searchFor('en', 'forgot my password');
    const answered = await page.evaluate(() => (window as unknown as { searches: Array<{ results: number }> }).searches.at(-1)!.results);
    await expect(page.locator('[data-search-result]').count()).resolves.toBe(answered);
    expect(answered).toBeGreaterThan(0);
  });
});

describe('search as you type in the header', () => {
  it('offers article titles as a combobox, chosen and opened by keyboard', async () => {
    await page.goto(`${baseUrl}/en/`);
    const box = page.locator('#header-q');
    await box.focus();
    await page.keyboard.type('forgot my password');
    await page.waitForSelector('#header-q-list [role="option"]', { timeout: 10_000 });
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(page.textContent('[data-typeahead-status]')).resolves.toMatch(/articles?\./);
    await page.keyboard.press('ArrowDown');
    const activeId = await box.getAttribute('aria-activedescendant');
    expect(activeId).toBe('header-q-option-0');
    await expect(page.getAttribute(`#${activeId}`, 'aria-selected')).resolves.toBe('true');
    const article = await page.getAttribute(`#${activeId}`, 'data-article');
    expect(article).toBe('en/reset-password');
    await page.keyboard.press('Escape');
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
    await page.keyboard.type(' ');
    await page.waitForSelector('#header-q-list:not([hidden]) [role="option"]', { timeout: 10_000 });
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL(/\/en\/articles\/reset-password\//), page.keyboard.press('Enter')]);
  });

  it('opens the full results page on Enter with no title chosen', async () => {
    await page.goto(`${baseUrl}/en/`);
    await page.locator('#header-q').focus();
    await page.keyboard.type('print preview blank');
    await Promise.all([page.waitForURL(/\/en\/search\/\?q=print\+preview\+blank/), page.keyboard.press('Enter')]);
    await page.waitForSelector('[data-search-status="done"]', { state: 'attached' });
  });
});

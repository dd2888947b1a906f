/**
 * `/` greets in the visitor's language (issue 15), in Debian Chromium against the production
 * build: the browser's preferred language (Accept-Language), the choice made with the
 * language switch remembered on the device, and the search box first.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh device whose browser prefers `locale`. */
async function device(locale: string) {
  const context = await browser.newContext({ locale });
  return { context, page: await context.newPage() };
}

describe('the greeting at /', () => {
  it("opens the browser's preferred language with the search box first", async () => {
    for (const [locale, lang] of [
      ['zh-CN', 'zh-CN'],
      ['en-GB', 'en'],
    ] as const) {
      const { context, page } = await device(locale);
      await page.goto(`${baseUrl}/`);
      expect(new URL(page.url()).pathname).toBe(`/${lang}/`);
      // The first field of the page's main content is its search box.
      await expect(page.$eval('main', (main) => main.querySelector('input, select, textarea')?.getAttribute('type'))).resolves.toBe(
        'search',
      );
      await context.close();
    }
  });

  it('remembers the language chosen with the switch on this device', async () => {
    const { context, page } = await device('en-US');
    await page.goto(`${baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/en/');
    await page.click('a.lang-switch');
    await page.waitForURL(/\/zh-CN\//);
    await page.goto(`${baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/zh-CN/');
    await context.close();
  });

  it('lets a browser preferring neither language search or choose, search boxes first', async () => {
    const { context, page } = await device('fr-FR');
    await page.goto(`${baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.locator('form[data-root-search] input[type="search"]').count()).resolves.toBe(2);
    await page.click('a[data-choose-lang="en"]');
    await page.waitForURL(/\/en\//);
    await page.goto(`${baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/en/');
    await context.close();
  });
});

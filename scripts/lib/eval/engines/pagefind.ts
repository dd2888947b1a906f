/**
 * Measures what a customer sees: opens the site's own search page in Chromium and reads
 * the results it renders. The page contract (site/pages/[lang]/search.astro):
 * - `[data-search-status]` turns `done` once results (or the empty state) are shown,
 *   or `error` when the search failed;
 * - each result is a `[data-search-result]` element, in rank order, carrying
 *   `data-article="<article id>"` (else its first link points at `/<lang>/articles/<slug>/`);
 * - a search that finds nothing shows `[data-search-empty]`.
 */
import { stat } from 'node:fs/promises';
import { errors, type Browser, type Page } from 'playwright-core';
import { articleIdFromUrl, searchUrl } from '../../../../core/content/urls.ts';
import { startStaticServer, type StaticServer } from '../../static-server.ts';
import { QueryFailedError, type SearchEngine, type SearchQuery } from './types.ts';
import { launchChromium } from '../../chromium.ts';

/** Options for {@link createPagefindEngine}. */
export interface PagefindEngineOptions {
  /** A built site folder (served on 127.0.0.1) or the base URL of a running site. */
  site: string;
  /** How long to wait for one search to finish, in ms. */
  timeoutMs?: number;
  /** The Chromium binary (Debian's, never a downloaded one). */
  chromiumPath?: string;
}

/** A raw result as read from the page, before it is turned into an article id. */
interface RenderedResult {
  article: string | null;
  href: string | null;
}

/** The article id of one rendered result, from `data-article` or its first link. */
export function resultArticleId(result: RenderedResult): string | null {
  const fromAttribute = result.article?.trim();
  if (fromAttribute) return fromAttribute;
  return result.href ? articleIdFromUrl(new URL(result.href, 'http://site.invalid').pathname) : null;
}

/** Serves a folder or checks a URL; returns the base URL with a trailing slash. */
async function openSite(site: string): Promise<{ baseUrl: string; server?: StaticServer }> {
  if (/^https?:\/\//i.test(site)) return { baseUrl: site.endsWith('/') ? site : `${site}/` };
  const info = await stat(site).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`--site: "${site}" is neither an http(s) URL nor a folder`);
  const server = await startStaticServer(site);
  return { baseUrl: `${server.origin}/`, server };
}

async function readResults(page: Page): Promise<RenderedResult[]> {
  return page.$$eval('[data-search-result]', (elements) =>
    elements.map((element) => ({
      article: element.getAttribute('data-article'),
      href: element.querySelector('a[href]')?.getAttribute('href') ?? null,
    })),
  );
}

/** Starts the site (if a folder) and Chromium, and returns the `pagefind` engine. */
export async function createPagefindEngine(options: PagefindEngineOptions): Promise<SearchEngine> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const { baseUrl, server } = await openSite(options.site);
  let browser: Browser;
  try {
    browser = await launchChromium({ executablePath: options.chromiumPath });
  } catch (error) {
    await server?.close();
    throw new Error(`could not start Chromium: ${(error as Error).message.split('\n')[0]}`);
  }
  const page = await browser.newPage();
  let closed = false;

  return {
    name: 'pagefind',
    target: server ? `${options.site} (served at ${baseUrl})` : baseUrl,
    async search({ lang, text }: SearchQuery): Promise<string[]> {
      // searchUrl() is the site's own URL builder; strip its leading slash to honour a base path.
      const url = new URL(searchUrl(lang, text).slice(1), baseUrl).href;
      const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs }).catch((error: Error) => {
        if (error instanceof errors.TimeoutError)
          throw new QueryFailedError(`search page did not load within ${timeoutMs / 1000} s (${url})`);
        throw error;
      });
      if (response && !response.ok()) throw new Error(`search page ${url} answered HTTP ${response.status()}`);
      // The page may also end in `error`; stop waiting then instead of sitting out the timeout.
      const finished = await page
        .waitForSelector('[data-search-status="done"], [data-search-status="error"]', { state: 'attached', timeout: timeoutMs })
        .catch(() => null);
      if (!finished) throw new QueryFailedError(`search did not finish within ${timeoutMs / 1000} s (${url})`);
      if ((await finished.getAttribute('data-search-status')) === 'error') {
        const message = (await page.textContent('[data-search-message]').catch(() => null))?.trim();
        throw new QueryFailedError(`search page reported an error${message ? `: ${message}` : ''} (${url})`);
      }
      const ids: string[] = [];
      for (const result of await readResults(page)) {
        const id = resultArticleId(result);
        if (id === null) throw new Error(`a [data-search-result] on ${url} names no article (no data-article, no article link)`);
        ids.push(id);
      }
      return ids;
    },
    async close() {
      if (closed) return;
      closed = true;
      await browser.close().catch(() => undefined);
      await server?.close();
    },
  };
}

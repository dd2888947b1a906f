/**
 * Measures what one search costs a reader: open the search page with a query in headless
 * Chromium, wait until the page says the search is done, and add up the encoded (on the
 * wire) body sizes of every response, split into Pagefind's files and the page as a whole.
 */
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, launchChromium } from '../chromium.ts';
import { startStaticServer } from '../static-server.ts';

/** Bytes downloaded for one query; all figures are response bodies as sent (after gzip). */
export interface QueryBytes {
  url: string;
  /** Responses under /pagefind/: the index chunks, fragments, WASM and Pagefind's JS. */
  pagefindBytes: number;
  pagefindRequests: number;
  /** Every response the page loaded, HTML, CSS and JS included. */
  totalBytes: number;
  totalRequests: number;
  /** Results the page showed (`[data-search-result]` elements). */
  results: number;
  /** Requests that failed or answered 4xx/5xx; a non-zero count means the figures are suspect. */
  failedRequests: string[];
}

/** What to measure. */
export interface QueryBytesOptions {
  outDir: string;
  lang: string;
  query: string;
  timeoutSeconds: number;
}

/** Whether the system Chromium is installed. */
export const hasChromium = (): boolean => existsSync(CHROMIUM_PATH);

/**
 * Serves `outDir`, opens `/<lang>/search/?q=<query>` in a fresh browser (empty cache) and
 * waits for `[data-search-status="done"]`, then for the network to go quiet so result
 * fragments loaded after the status change are counted too.
 */
export async function measureQueryBytes(options: QueryBytesOptions): Promise<QueryBytes> {
  const server = await startStaticServer(options.outDir);
  const browser = await launchChromium({ timeoutMs: options.timeoutSeconds * 1000 });
  try {
    const page = await browser.newPage();
    const timeout = options.timeoutSeconds * 1000;
    page.setDefaultTimeout(timeout);
    const pending: Array<Promise<void>> = [];
    const result: Omit<QueryBytes, 'url'> = {
      results: 0,
      pagefindBytes: 0,
      pagefindRequests: 0,
      totalBytes: 0,
      totalRequests: 0,
      failedRequests: [],
    };
    page.on('requestfinished', (request) => {
      pending.push(
        (async () => {
          const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
          const bytes = sizes.responseBodySize;
          const path = new URL(request.url()).pathname;
          result.totalBytes += bytes;
          result.totalRequests += 1;
          if (path.startsWith('/pagefind/')) {
            result.pagefindBytes += bytes;
            result.pagefindRequests += 1;
          }
          if (response && response.status() >= 400) result.failedRequests.push(`${response.status()} ${path}`);
        })(),
      );
    });
    page.on('requestfailed', (request) => {
      result.failedRequests.push(`${request.failure()?.errorText ?? 'failed'} ${new URL(request.url()).pathname}`);
    });

    const url = `${server.origin}/${options.lang}/search/?q=${encodeURIComponent(options.query)}`;
    await page.goto(url, { waitUntil: 'load' });
    // The page's contract: status goes idle → searching → done, or error.
    await page.waitForSelector('[data-search-status="done"], [data-search-status="error"]', { state: 'attached' });
    if (await page.locator('[data-search-status="error"]').count()) throw new Error('the search page reported an error');
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await Promise.all(pending);
    result.results = await page.locator('[data-search-result]').count();
    return { url: url.replace(server.origin, ''), ...result };
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * The search page as a visitor types (issue 15's bench): in a fresh Chromium context per
 * query (empty cache, so each query pays what a new visitor's first search pays), open
 * `/<lang>/search/`, type the query, and time from the last keystroke to the first rendered
 * results (a `[data-search-result]` or the empty state), counting the bytes downloaded
 * from the first keystroke on. Two times: from the last keystroke (the page's debounce
 * included, the figure issue 15 names) and from the moment the page issued the search
 * (its `kb-search-issued` performance mark, after the debounce). Bytes the page loads
 * before the first keystroke (Pagefind preloads once the page is idle) are counted apart.
 */
import type { Browser } from 'playwright-core';

/** One measured query. */
export interface TypingResult {
  query: string;
  lang: string;
  /** ms from the last keystroke to the first rendered results. */
  ms: number;
  /** ms from the search being issued (after the debounce) to the first rendered results. */
  issuedMs: number;
  /** Bytes loaded after the page's load event and before the first keystroke (the idle preload). */
  preloadBytes: number;
  /** Bytes (as sent) of every response from the first keystroke until the network went quiet. */
  bytes: number;
  requests: number;
  results: number;
}

/** Types `query` on the search page at `origin` and measures it (see the module comment). */
export async function measureTyping(
  browser: Browser,
  origin: string,
  lang: string,
  query: string,
  timeoutMs: number,
): Promise<TypingResult> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    let phase: 'page' | 'preload' | 'query' = 'page';
    let preloadBytes = 0;
    let bytes = 0;
    let requests = 0;
    const pending: Array<Promise<void>> = [];
    page.on('requestfinished', (request) => {
      const at = phase;
      if (at === 'page') return;
      pending.push(
        request.sizes().then((sizes) => {
          if (at === 'preload') preloadBytes += sizes.responseBodySize;
          else {
            bytes += sizes.responseBodySize;
            requests += 1;
          }
        }),
      );
    });
    await page.goto(`${origin}/${lang}/search/`, { waitUntil: 'load' });
    phase = 'preload';
    await page.waitForSelector('[data-search-status="idle"]', { state: 'attached' });
    await page.waitForLoadState('networkidle').catch(() => undefined);
    // The idle preload may start after the network first went quiet: give it its moment.
    await page.waitForTimeout(600);
    await page.waitForLoadState('networkidle').catch(() => undefined);
    // In the page: the time of the last input event, and of the first result rendered after it.
    await page.evaluate(() => {
      const w = window as unknown as { benchLastKey: number; benchRendered: number };
      w.benchLastKey = 0;
      w.benchRendered = 0;
      const input = document.querySelector<HTMLInputElement>('#search-q');
      input?.addEventListener('input', () => {
        w.benchLastKey = performance.now();
        w.benchRendered = 0;
      });
      // Only the search issued after the last key counts: on a loaded machine a pause between
      // keys can fire an earlier search, whose results must not pass for the last one's.
      // (Inline: a named helper here would be wrapped by tsx in __name, unknown in the page.)
      new MutationObserver(() => {
        if (
          w.benchLastKey &&
          !w.benchRendered &&
          (performance.getEntriesByName('kb-search-issued', 'mark').at(-1)?.startTime ?? -1) >= w.benchLastKey &&
          document.querySelector('[data-search-result], [data-search-empty]')
        )
          w.benchRendered = performance.now();
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    phase = 'query';
    const box = page.locator('#search-q');
    await box.click();
    await box.pressSequentially(query, { delay: 30 });
    await page.waitForFunction(() => (window as unknown as { benchRendered: number }).benchRendered > 0);
    const { ms, issuedMs } = await page.evaluate(() => {
      const w = window as unknown as { benchLastKey: number; benchRendered: number };
      const issued = performance.getEntriesByName('kb-search-issued', 'mark').at(-1)?.startTime ?? w.benchLastKey;
      return { ms: w.benchRendered - w.benchLastKey, issuedMs: w.benchRendered - issued };
    });
    await page.waitForSelector('[data-search-status="done"]', { state: 'attached' });
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await Promise.all(pending);
    const results = await page.locator('[data-search-result]').count();
    return { query, lang, ms, issuedMs, preloadBytes, bytes, requests, results };
  } finally {
    await context.close();
  }
}

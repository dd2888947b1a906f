/**
 * The browser tests' Chromium: Debian's build with the flags every tool here uses
 * (scripts/lib/chromium.ts). One launcher, one user agent.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { BROWSER_UA, launchChromium } from '../../scripts/lib/chromium.ts';

export { BROWSER_UA };

/**
 * Starts Chromium. By default it says it is HeadlessChrome, which the server drops as a
 * bot: pages can be read without writing events into the shared database. `asVisitor`
 * makes the whole browser carry BROWSER_UA, for tests that check what a visitor's page
 * stored (beacons sent while a page unloads come from the browser process, which ignores
 * a context's user agent).
 */
export function launchBrowser(options: { asVisitor?: boolean } = {}): Promise<Browser> {
  return launchChromium(options.asVisitor ? { userAgent: BROWSER_UA } : {});
}

/** What a visitor's context may differ in: a script run before the page's own, and any context option. */
export type VisitorOptions = BrowserContextOptions & { initScript?: string };

/**
 * For a file of visitor tests: one Chromium carrying BROWSER_UA for the whole file and a
 * fresh context (cookies, storage, user agent) per visitor, closed when the test ends.
 * Call it at the top of the file; it registers the hooks.
 */
export function visitorBrowser(): (options?: VisitorOptions) => Promise<Page> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser({ asVisitor: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async ({ initScript, ...options } = {}) => {
    const context = await browser!.newContext({ userAgent: BROWSER_UA, ...options });
    onTestFinished(() => context.close());
    if (initScript) await context.addInitScript(initScript);
    return context.newPage();
  };
}

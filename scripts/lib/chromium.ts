/**
 * How every tool here starts Chromium: Debian's build (never a downloaded one), headless,
 * with background networking off because this machine has no network beyond its own sites.
 * Used by the browser tests, the search evaluation and the build benchmark.
 */
import { chromium, type Browser } from 'playwright-core';
import { cliConfig } from '../../core/config/cli.ts';

/** The binary: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export const CHROMIUM_PATH = cliConfig().chromiumPath;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * What a desktop Chrome on Linux says it is. The API drops requests from HeadlessChrome as
 * a bot's (docs/design.md §2): the benchmarks send this with every request, and the browser
 * tests that check what a visitor's page stored make Chromium carry it.
 */
export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

/** Options of {@link launchChromium}. */
export interface LaunchOptions {
  /** Another binary than CHROMIUM_PATH (the search evaluation's --chromium). */
  executablePath?: string;
  /**
   * A user agent for the whole browser, not only a context: beacons sent while a page
   * unloads come from the browser process, which ignores a context's user agent.
   */
  userAgent?: string;
  /** How long the start may take, in ms (playwright's default: 180 s). */
  timeoutMs?: number;
}

/** Starts headless Chromium with the flags above. */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const args = options.userAgent ? [...CHROMIUM_ARGS, `--user-agent=${options.userAgent}`] : CHROMIUM_ARGS;
  return chromium.launch({ executablePath: options.executablePath ?? CHROMIUM_PATH, args, timeout: options.timeoutMs });
}

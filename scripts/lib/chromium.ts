/**
 * How every tool here starts Chromium: Debian's build (never a downloaded one), headless,
 * with background networking off because this machine has no network beyond its own sites.
 * Used by the browser tests, the search evaluation and the build benchmark.
 */
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

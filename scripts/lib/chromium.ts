/**
 * How every tool here starts Chromium: Debian's build (never a downloaded one), headless,
 * with background networking off because this machine has no network beyond its own sites.
 * Used by the browser tests, the search evaluation and the build benchmark.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

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

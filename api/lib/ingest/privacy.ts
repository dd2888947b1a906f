/** Request-level signals that decide whether anything about a request may be recorded. */

// User agents of crawlers, monitors, scripts and headless browsers. A match is dropped
// (and counted) but still answered with 2xx, so a bot learns nothing from the status.
const BOT_PATTERN =
  /bot\b|bot\/|crawl|spider|slurp|mediapartners|headlesschrome|phantomjs|lighthouse|pagespeed|pingdom|uptime|monitor|curl\/|wget\/|python-requests|python-urllib|aiohttp|httpx|go-http-client|java\/|okhttp|axios\/|node-fetch|undici|libwww|scrapy|facebookexternalhit|preview|whatsapp|bingpreview|feedfetcher/i;

export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || userAgent.trim().length < 8 || BOT_PATTERN.test(userAgent);
}

/** `dnt` for DNT: 1, `gpc` for Sec-GPC: 1, null when the visitor sent neither (the headers' values). */
export function privacySignal(dnt: string | null | undefined, secGpc: string | null | undefined): 'dnt' | 'gpc' | null {
  if (dnt?.trim() === '1') return 'dnt';
  if (secGpc?.trim() === '1') return 'gpc';
  return null;
}

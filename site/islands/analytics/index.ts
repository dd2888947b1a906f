/**
 * The analytics island on every page (components/Analytics.astro): a page view, and on
 * the search page the searches that settled and clicks on results. Events wait in a
 * queue and leave as a beacon when the page is hidden or left. No cookies, no storage:
 * the server derives a daily visitor id on its own (docs/design.md §2).
 */
import type { Lang } from '../../../core/content/article.ts';
import { pageLang, pageViewEvent, searchClickEvent, searchEvent, type SearchDetail } from './events.ts';
import { trackingAllowed, type PrivacySignals } from './privacy.ts';
import { EventQueue } from './queue.ts';
import { browserClock, SearchSettler } from './search-settle.ts';
import { beaconSender } from './transport.ts';
import { apiUrl } from '../api-origin.ts';

const ENDPOINT = apiUrl('/api/events');

function recordPageView(queue: EventQueue, lang: Lang | undefined): void {
  queue.add(
    pageViewEvent({
      lang,
      // The <article> carries the id; search results carry data-article too, hence the tag.
      article: document.querySelector<HTMLElement>('article[data-article]')?.dataset.article,
      pathname: location.pathname,
      referrer: document.referrer,
      origin: location.origin,
    }),
  );
}

/** Listens for result clicks, including middle clicks that open a new tab. */
function watchResultClicks(onClick: (result: HTMLElement) => void): void {
  const listener = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    const result = link?.closest<HTMLElement>('[data-search-result]');
    if (result) onClick(result);
  };
  document.addEventListener('click', listener);
  document.addEventListener('auxclick', (event) => {
    if (event.button === 1) listener(event);
  });
}

/** Starts the beacons, unless the browser signals Do Not Track or Global Privacy Control. */
export function startAnalytics(): void {
  if (!trackingAllowed(navigator as Navigator & PrivacySignals)) return;
  const queue = new EventQueue(
    beaconSender(ENDPOINT, {
      sendBeacon: typeof navigator.sendBeacon === 'function' ? (url, data) => navigator.sendBeacon(url, data) : undefined,
      fetch: (url, init) => fetch(url, init),
    }),
  );
  const lang = pageLang(document.documentElement.lang);
  recordPageView(queue, lang);

  const settler = new SearchSettler((search) => {
    const event = searchEvent(search, lang);
    if (event) queue.add(event);
  }, browserClock);
  document.addEventListener('kb:search', (event) => settler.observe((event as CustomEvent<SearchDetail>).detail));
  document.addEventListener('submit', (event) => {
    if ((event.target as Element).closest('[data-search-page]')) settler.submitted();
  });
  watchResultClicks((result) => {
    const search = settler.current;
    if (!search) return;
    // A click means the visitor settled on this search: record it before its click.
    settler.settle();
    const results = [...document.querySelectorAll('[data-search-result]')];
    const event = searchClickEvent(search.query, result.dataset.article ?? '', results.indexOf(result) + 1, lang);
    if (event) queue.add(event);
  });

  const leave = () => {
    settler.settle();
    queue.flush();
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') leave();
  });
  addEventListener('pagehide', leave);
  // Coming back through the back/forward cache is a new view of the page.
  addEventListener('pageshow', (event) => {
    if (event.persisted) recordPageView(queue, lang);
  });
}

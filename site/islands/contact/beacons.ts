/**
 * The contact page's events leave the way every page's do (scripts/analytics): queued,
 * sent as a text/plain beacon when the page is hidden or left, and not even queued when
 * the browser signals Do Not Track or Global Privacy Control. The page also flushes at
 * the moments that matter (solved, sending) so they arrive while it is still open.
 */
import type { AnalyticsEvent } from '../../../core/contracts/events.ts';
import { trackingAllowed, type PrivacySignals } from '../analytics/privacy.ts';
import { EventQueue } from '../analytics/queue.ts';
import { beaconSender } from '../analytics/transport.ts';
import { apiUrl } from '../api-origin.ts';

export interface Beacons {
  add(event: AnalyticsEvent): void;
  flush(): void;
}

/** Events of this page, sent as beacons like every other page's (DNT / GPC: nothing is queued). */
export function contactBeacons(): Beacons {
  if (!trackingAllowed(navigator as Navigator & PrivacySignals)) return { add: () => {}, flush: () => {} };
  const queue = new EventQueue(
    beaconSender(apiUrl('/api/events'), {
      sendBeacon: typeof navigator.sendBeacon === 'function' ? (url, data) => navigator.sendBeacon(url, data) : undefined,
      fetch: (url, init) => fetch(url, init),
    }),
  );
  const flush = () => queue.flush();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  addEventListener('pagehide', flush);
  return { add: (event) => queue.add(event), flush };
}

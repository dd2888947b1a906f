/**
 * Delivers event batches to POST /api/events in a way that survives the page being
 * closed: navigator.sendBeacon, falling back to fetch with `keepalive`.
 */
import type { Sender } from './queue.ts';

/** What the sender needs from the browser; tests pass fakes. */
export interface TransportEnv {
  sendBeacon?: ((url: string, data: Blob) => boolean) | undefined;
  fetch: (url: string, init: RequestInit) => Promise<unknown>;
}

/**
 * A Sender for `endpoint`. The body is JSON sent as text/plain: a "simple" request that
 * needs no CORS preflight, which a beacon could not answer anyway; the API reads
 * text/plain as JSON on this endpoint.
 */
export function beaconSender(endpoint: string, env: TransportEnv): Sender {
  return function sendBatch(events) {
    if (events.length === 0) return;
    const body = JSON.stringify({ events });
    try {
      // false means the browser refused to queue it (for example, over its size quota).
      if (env.sendBeacon?.(endpoint, new Blob([body], { type: 'text/plain' }))) return;
    } catch {
      // Some browsers throw instead of returning false; fall back all the same.
    }
    env
      .fetch(endpoint, { method: 'POST', body, headers: { 'Content-Type': 'text/plain' }, keepalive: true, credentials: 'omit' })
      .catch(() => {
        // Analytics must never disturb the page; a lost batch is acceptable.
      });
  };
}

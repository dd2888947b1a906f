import { describe, expect, it } from 'vitest';
import type { AnalyticsEvent } from '../../core/contracts/events.ts';
import { EventQueue } from '../../site/islands/analytics/queue.ts';
import { beaconSender } from '../../site/islands/analytics/transport.ts';

const view = (n: number): AnalyticsEvent => ({ type: 'page_view', path: `/p${n}/` });

function recordingSender() {
  const batches: AnalyticsEvent[][] = [];
  return { batches, send: (events: AnalyticsEvent[]) => void batches.push(events) };
}

describe('EventQueue', () => {
  it('holds events until it is flushed', () => {
    const { batches, send } = recordingSender();
    const queue = new EventQueue(send);
    queue.add(view(1));
    queue.add(view(2));
    expect(batches).toEqual([]);
    queue.flush();
    expect(batches).toEqual([[view(1), view(2)]]);
    expect(queue.size).toBe(0);
  });

  it('sends by itself once ten events are waiting', () => {
    const { batches, send } = recordingSender();
    const queue = new EventQueue(send);
    for (let i = 1; i <= 10; i++) queue.add(view(i));
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(10);
  });

  it('sends nothing when flushed empty', () => {
    const { batches, send } = recordingSender();
    new EventQueue(send).flush();
    expect(batches).toEqual([]);
  });

  it('splits a large queue into batches of at most 50', () => {
    const { batches, send } = recordingSender();
    const queue = new EventQueue(send, 1000);
    for (let i = 0; i < 120; i++) queue.add(view(i));
    queue.flush();
    expect(batches.map((b) => b.length)).toEqual([50, 50, 20]);
  });
});

describe('beaconSender', () => {
  it('sends the batch as a text/plain beacon holding JSON', async () => {
    const beacons: Array<{ url: string; data: Blob }> = [];
    const fetches: string[] = [];
    const send = beaconSender('/api/events', {
      sendBeacon: (url, data) => (beacons.push({ url, data }), true),
      fetch: async (url) => fetches.push(url),
    });
    send([view(1)]);
    expect(fetches).toEqual([]);
    expect(beacons[0]!.url).toBe('/api/events');
    expect(beacons[0]!.data.type).toBe('text/plain');
    expect(JSON.parse(await beacons[0]!.data.text())).toEqual({ events: [view(1)] });
  });

  it('falls back to a keepalive fetch when the browser refuses the beacon', () => {
    const fetches: Array<{ url: string; init: RequestInit }> = [];
    const send = beaconSender('/api/events', { sendBeacon: () => false, fetch: async (url, init) => fetches.push({ url, init }) });
    send([view(1)]);
    expect(fetches).toHaveLength(1);
    expect(fetches[0]!.init).toMatchObject({
      method: 'POST',
      keepalive: true,
      credentials: 'omit',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(JSON.parse(fetches[0]!.init.body as string)).toEqual({ events: [view(1)] });
  });

  it('falls back to fetch when the browser has no sendBeacon', () => {
    const fetches: string[] = [];
    beaconSender('/api/events', { fetch: async (url) => fetches.push(url) })([view(1)]);
    expect(fetches).toEqual(['/api/events']);
  });

  it('swallows a failed fetch: analytics never disturbs the page', async () => {
    const send = beaconSender('/api/events', { fetch: () => Promise.reject(new Error('offline')) });
    expect(() => send([view(1)])).not.toThrow();
    await new Promise((r) => setTimeout(r, 0));
  });
});

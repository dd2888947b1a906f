import { describe, expect, it } from 'vitest';
import { MetricCache } from '../../api/metrics/cache.ts';
import type { MetricQuery, MetricResult } from '../../api/metrics/types.ts';

const query: MetricQuery = {
  from: '2026-11-01',
  to: '2026-11-30',
  tz: 'Asia/Shanghai',
  start: '2026-10-31T16:00:00.000Z',
  end: '2026-11-30T16:00:00.000Z',
  interval: 'day',
};

/** A compute function that counts its calls and answers with the call number. */
function counter() {
  let calls = 0;
  const compute = async (): Promise<MetricResult> => ({ value: ++calls });
  return { compute, calls: () => calls };
}

describe('MetricCache', () => {
  it('computes once for concurrent identical requests (single flight)', async () => {
    const cache = new MetricCache(60, () => 0);
    const c = counter();
    const results = await Promise.all(Array.from({ length: 20 }, () => cache.get('deflection', query, c.compute)));
    expect(c.calls()).toBe(1);
    expect(results.every((r) => r.value === 1)).toBe(true);
  });

  it('reuses a result until it is maxAge old, then computes again', async () => {
    let now = 0;
    const cache = new MetricCache(60, () => now);
    const c = counter();
    await cache.get('deflection', query, c.compute);
    now = 59_999;
    expect((await cache.get('deflection', query, c.compute)).value).toBe(1);
    now = 60_000;
    expect((await cache.get('deflection', query, c.compute)).value).toBe(2);
  });

  it('keys by metric, period and every filter', async () => {
    const cache = new MetricCache(60, () => 0);
    const c = counter();
    await cache.get('deflection', query, c.compute);
    await cache.get('helpful-rate', query, c.compute);
    await cache.get('deflection', { ...query, lang: 'en' }, c.compute);
    await cache.get('deflection', { ...query, topic: 'billing' }, c.compute);
    await cache.get('deflection', { ...query, interval: 'week' }, c.compute);
    await cache.get('deflection', { ...query, tz: 'UTC' }, c.compute);
    await cache.get('deflection', { ...query, to: '2026-11-29' }, c.compute);
    expect(c.calls()).toBe(7);
  });

  it('does not keep a failed computation', async () => {
    const cache = new MetricCache(60, () => 0);
    await expect(cache.get('deflection', query, () => Promise.reject(new Error('database locked')))).rejects.toThrow('database locked');
    const c = counter();
    expect((await cache.get('deflection', query, c.compute)).value).toBe(1);
  });

  it('with maxAge 0 keeps nothing once answered, but still shares a computation in flight', async () => {
    const cache = new MetricCache(0, () => 0);
    const c = counter();
    await cache.get('deflection', query, c.compute);
    await cache.get('deflection', query, c.compute);
    expect(c.calls()).toBe(2);
    await Promise.all([cache.get('deflection', query, c.compute), cache.get('deflection', query, c.compute)]);
    expect(c.calls()).toBe(3);
  });

  it('shares a computation in flight even when it takes longer than maxAge', async () => {
    let now = 0;
    const cache = new MetricCache(1, () => now);
    let finish!: (r: MetricResult) => void;
    let calls = 0;
    const slow = () => {
      calls++;
      return new Promise<MetricResult>((resolve) => (finish = resolve));
    };
    const first = cache.get('deflection', query, slow);
    now = 5_000;
    const second = cache.get('deflection', query, slow);
    finish({ value: 1 });
    expect(await first).toEqual({ value: 1 });
    expect(await second).toEqual({ value: 1 });
    expect(calls).toBe(1);
  });
});

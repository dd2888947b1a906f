import { describe, expect, it } from 'vitest';
import { VisitorCache } from '../../api/lib/ingest/visitor-cache.ts';

describe('VisitorCache', () => {
  it('returns the id remembered for the same client on the same day', () => {
    const cache = new VisitorCache();
    cache.set('2026-11-27', '203.0.113.7', 'Firefox', 'id-a');
    expect(cache.get('2026-11-27', '203.0.113.7', 'Firefox')).toBe('id-a');
    expect(cache.get('2026-11-27', '203.0.113.7', 'Chrome')).toBeUndefined();
    expect(cache.get('2026-11-27', '203.0.113.8', 'Firefox')).toBeUndefined();
  });

  it('knows nothing of another day, and forgets the old day once a new one is set', () => {
    const cache = new VisitorCache();
    cache.set('2026-11-27', '203.0.113.7', 'Firefox', 'id-a');
    expect(cache.get('2026-11-28', '203.0.113.7', 'Firefox')).toBeUndefined();
    cache.set('2026-11-28', '203.0.113.9', 'Firefox', 'id-b');
    expect(cache.size).toBe(1);
    expect(cache.get('2026-11-27', '203.0.113.7', 'Firefox')).toBeUndefined();
  });

  it('keeps at most its capacity, dropping the oldest entry first', () => {
    const cache = new VisitorCache(2);
    cache.set('2026-11-27', '10.0.0.1', 'UA', 'one');
    cache.set('2026-11-27', '10.0.0.2', 'UA', 'two');
    cache.set('2026-11-27', '10.0.0.3', 'UA', 'three');
    expect(cache.size).toBe(2);
    expect(cache.get('2026-11-27', '10.0.0.1', 'UA')).toBeUndefined();
    expect(cache.get('2026-11-27', '10.0.0.3', 'UA')).toBe('three');
  });

  it('does not mistake one client for another when the IP ends where the user agent begins', () => {
    const cache = new VisitorCache();
    cache.set('2026-11-27', '10.0.0.1', '1 UA', 'first');
    expect(cache.get('2026-11-27', '10.0.0.11', ' UA')).toBeUndefined();
  });
});

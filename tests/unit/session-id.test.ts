import { describe, expect, it } from 'vitest';
import { newSessionId } from '../../api/lib/ingest/sessions.ts';

describe('newSessionId', () => {
  it('is a UUID version 7 whose first 48 bits are the start time in milliseconds', () => {
    const start = Date.parse('2026-11-27T10:00:00.123Z');
    const id = newSessionId(start);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(start);
  });

  it('sorts later sessions after earlier ones and never repeats', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => newSessionId(1_790_000_000_000 + i));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(newSessionId(1_790_000_000_000)).not.toBe(newSessionId(1_790_000_000_000));
  });
});

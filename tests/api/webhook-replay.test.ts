/**
 * Issue 14, class "webhook replay": de-duplication keys on what is signed (never on the
 * unsigned delivery headers), and an older state never overwrites a newer one, whether the
 * payload carries updated_at or not (then the signed timestamp orders deliveries).
 */
import { describe, expect, it } from 'vitest';
import { getTicket } from '../../api/db/queries/tickets.ts';
import { signWebhook } from '../../api/lib/webhooks/signature.ts';
import { testApp } from '../support/app.ts';
import { manualClock } from '../support/clock.ts';

const SECRET = 'zendesk-secret-0123456789';
const NOW = '2026-11-27T10:00:00Z';
const unix = (ms: number) => String(Math.floor(ms / 1000));

/** A Zendesk event; without `updatedAt` the payload has no updated_at at all. */
const event = (status: string, updatedAt?: string) => ({
  ticket: {
    id: 501,
    subject: 'Cannot sign in',
    priority: 'high',
    status,
    created_at: '2026-11-27T08:00:00Z',
    ...(updatedAt ? { updated_at: updatedAt } : {}),
  },
});

/** A delivery as captured on the wire: its bytes, timestamp and signature. */
function capture(body: unknown, signedAtMs: number) {
  const raw = JSON.stringify(body);
  const timestamp = unix(signedAtMs);
  return { raw, timestamp, signature: signWebhook(SECRET, timestamp, raw) };
}

/** Sends a captured delivery, with whatever unsigned headers the sender adds. */
const send = (d: ReturnType<typeof capture>, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-kb-timestamp': d.timestamp, 'x-kb-signature': d.signature, ...headers },
  body: d.raw,
});

async function setup() {
  const clock = manualClock(NOW);
  const made = await testApp({ now: clock.now, webhookSecrets: { zendesk: SECRET } });
  const result = async (d: ReturnType<typeof capture>, headers?: Record<string, string>) =>
    ((await (await made.app.request('/api/webhooks/zendesk', send(d, headers))).json()) as { result: string }).result;
  return { ...made, clock, result };
}

describe('webhook replay: de-duplication on what is signed', () => {
  it('answers a captured delivery re-sent with new delivery headers as a duplicate', async () => {
    const { result, clock } = await setup();
    const open = capture(event('open'), clock.now().getTime());
    expect(await result(open, { 'x-kb-delivery': 'd-1' })).toBe('inserted');
    clock.advance(60_000);
    expect(await result(open, { 'x-kb-delivery': 'd-2' })).toBe('duplicate');
    expect(await result(open, { 'x-zammad-delivery': 'z-3' })).toBe('duplicate');
    expect(await result(open)).toBe('duplicate');
  });

  it('answers a helpdesk retry of a state with updated_at (signed anew) as a duplicate', async () => {
    const { result, clock } = await setup();
    expect(await result(capture(event('open', '2026-11-27T09:00:00Z'), clock.now().getTime()))).toBe('inserted');
    clock.advance(60_000);
    expect(await result(capture(event('open', '2026-11-27T09:00:00Z'), clock.now().getTime()))).toBe('duplicate');
  });
});

describe('webhook replay: an older state never overwrites a newer one', () => {
  it('never rolls a solved ticket back to open by replaying the older delivery without updated_at', async () => {
    const { result, clock, db } = await setup();
    const open = capture(event('open'), clock.now().getTime());
    expect(await result(open)).toBe('inserted');
    clock.advance(60_000);
    expect(await result(capture(event('solved'), clock.now().getTime()))).toBe('updated');
    clock.advance(60_000);
    expect(await result(open, { 'x-kb-delivery': 'replayed' })).toBe('duplicate');
    expect(await getTicket(db, '501', 'zendesk')).toMatchObject({ status: 'solved' });
  });

  it('answers an older delivery without updated_at that was never applied as stale (ordered by its signed time)', async () => {
    const { result, clock, db } = await setup();
    // Captured (and withheld) at 10:00; the solved event signed at 10:01 is applied first.
    const withheld = capture(event('open'), clock.now().getTime());
    clock.advance(60_000);
    expect(await result(capture(event('solved'), clock.now().getTime()))).toBe('inserted');
    clock.advance(60_000);
    expect(await result(withheld)).toBe('stale');
    expect(await getTicket(db, '501', 'zendesk')).toMatchObject({ status: 'solved' });
  });

  it('applies a genuine reopen without updated_at: a later signed time, though the body repeats an earlier one', async () => {
    const { result, clock, db } = await setup();
    expect(await result(capture(event('open'), clock.now().getTime()))).toBe('inserted');
    clock.advance(60_000);
    expect(await result(capture(event('solved'), clock.now().getTime()))).toBe('updated');
    clock.advance(60_000);
    expect(await result(capture(event('open'), clock.now().getTime()))).toBe('updated');
    expect(await getTicket(db, '501', 'zendesk')).toMatchObject({ status: 'open' });
  });

  it('answers an older updated_at as stale, however its delivery headers are set', async () => {
    const { result, clock, db } = await setup();
    const open = capture(event('open', '2026-11-27T09:00:00Z'), clock.now().getTime());
    clock.advance(1000);
    expect(await result(capture(event('solved', '2026-11-27T09:30:00Z'), clock.now().getTime()))).toBe('inserted');
    expect(await result(open, { 'x-kb-delivery': 'fresh-id' })).toBe('stale');
    expect(await getTicket(db, '501', 'zendesk')).toMatchObject({ status: 'solved' });
  });
});

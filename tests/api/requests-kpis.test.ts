/**
 * Web requests feed the support and KCS KPIs exactly as imported tickets do (issue 16): two
 * requests worked through the API, the dashboard's figures checked against values by hand.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, testApp, visitorRequest } from '../support/app.ts';
import { manualClock } from '../support/clock.ts';

const HOUR = 3_600_000;

describe('web requests in the KPIs', () => {
  it('count in CSAT, first-response and resolution time, escalation, reopen and link rate', async () => {
    const clock = manualClock('2026-12-01T02:00:00Z');
    const { app } = await testApp({ now: clock.now });
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };
    const contact = async (subject: string, ip: string) => {
      const [request, env] = visitorRequest(
        { subject, description: 'It has been failing since this morning.', email: 'c@example.com', lang: 'en' },
        { ip },
      );
      const body = (await (await app.request('/api/contact', request, env)).json()) as { ref: string; url: string };
      return { ref: body.ref, key: new URL(body.url, 'http://kb').searchParams.get('k')! };
    };
    const post = (ref: string, what: string, body: unknown) =>
      app.request(`/api/requests/${ref}/${what}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
    const at = (hours: number) => clock.set(new Date(Date.parse('2026-12-01T02:00:00Z') + hours * HOUR).toISOString());

    // Both created at 02:00.
    const a = await contact('Cannot sign in', '203.0.113.1');
    const b = await contact('Report export is empty', '203.0.113.2');
    // A: escalated at +1 h, tier 2 replies at +2 h (first response 2 h), customer answers,
    // resolved with an article at +6 h, surveyed "solved", 4.
    at(1);
    expect((await post(a.ref, 'actions', { action: 'escalate', note: 'Directory sync issue' })).status).toBe(200);
    at(2);
    expect((await post(a.ref, 'messages', { body: 'We reset your directory link; please try again.' })).status).toBe(201);
    expect((await post(a.ref, 'messages', { k: a.key, body: 'Works now, thanks.' })).status).toBe(201);
    at(6);
    expect((await post(a.ref, 'actions', { action: 'resolve', article: 'en/reset-password' })).status).toBe(200);
    expect((await post(a.ref, 'survey', { k: a.key, solved: true, rating: 4 })).status).toBe(201);
    // B: first reply at +4 h, resolved as new at +10 h, surveyed "not solved", 2 (reopens),
    // resolved again at +12 h: resolution 12 h, reopened once.
    at(4);
    await post(b.ref, 'messages', { body: 'Which report?' });
    at(10);
    await post(b.ref, 'actions', { action: 'resolve', asNew: true });
    expect((await post(b.ref, 'survey', { k: b.key, solved: false, rating: 2 })).status).toBe(201);
    at(12);
    expect((await post(b.ref, 'actions', { action: 'resolve', asNew: true })).status).toBe(200);

    // Nine days on: past the reopen rate's 7-day maturity window.
    at(9 * 24);
    const metric = async (id: string) => {
      const res = await app.request(`/api/metrics/${id}?from=2026-12-01&to=2026-12-02&tz=UTC`, { headers: auth });
      expect(res.status).toBe(200);
      return (await res.json()) as { value: number; parts: Record<string, number> };
    };
    // CSAT: ratings 4 and 2 → mean 3; one of two satisfied (≥ 4).
    expect(await metric('csat')).toMatchObject({ value: 3, parts: { responses: 2 } });
    // First response: 2 h and 4 h → median 3 h.
    expect((await metric('first-response-time')).value).toBe(3);
    // Resolution: 6 h and 12 h → median 9 h.
    expect((await metric('resolution-time')).value).toBe(9);
    // Escalation: A of the two → 0.5.
    expect((await metric('escalation-rate')).value).toBe(0.5);
    // Reopen: B, resolved and reopened once, of the two resolved → 0.5.
    expect((await metric('reopen-rate')).value).toBe(0.5);
    // Link rate: A links en/reset-password (solved-by), B is new → 1 of 2 resolved.
    expect(await metric('link-rate')).toMatchObject({ value: 0.5, parts: { resolved: 2, linked: 1 } });
  });
});

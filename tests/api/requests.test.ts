/** /api/requests: the requests inbox through the API, staff and customer (issue 16). */
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, testApp, visitorRequest } from '../support/app.ts';
import { manualClock } from '../support/clock.ts';
import { queryRow } from '../support/database.ts';
import { hashToken, newToken } from '../../api/lib/middleware/auth.ts';
import { insertToken, type Role } from '../../api/db/queries/tokens.ts';
import { upsertTickets } from '../../api/db/queries/tickets.ts';
import { ticketSchema } from '../../core/tickets/ticket.ts';
import type { Db } from '../../api/db/index.ts';

const contact = {
  subject: 'Print preview is blank',
  description: 'Since the update, print preview shows an empty page for every report.',
  email: 'li.wei@example.com',
  lang: 'en',
};

type App = Awaited<ReturnType<typeof testApp>>['app'];

async function tokenFor(db: Db, role: Role, name: string = role) {
  const token = newToken();
  await insertToken(db, name, role, hashToken(token), new Date());
  return token;
}

const json = (method: string, body: unknown, token?: string) => ({
  method,
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
});
const staffGet = (path: string, token = ADMIN_TOKEN) => [path, { headers: { authorization: `Bearer ${token}` } }] as const;

/** A customer's request through POST /api/contact: its reference and key. */
async function newRequest(app: App, body: Partial<typeof contact> = {}) {
  const [request, env] = visitorRequest({ ...contact, ...body });
  const res = await app.request('/api/contact', request, env);
  const created = (await res.json()) as { ref: string; url: string };
  return { ref: created.ref, key: new URL(created.url, 'http://kb').searchParams.get('k')! };
}

async function setup(options: Parameters<typeof testApp>[0] = {}) {
  const clock = manualClock('2026-12-01T02:00:00Z');
  const t = await testApp({ now: clock.now, ...options });
  const { ref, key } = await newRequest(t.app);
  const act = (body: unknown, token = ADMIN_TOKEN) => t.app.request(`/api/requests/${ref}/actions`, json('POST', body, token));
  const say = (body: unknown, token?: string) => t.app.request(`/api/requests/${ref}/messages`, json('POST', body, token));
  const survey = (body: unknown) => t.app.request(`/api/requests/${ref}/survey`, json('POST', { k: key, ...(body as object) }));
  const staffView = async () => (await t.app.request(...staffGet(`/api/requests/${ref}`))).json();
  const customerView = async () => (await t.app.request(`/api/requests/${ref}?k=${key}`)).json();
  return { ...t, clock, ref, key, act, say, survey, staffView, customerView };
}

describe('GET /api/requests/<ref>', () => {
  it("shows staff the customer's message, the history and the SLA clocks", async () => {
    const { staffView } = await setup();
    const view = await staffView();
    expect(view).toMatchObject({
      ref: 'WEB-2026-000001',
      source: 'web',
      status: 'new',
      readOnly: false,
      requester: 'li.wei@example.com',
      mailConfigured: false,
      messages: [{ kind: 'customer', author: '', body: contact.description }],
      history: [{ action: 'create', actor: 'customer' }],
      // normal: 8 h to the first response, 48 h to resolution, calendar hours.
      sla: { firstResponseDue: '2026-12-01T10:00:00.000Z', resolutionDue: '2026-12-03T02:00:00.000Z', overdue: false },
    });
  });

  it('shows the customer their request with the key, without notes or staff names', async () => {
    const { say, customerView } = await setup();
    await say({ body: 'Checked the printer driver: fine.', internal: true }, ADMIN_TOKEN);
    await say({ body: 'Please try clearing the cache.' }, ADMIN_TOKEN);
    const view = await customerView();
    expect(view).toEqual({
      ref: 'WEB-2026-000001',
      subject: contact.subject,
      status: 'pending',
      lang: 'en',
      createdAt: '2026-12-01T02:00:00.000Z',
      messages: [
        { kind: 'customer', body: contact.description, createdAt: '2026-12-01T02:00:00.000Z' },
        { kind: 'reply', body: 'Please try clearing the cache.', createdAt: '2026-12-01T02:00:00.000Z' },
      ],
      surveyOpen: false,
      survey: null,
    });
  });

  it('answers a wrong key exactly like an unknown reference, with 404', async () => {
    const { app, ref } = await setup();
    const wrong = await app.request(`/api/requests/${ref}?k=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
    const unknown = await app.request(`/api/requests/WEB-2026-999999?k=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    const [a, b] = [await wrong.json(), await unknown.json()];
    expect(a.error.code).toBe(b.error.code);
    expect(a.error.message.replace(ref, 'REF')).toBe(b.error.message.replace('WEB-2026-999999', 'REF'));
  });

  it('needs a staff token without a key (401) and the agent role (403)', async () => {
    const { app, db, ref } = await setup();
    expect((await app.request(`/api/requests/${ref}`)).status).toBe(401);
    const trainer = await tokenFor(db, 'trainer');
    expect((await app.request(...staffGet(`/api/requests/${ref}`, trainer))).status).toBe(403);
  });

  it('shows an imported ticket read-only, and 422 for an id two helpdesks share', async () => {
    const { app, db } = await setup();
    const imported = (source: 'zendesk' | 'freshdesk') =>
      ticketSchema.parse({
        id: '35436',
        source,
        subject: 'VPN drops',
        priority: 'high',
        status: 'open',
        createdAt: '2026-11-30T09:00:00Z',
      });
    await upsertTickets(db, [imported('zendesk')]);
    const res = await app.request(...staffGet('/api/requests/35436'));
    expect(await res.json()).toMatchObject({ ref: '35436', source: 'zendesk', readOnly: true, messages: [] });
    await upsertTickets(db, [imported('freshdesk')]);
    const ambiguous = await app.request(...staffGet('/api/requests/35436'));
    expect(ambiguous.status).toBe(422);
    expect((await ambiguous.json()).error.details).toEqual([{ field: 'source', message: expect.any(String) }]);
    expect((await app.request(...staffGet('/api/requests/35436?source=freshdesk'))).status).toBe(200);
  });
});

describe('GET /api/requests', () => {
  it('lists requests with their SLA clocks, overdue ones marked, filtered and sorted', async () => {
    const { app, db, clock, act } = await setup();
    await act({ action: 'set', priority: 'urgent' });
    await upsertTickets(db, [
      ticketSchema.parse({
        id: 'INC0031422',
        source: 'servicenow',
        subject: 'Cannot sign in',
        priority: 'low',
        status: 'open',
        createdAt: '2026-11-30T09:00:00Z',
      }),
    ]);
    // Two hours later: the urgent web request (1 h to first response) is overdue; the low one (24 h) is not.
    clock.advance(2 * 3_600_000);
    const all = await (await app.request(...staffGet('/api/requests?sort=urgent'))).json();
    expect(all.total).toBe(2);
    expect(all.requests.map((r: { ref: string; sla: { overdue: boolean } }) => [r.ref, r.sla.overdue])).toEqual([
      ['WEB-2026-000001', true],
      ['INC0031422', false],
    ]);
    const newest = await (await app.request(...staffGet('/api/requests?sort=newest'))).json();
    expect(newest.requests[0].ref).toBe('WEB-2026-000001');
    const imported = await (await app.request(...staffGet('/api/requests?source=servicenow&priority=low&tier=1'))).json();
    expect(imported.requests).toMatchObject([{ ref: 'INC0031422', readOnly: true }]);
    const unassigned = await (await app.request(...staffGet('/api/requests?assignee=none&status=new'))).json();
    expect(unassigned.total).toBe(1);
    const page2 = await (await app.request(...staffGet('/api/requests?pageSize=1&page=2'))).json();
    expect(page2).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page2.requests).toHaveLength(1);
  });

  it('names a bad filter in a 400', async () => {
    const { app } = await setup();
    const res = await app.request(...staffGet('/api/requests?status=lost&tier=3'));
    expect(res.status).toBe(400);
    const fields = (await res.json()).error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['status', 'tier']));
  });

  it('runs the clocks in working hours with a business calendar', async () => {
    const { parseBusinessHours } = await import('../../core/tickets/business-hours.ts');
    // 2026-12-01T02:00Z is Tuesday 10:00 in Shanghai; 8 working hours → 18:00 local = 10:00Z; 48 h → 6 days of 9 h minus… (Tue 8, Wed–Fri 27, Mon–Tue 18: 53 ≥ 48) → Tuesday 8 Dec 13:00 local = 05:00Z.
    const { app } = await setup({ businessCalendar: parseBusinessHours('Mon-Fri 09:00-18:00 Asia/Shanghai') });
    const list = await (await app.request(...staffGet('/api/requests'))).json();
    expect(list.requests[0].sla).toMatchObject({ firstResponseDue: '2026-12-01T10:00:00.000Z', resolutionDue: '2026-12-08T05:00:00.000Z' });
  });
});

describe('POST /api/requests/<ref>/messages', () => {
  it('makes the first staff reply the first response, and keeps later replies from moving it', async () => {
    const { db, clock, say, ref } = await setup();
    clock.advance(90 * 60_000);
    expect((await say({ body: 'Which version?', minutes: 5 }, ADMIN_TOKEN)).status).toBe(201);
    clock.advance(60 * 60_000);
    await say({ body: 'Any news?' }, ADMIN_TOKEN);
    // 90 minutes = 5400 s.
    expect(await queryRow(db, `select status, first_response_at, first_response_seconds from tickets where id = '${ref}'`)).toEqual({
      status: 'pending',
      first_response_at: '2026-12-01T03:30:00.000Z',
      first_response_seconds: 5400,
    });
  });

  it("takes the customer's reply with the key and opens the request again for staff", async () => {
    const { say, key, staffView } = await setup();
    await say({ body: 'Which version?' }, ADMIN_TOKEN);
    expect((await say({ k: key, body: 'Version 4.2, on Windows.' })).status).toBe(201);
    const view = await staffView();
    expect(view.status).toBe('open');
    expect(view.messages.map((m: { kind: string }) => m.kind)).toEqual(['customer', 'reply', 'customer']);
  });

  it('refuses staff-only fields from the customer, an empty body and a wrong key', async () => {
    const { say, key } = await setup();
    const staffOnly = await say({ k: key, body: 'hi', internal: true });
    expect(staffOnly.status).toBe(400);
    expect((await staffOnly.json()).error.details).toEqual([{ field: 'internal', message: 'is for staff only; leave it out with k' }]);
    const empty = await say({ k: key, body: '   ' });
    expect((await empty.json()).error.details).toEqual([{ field: 'body', message: 'must not be empty' }]);
    expect((await say({ k: 'x'.repeat(32), body: 'hi' })).status).toBe(404);
    expect((await say({ body: 'hi' })).status).toBe(401);
  });

  it('stores replies as plain text, without control characters', async () => {
    const { say, staffView } = await setup();
    await say({ body: '<b>Try</b>\u202Ethis\r\nnow' }, ADMIN_TOKEN);
    expect((await staffView()).messages[1].body).toBe('<b>Try</b>this\nnow');
  });

  it('takes the customer reply as a plain form post and sends them back to the page (303)', async () => {
    const { app, ref, key, staffView } = await setup();
    const res = await app.request(`/api/requests/${ref}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      body: new URLSearchParams({ k: key, body: 'It happens again.' }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/en/requests/${ref}/?k=${key}&sent=1#conversation`);
    expect((await staffView()).messages).toHaveLength(2);
  });

  it("takes the page's own form posts (no action: the page's address carries ref and key), reply and survey", async () => {
    const { app, ref, key, act, staffView } = await setup();
    const post = (fields: Record<string, string>, k = key) =>
      app.request(`/en/requests/${ref}/?k=${k}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
        body: new URLSearchParams(fields).toString(),
      });
    const replied = await post({ form: 'reply', body: 'Still blank.' });
    expect(replied.status).toBe(303);
    expect(replied.headers.get('location')).toBe(`/en/requests/${ref}/?k=${key}&sent=1#conversation`);
    expect((await post({ form: 'reply', body: ' ' })).headers.get('location')).toContain('&error=invalid#reply');
    await act({ action: 'resolve', asNew: true });
    const surveyed = await post({ form: 'survey', solved: 'yes', rating: '5' });
    expect(surveyed.headers.get('location')).toBe(`/en/requests/${ref}/?k=${key}&surveyed=1#survey`);
    expect(await staffView()).toMatchObject({ status: 'closed', csat: 5 });
    expect((await post({ form: 'reply', body: 'hi' }, 'wrong-key')).status).toBe(404);
  });

  it('refuses to work an imported ticket with 409', async () => {
    const { app, db } = await setup();
    await upsertTickets(db, [
      ticketSchema.parse({
        id: 'INC0031422',
        source: 'servicenow',
        subject: 'Cannot sign in',
        priority: 'low',
        status: 'open',
        createdAt: '2026-11-30T09:00:00Z',
      }),
    ]);
    const res = await app.request('/api/requests/INC0031422/messages', json('POST', { body: 'hi' }, ADMIN_TOKEN));
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatchObject({ code: 'read_only', message: expect.stringContaining('/api/links') });
    const action = await app.request('/api/requests/INC0031422/actions', json('POST', { action: 'reopen' }, ADMIN_TOKEN));
    expect(action.status).toBe(409);
  });
});

describe('POST /api/requests/<ref>/actions', () => {
  it('assigns to the caller, then to someone else (a reassignment), keeping both in the history', async () => {
    const { db, act, ref } = await setup();
    const agent = await tokenFor(db, 'agent', 'wang.fang');
    expect((await act({ action: 'assign' }, agent)).status).toBe(200);
    const res = await act({ action: 'assign', assignee: 'zhao.lei', minutes: 2 }, agent);
    const view = await res.json();
    expect(view).toMatchObject({ assignee: 'zhao.lei', status: 'open', minutes: 2 });
    expect(view.history.slice(1)).toMatchObject([
      { action: 'assign', actor: 'wang.fang', before: { agent: null, status: 'new' }, after: { agent: 'wang.fang', status: 'open' } },
      {
        action: 'assign',
        actor: 'wang.fang',
        minutes: 2,
        before: { agent: 'wang.fang', reassigned: null },
        after: { agent: 'zhao.lei', reassigned: 1 },
      },
    ]);
    expect(await queryRow(db, `select reassigned, minutes_logged from tickets where id = '${ref}'`)).toEqual({
      reassigned: 1,
      minutes_logged: 2,
    });
  });

  it('sets topic and priority, and refuses a set that changes nothing with 409', async () => {
    const { act } = await setup();
    expect(await (await act({ action: 'set', topic: 'printing', priority: 'high' })).json()).toMatchObject({
      topic: 'printing',
      priority: 'high',
    });
    expect((await act({ action: 'set', priority: 'high' })).status).toBe(409);
  });

  it('escalates to tier 2 with the note as an internal note, once', async () => {
    const { act, customerView, staffView } = await setup();
    const view = await (await act({ action: 'escalate', note: 'Needs the print server logs.', minutes: 10 })).json();
    expect(view).toMatchObject({ tier: 2, escalated: true });
    expect(view.messages[1]).toMatchObject({ kind: 'note', body: 'Needs the print server logs.' });
    expect((await customerView()).messages).toHaveLength(1);
    const again = await act({ action: 'escalate', note: 'again' });
    expect(again.status).toBe(409);
    expect((await staffView()).history).toHaveLength(2);
  });

  it('resolves with an article (a solved-by link) and refuses to resolve twice', async () => {
    const { db, clock, act, ref } = await setup();
    clock.advance(5 * 3_600_000);
    const view = await (await act({ action: 'resolve', article: 'en/reset-password' })).json();
    expect(view).toMatchObject({ status: 'solved', articles: ['en/reset-password'] });
    // 5 hours = 18000 s.
    expect(await queryRow(db, `select resolved_at, resolution_seconds from tickets where id = '${ref}'`)).toEqual({
      resolved_at: '2026-12-01T07:00:00.000Z',
      resolution_seconds: 18000,
    });
    expect((await act({ action: 'resolve', asNew: true })).status).toBe(409);
  });

  it('resolves as new, without a link, and reopens (counted in reopened)', async () => {
    const { db, act, ref } = await setup();
    const view = await (await act({ action: 'resolve', asNew: true })).json();
    expect(view.articles).toEqual([]);
    expect(view.history[1]).toMatchObject({ action: 'resolve', note: 'new: no article yet' });
    await act({ action: 'reopen', note: 'Customer called back' });
    expect(await queryRow(db, `select status, reopened, resolved_at, resolution_seconds from tickets where id = '${ref}'`)).toEqual({
      status: 'open',
      reopened: 1,
      resolved_at: null,
      resolution_seconds: null,
    });
  });

  it('names bad input: an unknown action, resolve without article or asNew, an unknown article, too many minutes', async () => {
    const { act } = await setup();
    expect((await act({ action: 'close' })).status).toBe(400);
    const neither = await act({ action: 'resolve' });
    expect((await neither.json()).error.details).toEqual([
      { field: 'article', message: 'give either article (the one that solved it) or asNew: true' },
    ]);
    const unknown = await act({ action: 'resolve', article: 'en/no-such-article' });
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.details).toEqual([{ field: 'article', message: 'unknown article' }]);
    const minutes = await act({ action: 'assign', minutes: 2000 });
    expect((await minutes.json()).error.details).toEqual([{ field: 'minutes', message: 'must be at most 1440' }]);
    expect((await act({ action: 'reopen' })).status).toBe(409);
  });

  it('answers 404 for an unknown request and 401 without a token', async () => {
    const { app } = await setup();
    expect((await app.request('/api/requests/WEB-2026-999999/actions', json('POST', { action: 'reopen' }, ADMIN_TOKEN))).status).toBe(404);
    expect((await app.request('/api/requests/WEB-2026-000001/actions', json('POST', { action: 'reopen' }))).status).toBe(401);
  });
});

describe('POST /api/requests/<ref>/survey', () => {
  it('opens once resolved; "solved" closes the request and the rating becomes its csat', async () => {
    const { db, act, survey, customerView, ref } = await setup();
    expect((await survey({ solved: true, rating: 4 })).status).toBe(409);
    await act({ action: 'resolve', asNew: true });
    expect((await customerView()).surveyOpen).toBe(true);
    const res = await survey({ solved: true, rating: 4, comment: 'Quick, thanks' });
    expect(res.status).toBe(201);
    expect(await queryRow(db, `select status, csat, closed_at is not null as closed from tickets where id = '${ref}'`)).toMatchObject({
      status: 'closed',
      csat: 4,
    });
    expect(await customerView()).toMatchObject({ surveyOpen: false, survey: { solved: true, rating: 4 } });
  });

  it('reopens on "not solved" and takes one answer per request', async () => {
    const { db, act, survey, ref } = await setup();
    await act({ action: 'resolve', asNew: true });
    expect((await survey({ solved: false, rating: 2 })).status).toBe(201);
    expect(await queryRow(db, `select status, csat, reopened from tickets where id = '${ref}'`)).toEqual({
      status: 'open',
      csat: 2,
      reopened: 1,
    });
    await act({ action: 'resolve', asNew: true });
    const again = await survey({ solved: true, rating: 5 });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('already_answered');
  });

  it('names a bad rating and answers a wrong key with 404', async () => {
    const { act, survey, app, ref } = await setup();
    await act({ action: 'resolve', asNew: true });
    const bad = await survey({ solved: 'yes', rating: 6 });
    expect((await bad.json()).error.details.map((d: { field: string }) => d.field).sort()).toEqual(['rating', 'solved']);
    const wrong = await app.request(`/api/requests/${ref}/survey`, json('POST', { k: 'nope', solved: true, rating: 5 }));
    expect(wrong.status).toBe(404);
  });

  it('closes a resolved request nobody surveys within 7 days, once, by a conditional update', async () => {
    const { db, clock, act, ref } = await setup();
    await act({ action: 'resolve', asNew: true });
    const { RequestInbox } = await import('../../api/lib/requests/inbox.ts');
    const { MailOutbox } = await import('../../api/lib/mail/outbox.ts');
    const inbox = () => new RequestInbox(db, new MailOutbox(db, { transport: undefined, from: '', siteUrl: '' }, clock.now), clock.now);
    clock.advance(6 * 86_400_000);
    expect(await inbox().closeUnanswered()).toBe(0);
    clock.advance(86_400_000 + 1000);
    // Two replicas sweeping at once close it once.
    const [a, b] = await Promise.all([inbox().closeUnanswered(), inbox().closeUnanswered()]);
    expect(a + b).toBe(1);
    expect(await queryRow(db, `select status from tickets where id = '${ref}'`)).toEqual({ status: 'closed' });
    const closes = await queryRow<{ n: number | string }>(
      db,
      `select count(*) as n from request_history where ticket_id = '${ref}' and action = 'auto-close'`,
    );
    expect(Number(closes?.n)).toBe(1);
  });
});

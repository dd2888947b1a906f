/** POST /api/contact: the contact page's "Still need help" request, as JSON and as a plain form. */
import { describe, expect, it } from 'vitest';
import { testApp, visitorRequest } from '../support/app.ts';
import { manualClock } from '../support/clock.ts';
import { webTicketRef } from '../../api/db/queries/tickets.ts';
import type { Db } from '../../api/db/index.ts';
import { queryRows, queryRow, execute } from '../support/database.ts';

const valid = {
  subject: 'Print preview is blank',
  description: 'Since the update, print preview shows an empty page for every report.',
  email: 'li.wei@example.com',
  lang: 'en',
};

const postJson = (body: unknown, init?: Parameters<typeof visitorRequest>[1]) => {
  const [request, env] = visitorRequest(body, init);
  return ['/api/contact', request, env] as const;
};

/** A form post as a browser sends it without JavaScript (URL-encoded, same-origin). */
const postForm = (fields: Record<string, string>, init: Parameters<typeof visitorRequest>[1] = {}) => {
  const [request, env] = visitorRequest(new URLSearchParams(fields).toString(), {
    contentType: 'application/x-www-form-urlencoded',
    ...init,
    headers: { 'sec-fetch-site': 'same-origin', ...init.headers },
  });
  return ['/api/contact', request, env] as const;
};

type TicketRow = Record<string, unknown>;
const tickets = (db: Db) =>
  queryRows<TicketRow>(
    db,
    'select source, id, channel, status, priority, tier, escalated, requester, created_at, lang, subject, description from tickets order by id',
  );
const submittedEvents = (db: Db) =>
  queryRows<TicketRow>(db, "select type, lang, ticket_ref, visitor, session from events where type = 'contact_submitted' order by id");

describe('POST /api/contact (JSON)', () => {
  it('stores the request as a web ticket and answers 201 with its reference', async () => {
    const clock = manualClock('2026-11-27T10:00:00Z');
    const { app, db } = await testApp({ now: clock.now });
    const res = await app.request(...postJson(valid));
    expect(res.status).toBe(201);
    // The first web ticket of 2026: number 1, six digits.
    // The private page's key is 24 random bytes in base64url (32 characters); no SMTP in this app: mail false.
    expect(await res.json()).toEqual({
      ok: true,
      ref: 'WEB-2026-000001',
      url: expect.stringMatching(/^\/en\/requests\/WEB-2026-000001\/\?k=[A-Za-z0-9_-]{32}$/),
      mail: false,
    });
    expect(await tickets(db)).toEqual([
      {
        source: 'web',
        id: 'WEB-2026-000001',
        channel: 'web',
        status: 'new',
        priority: 'normal',
        tier: 1,
        escalated: 0,
        requester: 'li.wei@example.com',
        created_at: '2026-11-27T10:00:00.000Z',
        lang: 'en',
        subject: 'Print preview is blank',
        description: valid.description,
      },
    ]);
  });

  it('records contact_submitted with the reference, in the visitor session of its other events', async () => {
    const { app, db } = await testApp();
    await app.request('/api/events', ...visitorRequest({ events: [{ type: 'contact_view', lang: 'en' }] }));
    await app.request(...postJson(valid));
    const view = (await queryRow(db, "select visitor, session from events where type = 'contact_view'")) as TicketRow;
    expect(await submittedEvents(db)).toEqual([
      { type: 'contact_submitted', lang: 'en', ticket_ref: 'WEB-2026-000001', visitor: view.visitor, session: view.session },
    ]);
  });

  it('gives each request the next reference of its year, and starts again at 1 in a new year', async () => {
    const clock = manualClock('2026-12-31T23:59:00Z');
    const { app } = await testApp({ now: clock.now });
    const refs: string[] = [];
    // Different visitors (IPs), so the per-visitor limit of 5 a minute does not apply.
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3'])
      refs.push(((await (await app.request(...postJson(valid, { ip }))).json()) as { ref: string }).ref);
    clock.set('2027-01-01T00:00:30Z');
    refs.push(((await (await app.request(...postJson(valid, { ip: '198.51.100.4' }))).json()) as { ref: string }).ref);
    expect(refs).toEqual(['WEB-2026-000001', 'WEB-2026-000002', 'WEB-2026-000003', 'WEB-2027-000001']);
  });

  it('continues after the highest reference of the year, also past six digits', async () => {
    const { app, db } = await testApp();
    const insert = (id: string) =>
      execute(
        db,
        `insert into tickets (source, id, subject, priority, status, tier, escalated, created_at, updated_at) values ('web', '${id}', 's', 'normal', 'new', 1, 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
      );
    // 999999 sorts after 1000000 as text; the length decides first, so 1000000 is the highest.
    await insert('WEB-2026-999999');
    await insert('WEB-2026-1000000');
    // An imported "web" ticket that only shares the prefix is not a number to continue from.
    await insert('WEB-2026-legacy');
    // Nor is one of another case: the prefix is compared case-sensitively on both databases.
    await insert('web-2026-2000000');
    const res = await app.request(...postJson(valid));
    // 1,000,000 + 1
    expect(await res.json()).toMatchObject({ ok: true, ref: 'WEB-2026-1000001' });
  });

  it('formats references with six digits', () => {
    expect(webTicketRef(2026, 123)).toBe('WEB-2026-000123');
    expect(webTicketRef(2026, 1234567)).toBe('WEB-2026-1234567');
  });

  it('stores subject and description as plain text, trimmed, without control characters', async () => {
    const { app, db } = await testApp();
    await app.request(
      ...postJson({ ...valid, subject: '  Blank\u202E preview  ', description: 'Line one\r\nline two\u0007 is long enough' }),
    );
    expect((await tickets(db))[0]).toMatchObject({ subject: 'Blank preview', description: 'Line one\nline two is long enough' });
  });

  it('names every invalid field in a 400', async () => {
    const { app, db } = await testApp();
    const res = await app.request(...postJson({ subject: 'ab', description: 'too short', email: 'not-an-email', lang: 'fr' }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: Array<{ field: string }> } };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.details.map((d) => d.field).sort()).toEqual(['description', 'email', 'lang', 'subject']);
    expect(await tickets(db)).toEqual([]);
  });

  it('checks the bounds after trimming: 3–200 characters of subject, 10–5000 of description', async () => {
    const { app } = await testApp();
    const status = async (body: object, ip: string) => (await app.request(...postJson({ ...valid, ...body }, { ip }))).status;
    // "  ab  " trims to 2 characters: one short of 3.
    expect(await status({ subject: '  ab  ' }, '198.51.100.10')).toBe(400);
    expect(await status({ subject: 'abc' }, '198.51.100.11')).toBe(201);
    expect(await status({ subject: 'x'.repeat(201) }, '198.51.100.12')).toBe(400);
    expect(await status({ subject: 'x'.repeat(200) }, '198.51.100.13')).toBe(201);
    expect(await status({ description: '123456789' }, '198.51.100.14')).toBe(400);
    expect(await status({ description: '1234567890' }, '198.51.100.15')).toBe(201);
    expect(await status({ description: '长'.repeat(5001) }, '198.51.100.16')).toBe(400);
    // 5,000 Chinese characters are 15,000 bytes of UTF-8: within the 64 KB body limit.
    expect(await status({ description: '长'.repeat(5000) }, '198.51.100.17')).toBe(201);
  });

  it('rejects unknown fields and a missing email', async () => {
    const { app } = await testApp();
    const { email: _email, ...withoutEmail } = valid;
    const res = await app.request(...postJson({ ...withoutEmail, phone: '123' }));
    expect(res.status).toBe(400);
    const details = ((await res.json()) as { error: { details: Array<{ field: string; message: string }> } }).error.details;
    expect(details).toContainEqual({ field: 'email', message: 'required' });
    expect(details.some((d) => d.message.includes('phone'))).toBe(true);
  });

  it('answers a filled honeypot as accepted but stores nothing and counts a bot', async () => {
    const { app, db } = await testApp();
    const res = await app.request(...postJson({ ...valid, website: 'http://spam.example' }));
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ ok: true, recorded: false });
    expect(await tickets(db)).toEqual([]);
    expect(await submittedEvents(db)).toEqual([]);
    expect(await queryRows(db, 'select reason, count from drop_counts')).toEqual([{ reason: 'bot', count: 1 }]);
  });

  it('stores at most 5 requests per visitor a minute, then answers 429 with Retry-After', async () => {
    const clock = manualClock('2026-11-27T10:00:00Z');
    const { app, db } = await testApp({ now: clock.now });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await app.request(...postJson(valid))).status);
    clock.advance(20_000);
    const refused = await app.request(...postJson(valid));
    expect(statuses).toEqual([201, 201, 201, 201, 201]);
    expect(refused.status).toBe(429);
    // The window opened at 10:00:00 and lasts 60 s; 20 s have passed: 40 s remain.
    expect(refused.headers.get('retry-after')).toBe('40');
    expect(await tickets(db)).toHaveLength(5);
    // Another visitor is not affected, and the first may send again once the minute is over.
    expect((await app.request(...postJson(valid, { ip: '198.51.100.99' }))).status).toBe(201);
    clock.advance(40_000);
    expect((await app.request(...postJson(valid))).status).toBe(201);
  });

  it('stores the ticket but records no event when the visitor sends Do Not Track', async () => {
    const { app, db } = await testApp();
    const res = await app.request(...postJson(valid, { headers: { dnt: '1' } }));
    expect(res.status).toBe(201);
    expect(await tickets(db)).toHaveLength(1);
    expect(await submittedEvents(db)).toEqual([]);
    expect(await queryRows(db, 'select reason, count from drop_counts')).toEqual([{ reason: 'dnt', count: 1 }]);
  });

  it('stores the ticket but drops the event of a bot user agent', async () => {
    const { app, db } = await testApp();
    const res = await app.request(...postJson(valid, { ua: 'curl/8.5.0' }));
    expect(res.status).toBe(201);
    expect(await submittedEvents(db)).toEqual([]);
    expect(await queryRows(db, 'select reason, count from drop_counts')).toEqual([{ reason: 'bot', count: 1 }]);
  });

  it('answers 415 to a body that is neither JSON nor a form', async () => {
    const { app } = await testApp();
    const res = await app.request(...postJson('subject=x', { contentType: 'text/plain' }));
    expect(res.status).toBe(415);
  });

  it('does not depend on KB_TICKET_URL: the server stores the request whatever the build links to', async () => {
    const before = process.env.KB_TICKET_URL;
    process.env.KB_TICKET_URL = 'https://helpdesk.example.com/tickets/new';
    try {
      const { app, db } = await testApp();
      expect((await app.request(...postJson(valid))).status).toBe(201);
      expect(await tickets(db)).toHaveLength(1);
    } finally {
      if (before === undefined) delete process.env.KB_TICKET_URL;
      else process.env.KB_TICKET_URL = before;
    }
  });
});

describe('POST /api/contact (plain form, no JavaScript)', () => {
  it('stores the ticket and redirects (303) to the contact page with the reference', async () => {
    const { app, db } = await testApp();
    const res = await app.request(...postForm({ ...valid, lang: 'zh-CN', website: '' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/zh-CN\/contact\/\?ref=WEB-2026-000001&k=[A-Za-z0-9_-]{32}&mail=0#contact-sent$/);
    expect(await tickets(db)).toMatchObject([{ id: 'WEB-2026-000001', lang: 'zh-CN', requester: 'li.wei@example.com' }]);
    expect(await submittedEvents(db)).toMatchObject([{ lang: 'zh-CN', ticket_ref: 'WEB-2026-000001' }]);
  });

  it('ignores fields the form does not define, such as a named submit button', async () => {
    const { app } = await testApp();
    const res = await app.request(...postForm({ ...valid, send: '1' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/\?ref=WEB-2026-000001&k=[A-Za-z0-9_-]{32}&mail=0#contact-sent$/);
  });

  it('sends invalid input back to the page, naming the fields, in the language of the form', async () => {
    const { app, db } = await testApp();
    const res = await app.request(...postForm({ ...valid, lang: 'zh-CN', subject: 'x', email: 'nobody' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/zh-CN/contact/?error=invalid&fields=subject%2Cemail#contact-error-invalid');
    expect(await tickets(db)).toEqual([]);
  });

  it('sends an invalid language back to the English page', async () => {
    const { app } = await testApp();
    const res = await app.request(...postForm({ ...valid, lang: '../../evil' }));
    // The language has no visible field to point at, so no field is named.
    expect(res.headers.get('location')).toBe('/en/contact/?error=invalid#contact-error-invalid');
  });

  it('answers a filled honeypot like a success, without a reference, and stores nothing', async () => {
    const { app, db } = await testApp();
    const res = await app.request(...postForm({ ...valid, website: 'http://spam.example' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/en/contact/?sent=1#contact-sent');
    expect(await tickets(db)).toEqual([]);
  });

  it('sends the sixth request of a minute back with error=rate_limited and Retry-After', async () => {
    const { app, db } = await testApp({ now: manualClock('2026-11-27T10:00:00Z').now });
    for (let i = 0; i < 5; i++) await app.request(...postForm(valid));
    const res = await app.request(...postForm(valid));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/en/contact/?error=rate_limited#contact-error-rate_limited');
    // All six at the same instant: the whole 60 s window remains.
    expect(res.headers.get('retry-after')).toBe('60');
    expect(await tickets(db)).toHaveLength(5);
  });

  it('refuses a form posted from another site', async () => {
    const { app, db } = await testApp();
    const res = await app.request(...postForm(valid, { headers: { 'sec-fetch-site': 'cross-site' } }));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('cross_site');
    expect(await tickets(db)).toEqual([]);
  });

  it('accepts a form posted from the help center served apart (KB_CORS_ORIGINS) and sends it back there', async () => {
    const site = 'https://kb.example.net';
    const { app, db } = await testApp({ corsOrigins: [site] });
    const res = await app.request(...postForm(valid, { headers: { 'sec-fetch-site': 'cross-site', origin: site } }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^https:\/\/kb\.example\.net\/en\/contact\/\?ref=/);
    expect(await tickets(db)).toHaveLength(1);
    // Another site is still refused.
    const other = await app.request(...postForm(valid, { headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' } }));
    expect(other.status).toBe(403);
  });

  it('answers 413 to a form body over 64 KB', async () => {
    const { app } = await testApp();
    const res = await app.request(...postForm({ ...valid, description: 'x'.repeat(65 * 1024) }));
    expect(res.status).toBe(413);
  });
});

describe('OpenAPI', () => {
  it('documents POST /api/contact with both body types', async () => {
    const { app } = await testApp();
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, { post?: { requestBody: { content: Record<string, unknown> } } }>;
    };
    expect(Object.keys(doc.paths['/api/contact']!.post!.requestBody.content).sort()).toEqual([
      'application/json',
      'application/x-www-form-urlencoded',
    ]);
  });
});

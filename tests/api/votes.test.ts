import { describe, expect, it } from 'vitest';
import { BROWSER_UA, testApp, visitorRequest } from '../support/app.ts';
import { manualClock } from '../support/clock.ts';
import { visitorHash } from '../../api/lib/ingest/visitor.ts';
import { queryRows, queryRow, breakWrites } from '../support/database.ts';

const vote = (body: unknown, init?: Parameters<typeof visitorRequest>[1]) => {
  const [request, env] = visitorRequest(body, init);
  return ['/api/votes', request, env] as const;
};

describe('POST /api/votes', () => {
  it('records a first vote with 201', async () => {
    const { app, db } = await testApp();
    const res = await app.request(...vote({ article: 'en/reset-password', helpful: true }));
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ ok: true });
    expect(await queryRows(db, 'select article, helpful, reason from votes')).toEqual([
      { article: 'en/reset-password', helpful: 1, reason: null },
    ]);
  });

  it("replaces the same visitor's vote of the day with 200", async () => {
    const { app, db } = await testApp();
    await app.request(...vote({ article: 'en/reset-password', helpful: true }));
    const res = await app.request(
      ...vote({ article: 'en/reset-password', helpful: false, reason: 'outdated', comment: 'Old screenshots' }),
    );
    expect(res.status).toBe(200);
    expect(await queryRows(db, 'select helpful, reason, comment, revision from votes')).toEqual([
      { helpful: 0, reason: 'outdated', comment: 'Old screenshots', revision: 2 },
    ]);
  });

  it('counts a second visitor separately', async () => {
    const { app, db } = await testApp();
    await app.request(...vote({ article: 'en/reset-password', helpful: true }, { ip: '198.51.100.1' }));
    const res = await app.request(...vote({ article: 'en/reset-password', helpful: true }, { ip: '198.51.100.2' }));
    expect(res.status).toBe(201);
    expect(await queryRow(db, 'select count(*) as n from votes')).toEqual({ n: 2 });
  });

  it('takes a new vote from the same visitor the next day', async () => {
    const clock = manualClock('2026-11-27T23:59:00Z');
    const { app, db } = await testApp({ now: clock.now });
    await app.request(...vote({ article: 'en/reset-password', helpful: true }));
    clock.set('2026-11-28T00:01:00Z');
    const res = await app.request(...vote({ article: 'en/reset-password', helpful: true }));
    expect(res.status).toBe(201);
    expect(await queryRows(db, 'select day from votes order by day')).toEqual([{ day: '2026-11-27' }, { day: '2026-11-28' }]);
  });

  it('stores comments as plain text without control or bidi-override characters', async () => {
    const { app, db } = await testApp();
    await app.request(
      ...vote({ article: 'en/reset-password', helpful: false, reason: 'other', comment: ' <b>bad</b>\u202Egnp.exe\u0007\r\nline 2 ' }),
    );
    expect(await queryRow(db, 'select comment from votes')).toEqual({ comment: '<b>bad</b>gnp.exe\nline 2' });
  });

  it('rejects a reason given with a helpful vote, naming the field', async () => {
    const { app } = await testApp();
    const res = await app.request(...vote({ article: 'en/reset-password', helpful: true, reason: 'outdated' }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.details).toEqual([{ field: 'reason', message: 'a reason can only be given with helpful: false' }]);
  });

  it('names every bad field of an invalid vote', async () => {
    const { app } = await testApp();
    const res = await app.request(...vote({ article: 'nope', helpful: 'yes', reason: 'meh', comment: 'x'.repeat(1001), extra: 1 }));
    expect(res.status).toBe(400);
    const fields = (await res.json()).error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['article', 'helpful', 'reason', 'comment', '(body)']));
  });

  it('rejects malformed JSON with 400', async () => {
    const { app } = await testApp();
    const res = await app.request(...vote('{"article": '));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_json');
  });

  it('rejects a body over 16 KB with 413', async () => {
    const { app } = await testApp();
    const res = await app.request(...vote({ article: 'en/reset-password', helpful: false, comment: 'x'.repeat(17_000) }));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });

  it('rejects a content type other than JSON with 415', async () => {
    const { app } = await testApp();
    const res = await app.request(...vote('article=en/reset-password', { contentType: 'application/x-www-form-urlencoded' }));
    expect(res.status).toBe(415);
  });

  it('rejects an article the build does not publish with 422', async () => {
    const { app } = await testApp();
    const res = await app.request(...vote({ article: 'en/no-such-article', helpful: true }));
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('unknown_article');
  });

  it('limits a visitor to 10 votes a minute with 429 and Retry-After', async () => {
    const { app, db } = await testApp();
    for (let i = 0; i < 10; i++)
      expect((await app.request(...vote({ article: 'en/reset-password', helpful: i % 2 === 0 }))).status).toBeLessThan(300);
    const res = await app.request(...vote({ article: 'en/reset-password', helpful: true }));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await queryRow(db, "select count from drop_counts where reason = 'rate-limited'")).toEqual({ count: 1 });
  });

  it('records nothing under Do Not Track but answers 2xx and counts the drop', async () => {
    const { app, db } = await testApp();
    const res = await app.request(...vote({ article: 'en/reset-password', helpful: true }, { headers: { dnt: '1' } }));
    expect(res.status).toBe(202);
    expect(await queryRow(db, 'select count(*) as n from votes')).toEqual({ n: 0 });
    expect(await queryRows(db, 'select reason, count from drop_counts')).toEqual([{ reason: 'dnt', count: 1 }]);
  });

  it('answers 503 and stores nothing when the database fails', async () => {
    const { app, db } = await testApp();
    await breakWrites(db, 'votes');
    const res = await app.request(...vote({ article: 'en/reset-password', helpful: true }));
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('unavailable');
    expect(await queryRow(db, 'select count(*) as n from votes')).toEqual({ n: 0 });
  });
});

describe('GET /api/votes/summary', () => {
  it('hides the helpful rate under 5 votes', async () => {
    const { app } = await testApp();
    for (let i = 0; i < 4; i++) await app.request(...vote({ article: 'en/reset-password', helpful: true }, { ip: `198.51.100.${i}` }));
    const body = await (await app.request('/api/votes/summary?article=en/reset-password')).json();
    expect(body).toEqual({ article: 'en/reset-password', helpful: 4, notHelpful: 0, helpfulRate: null });
  });

  it('gives the helpful rate from 5 votes on', async () => {
    const { app } = await testApp();
    for (let i = 0; i < 5; i++) await app.request(...vote({ article: 'en/reset-password', helpful: i < 4 }, { ip: `198.51.100.${i}` }));
    const body = await (await app.request('/api/votes/summary?article=en/reset-password')).json();
    expect(body).toEqual({ article: 'en/reset-password', helpful: 4, notHelpful: 1, helpfulRate: 0.8 });
  });

  it('rejects a malformed id with 400 and an unknown one with 422', async () => {
    const { app } = await testApp();
    expect((await app.request('/api/votes/summary?article=../etc')).status).toBe(400);
    expect((await app.request('/api/votes/summary?article=en/unknown')).status).toBe(422);
  });
});

describe('visitor ids remembered for the day', () => {
  it('gives a returning client the HMAC of the day salt, as for its first request', async () => {
    const { app, db } = await testApp();
    await app.request(...vote({ article: 'en/reset-password', helpful: true }, { ip: '198.51.100.1' }));
    // The second request is answered from the in-memory cache: it must agree with the HMAC.
    await app.request(...vote({ article: 'en/printer-setup', helpful: true }, { ip: '198.51.100.1' }));
    await app.request(...vote({ article: 'en/printer-setup', helpful: true }, { ip: '198.51.100.2' }));
    const { salt } = (await queryRow(db, 'select salt from visitor_salts')) as { salt: string };
    const rows = (await queryRows(db, 'select article, visitor from votes order by id')) as Array<{ article: string; visitor: string }>;
    const expected = visitorHash(salt, '198.51.100.1', BROWSER_UA, 'kb');
    expect(rows.map((r) => r.visitor)).toEqual([expected, expected, visitorHash(salt, '198.51.100.2', BROWSER_UA, 'kb')]);
  });

  it('still records nothing once a remembered client sends DNT or GPC', async () => {
    const { app, db } = await testApp();
    await app.request(...vote({ article: 'en/reset-password', helpful: true }));
    const dnt = await app.request(...vote({ article: 'en/printer-setup', helpful: true }, { headers: { dnt: '1' } }));
    const gpc = await app.request(...vote({ article: 'zh-CN/reset-password', helpful: true }, { headers: { 'sec-gpc': '1' } }));
    expect([dnt.status, gpc.status]).toEqual([202, 202]);
    expect(await queryRow(db, 'select count(*) as n from votes')).toEqual({ n: 1 });
  });

  it('drops a bot user agent every time, not only the first', async () => {
    const { app, db } = await testApp();
    for (const article of ['en/reset-password', 'en/printer-setup']) {
      expect(
        (await app.request(...vote({ article, helpful: true }, { ua: 'Googlebot/2.1 (+http://www.google.com/bot.html)' }))).status,
      ).toBe(202);
    }
    expect(await queryRow(db, 'select count(*) as n from votes')).toEqual({ n: 0 });
    expect(await queryRow(db, "select sum(count) as n from drop_counts where reason = 'bot'")).toEqual({ n: 2 });
  });
});

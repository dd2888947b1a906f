import { describe, expect, it } from 'vitest';

import { createApp } from '../../api/app.ts';
import { testApp, visitorRequest } from '../support/app.ts';
import { testCatalog } from '../support/catalog.ts';
import { manualClock } from '../support/clock.ts';
import type { Db } from '../../api/db/index.ts';
import { queryRows, queryRow, queryColumn } from '../support/database.ts';

const post = (body: unknown, init?: Parameters<typeof visitorRequest>[1]) => {
  const [request, env] = visitorRequest(body, init);
  return ['/api/events', request, env] as const;
};
const search = { type: 'search', query: '  Reset   PASSWORD ', results: 3, lang: 'en' };

describe('POST /api/events', () => {
  it('accepts a batch and stores each event with visitor and session', async () => {
    const { app, db } = await testApp();
    const res = await app.request(...post({ events: [{ type: 'page_view', article: 'en/reset-password', lang: 'en' }, search] }));
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 2, dropped: 0 });
    const rows = (await queryRows(
      db,
      'select type, article, query, query_norm, results, visitor, session from events order by id',
    )) as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.type, r.article, r.query_norm])).toEqual([
      ['page_view', 'en/reset-password', null],
      ['search', null, 'reset password'],
    ]);
    expect(rows[0]!.visitor).toMatch(/^[0-9a-f]{32}$/);
    expect(rows[0]!.session).toBe(rows[1]!.session);
  });

  it('accepts text/plain bodies holding JSON, as navigator.sendBeacon sends them', async () => {
    const { app } = await testApp();
    const res = await app.request(...post({ events: [search] }, { contentType: 'text/plain;charset=UTF-8' }));
    expect(res.status).toBe(202);
  });

  it('stores every event type with its fields', async () => {
    const { app, db } = await testApp();
    const events = [
      { type: 'page_view', path: '/en/search/', referrer: 'https://www.example.com/page?email=a@b.c' },
      { type: 'search_click', query: 'password', article: 'en/reset-password', rank: 1 },
      { type: 'contact_view' },
      { type: 'suggestion_shown', query: 'password', articles: ['en/reset-password', 'en/printer-setup'] },
      { type: 'suggestion_click', article: 'en/reset-password', rank: 1 },
      { type: 'contact_solved', article: 'en/reset-password' },
      { type: 'contact_submitted', ticket: 'WEB-1' },
    ];
    expect(await (await app.request(...post({ events }))).json()).toEqual({ accepted: 7, dropped: 0 });
    const rows = await queryRows(db, 'select type, referrer, rank, articles, ticket_ref from events order by id');
    expect(rows).toContainEqual({
      type: 'page_view',
      referrer: 'https://www.example.com/page',
      rank: null,
      articles: null,
      ticket_ref: null,
    });
    expect(rows).toContainEqual({
      type: 'suggestion_shown',
      referrer: null,
      rank: null,
      articles: '["en/reset-password","en/printer-setup"]',
      ticket_ref: null,
    });
    expect(rows).toContainEqual({ type: 'contact_submitted', referrer: null, rank: null, articles: null, ticket_ref: 'WEB-1' });
  });

  it('drops events naming an unknown article and counts them', async () => {
    const { app, db } = await testApp();
    const res = await app.request(...post({ events: [search, { type: 'page_view', article: 'en/gone' }] }));
    expect(await res.json()).toEqual({ accepted: 1, dropped: 1 });
    expect(await queryRows(db, 'select reason, count from drop_counts')).toEqual([{ reason: 'unknown-article', count: 1 }]);
  });

  it('rejects an empty batch and one over 50 events', async () => {
    const { app } = await testApp();
    expect((await app.request(...post({ events: [] }))).status).toBe(400);
    expect((await app.request(...post({ events: Array(51).fill({ type: 'contact_view' }) }))).status).toBe(400);
  });

  it('names the bad field of an invalid event', async () => {
    const { app } = await testApp();
    const res = await app.request(...post({ events: [search, { type: 'search', query: 'x', results: -1 }] }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.details[0].field).toBe('events.1.results');
  });

  it('rejects a page view naming both an article and a path, or neither, and stores nothing of the batch', async () => {
    const { app, db } = await testApp();
    for (const pageView of [{ type: 'page_view', article: 'en/reset-password', path: '/en/' }, { type: 'page_view' }]) {
      const res = await app.request(...post({ events: [search, pageView] }));
      expect(res.status).toBe(400);
      const { error } = await res.json();
      expect(error.details).toEqual([{ field: 'events.1.article', message: 'a page_view names either an article or a path' }]);
    }
    expect(await queryRow(db, 'select count(*) as n from events')).toEqual({ n: 0 });
  });

  it('rejects an unknown event type', async () => {
    const { app } = await testApp();
    const res = await app.request(...post({ events: [{ type: 'purchase' }] }));
    expect(res.status).toBe(400);
  });

  it('limits a visitor to 60 events a minute', async () => {
    const clock = manualClock();
    const { app } = await testApp({ now: clock.now });
    const fifty = { events: Array(50).fill({ type: 'contact_view' }) };
    expect((await app.request(...post(fifty))).status).toBe(202);
    const res = await app.request(...post({ events: Array(11).fill({ type: 'contact_view' }) }));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBeTruthy();
    clock.advance(61_000);
    expect((await app.request(...post({ events: Array(11).fill({ type: 'contact_view' }) }))).status).toBe(202);
  });
});

describe('visitors and privacy (docs/design.md §2)', () => {
  const visitors = (db: Db) => queryColumn<string>(db, 'select distinct visitor from events');

  it('records nothing for DNT: 1 and counts the drop', async () => {
    const { app, db } = await testApp();
    const res = await app.request(...post({ events: [search, search] }, { headers: { dnt: '1' } }));
    expect(await res.json()).toEqual({ accepted: 0, dropped: 2 });
    expect(await queryRow(db, 'select count(*) as n from events')).toEqual({ n: 0 });
    expect(await queryRows(db, 'select reason, count from drop_counts')).toEqual([{ reason: 'dnt', count: 2 }]);
  });

  it('records nothing for Sec-GPC: 1', async () => {
    const { app, db } = await testApp();
    await app.request(...post({ events: [search] }, { headers: { 'sec-gpc': '1' } }));
    expect(await queryRow(db, 'select count(*) as n from events')).toEqual({ n: 0 });
    expect(await queryRows(db, 'select reason from drop_counts')).toEqual([{ reason: 'gpc' }]);
  });

  it('drops bots but still answers 2xx', async () => {
    const { app, db } = await testApp();
    const res = await app.request(
      ...post({ events: [search] }, { ua: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' }),
    );
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 0, dropped: 1 });
    expect(await queryRows(db, 'select reason from drop_counts')).toEqual([{ reason: 'bot' }]);
  });

  it('never stores the IP address or the user agent', async () => {
    const { app, db } = await testApp();
    await app.request(...post({ events: [search] }, { ip: '203.0.113.99' }));
    const dump = JSON.stringify(await queryRows(db, 'select * from events'));
    expect(dump).not.toContain('203.0.113.99');
    expect(dump).not.toContain('Mozilla');
  });

  it('gives the same visitor the same id all day and a new id after UTC midnight', async () => {
    const clock = manualClock('2026-11-27T08:00:00Z');
    const { app, db } = await testApp({ now: clock.now });
    await app.request(...post({ events: [search] }));
    clock.set('2026-11-27T23:59:00Z');
    await app.request(...post({ events: [search] }));
    expect(await visitors(db)).toHaveLength(1);
    clock.set('2026-11-28T00:00:30Z');
    await app.request(...post({ events: [search] }));
    expect(await visitors(db)).toHaveLength(2);
  });

  it('deletes salts older than 48 hours', async () => {
    const clock = manualClock('2026-11-25T00:10:00Z');
    const { app, db } = await testApp({ now: clock.now });
    for (const at of ['2026-11-25T00:10:00Z', '2026-11-26T00:10:00Z', '2026-11-27T00:20:00Z']) {
      clock.set(at);
      await app.request(...post({ events: [search] }));
    }
    expect(await queryRows(db, 'select day from visitor_salts order by day')).toEqual([{ day: '2026-11-26' }, { day: '2026-11-27' }]);
  });

  it('starts a new session after 30 minutes without events', async () => {
    const clock = manualClock('2026-11-27T08:00:00Z');
    const { app, db } = await testApp({ now: clock.now });
    await app.request(...post({ events: [search] }));
    clock.advance(29 * 60_000);
    await app.request(...post({ events: [search] }));
    clock.advance(31 * 60_000);
    await app.request(...post({ events: [search] }));
    const sessions = ((await queryRows(db, 'select session from events order by id')) as Array<{ session: string }>).map((r) => r.session);
    expect(sessions[0]).toBe(sessions[1]);
    expect(sessions[2]).not.toBe(sessions[1]);
  });

  it('continues a session across a restart from the events of the last 30 minutes', async () => {
    const clock = manualClock('2026-11-27T08:00:00Z');
    const first = await testApp({ now: clock.now });
    await first.app.request(...post({ events: [search] }));
    // A second app over the same database has no memory of the visitor: it must read the events table.
    const catalog = testCatalog();
    const restarted = createApp({ db: first.db, sqlite: first.sqlite, catalog, now: clock.now });
    clock.advance(20 * 60_000);
    await restarted.request(...post({ events: [search] }));
    const again = createApp({ db: first.db, sqlite: first.sqlite, catalog, now: clock.now });
    clock.advance(31 * 60_000);
    await again.request(...post({ events: [search] }));
    const sessions = await queryColumn<string>(first.db, 'select session from events order by id');
    expect(sessions[1]).toBe(sessions[0]);
    expect(sessions[2]).not.toBe(sessions[1]);
  });

  it('ignores X-Forwarded-For from a socket that is not a trusted proxy', async () => {
    const { app, db } = await testApp();
    await app.request(...post({ events: [search] }, { ip: '203.0.113.7', headers: { 'x-forwarded-for': '198.51.100.1' } }));
    await app.request(...post({ events: [search] }, { ip: '203.0.113.7', headers: { 'x-forwarded-for': '198.51.100.2' } }));
    expect(await visitors(db)).toHaveLength(1);
  });

  it('takes the client from X-Forwarded-For behind a trusted proxy', async () => {
    const { app, db } = await testApp({ trustedProxies: ['10.0.0.1'] });
    await app.request(...post({ events: [search] }, { ip: '10.0.0.1', headers: { 'x-forwarded-for': '198.51.100.1' } }));
    await app.request(...post({ events: [search] }, { ip: '10.0.0.1', headers: { 'x-forwarded-for': '198.51.100.2' } }));
    expect(await visitors(db)).toHaveLength(2);
  });
});

/**
 * One test per drop reason of the ingestion steps (api/lib/ingest/pipeline.ts), through
 * app.request(): the submission is answered as the API promises, nothing of it is stored,
 * and GET /api/admin/drops counts it under that reason.
 */
import type { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { DROP_REASONS, type DropReason } from '../../api/db/queries/drops.ts';
import { ADMIN_TOKEN, testApp, visitorRequest } from '../support/app.ts';
import { queryValue } from '../support/database.ts';

const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const search = { type: 'search', query: 'reset password', results: 3 };
const view = (article: string) => ({ type: 'page_view', article });

const postEvents = (app: Hono, events: unknown[], init?: Parameters<typeof visitorRequest>[1]) => {
  const [request, env] = visitorRequest({ events }, init);
  return app.request('/api/events', request, env);
};
const postVote = (app: Hono, init?: Parameters<typeof visitorRequest>[1]) => {
  const [request, env] = visitorRequest({ article: 'en/reset-password', helpful: true }, init);
  return app.request('/api/votes', request, env);
};

async function dropTotals(app: Hono): Promise<Record<string, number>> {
  const res = await app.request('/api/admin/drops', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { totals: Record<string, number> }).totals;
}

interface DropCase {
  /** Sends what the step drops; returns the last response. */
  send(app: Hono): Response | Promise<Response>;
  status: number;
  body?: unknown;
  /** How many items the drop counts. */
  count: number;
  /** Events that were stored all the same (the rest of a partly dropped batch). */
  storedEvents?: number;
}

// `satisfies` makes a new DropReason without a case here a type error.
const cases = {
  dnt: {
    send: (app) => postVote(app, { headers: { dnt: '1' } }),
    status: 202,
    body: { ok: true, recorded: false },
    count: 1,
  },
  gpc: {
    send: (app) => postEvents(app, [search, search, search], { headers: { 'sec-gpc': '1' } }),
    status: 202,
    body: { accepted: 0, dropped: 3 },
    count: 3,
  },
  bot: {
    send: (app) => postEvents(app, [search, search], { ua: GOOGLEBOT }),
    status: 202,
    body: { accepted: 0, dropped: 2 },
    count: 2,
  },
  'rate-limited': {
    send: async (app) => {
      expect((await postVote(app)).status).toBe(201);
      return postVote(app);
    },
    status: 429,
    count: 1,
  },
  'unknown-article': {
    send: (app) => postEvents(app, [view('en/reset-password'), view('en/no-such-article'), search]),
    status: 202,
    body: { accepted: 2, dropped: 1 },
    count: 1,
    storedEvents: 2,
  },
} satisfies Record<DropReason, DropCase>;

describe('every drop reason of the ingestion steps', () => {
  it('has a case below for each reason the drops table knows', () => {
    expect(Object.keys(cases).sort()).toEqual([...DROP_REASONS].sort());
  });

  for (const [reason, drop] of Object.entries(cases) as Array<[DropReason, DropCase]>) {
    it(`drops with "${reason}", answers ${drop.status} and counts ${drop.count}`, async () => {
      const { app, db } = await testApp({ rateLimits: { votes: 1, events: 60 } });
      const res = await drop.send(app);
      expect(res.status).toBe(drop.status);
      if (drop.body) expect(await res.json()).toEqual(drop.body);
      expect(await queryValue(db, 'select count(*) from events')).toBe(drop.storedEvents ?? 0);
      // The rate-limit case stores its first, allowed vote; every other case stores none.
      expect(await queryValue(db, 'select count(*) from votes')).toBe(reason === 'rate-limited' ? 1 : 0);
      expect(await dropTotals(app)).toEqual({ [reason]: drop.count });
    });
  }
});

describe('what the steps do not drop', () => {
  it('refuses a vote for an unknown article with 422 before any step, counting no drop', async () => {
    const { app, db } = await testApp();
    const [request, env] = visitorRequest({ article: 'en/no-such-article', helpful: true }, { headers: { dnt: '1' } });
    const res = await app.request('/api/votes', request, env);
    expect(res.status).toBe(422);
    expect(await queryValue(db, 'select count(*) from drop_counts')).toBe(0);
  });

  it('drops a whole batch naming only unknown articles under unknown-article and stores none of it', async () => {
    const { app, db } = await testApp();
    const res = await postEvents(app, [view('en/no-such-article'), view('en/nor-this-one')]);
    expect(await res.json()).toEqual({ accepted: 0, dropped: 2 });
    expect(await queryValue(db, 'select count(*) from events')).toBe(0);
    expect(await dropTotals(app)).toEqual({ 'unknown-article': 2 });
  });

  it('checks the privacy signal before the user agent: a bot sending DNT is counted as dnt', async () => {
    const { app } = await testApp();
    await postEvents(app, [search], { ua: GOOGLEBOT, headers: { dnt: '1' } });
    expect(await dropTotals(app)).toEqual({ dnt: 1 });
  });
});

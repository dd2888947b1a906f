import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, testApp } from '../support/app.ts';
import { manifestArticle } from '../support/catalog.ts';
import { hashToken, newToken } from '../../api/lib/middleware/auth.ts';
import { upsertTickets } from '../../api/db/queries/tickets.ts';
import { insertToken } from '../../api/db/queries/tokens.ts';
import { ticketSchema, type TicketInput } from '../../core/tickets/ticket.ts';
import { buildSuggestIndex } from '../../api/suggest/build.ts';
import { SuggestIndex } from '../../api/suggest/search.ts';
import { suggestFixture } from '../fixtures/suggest/articles.ts';

const suggest = new SuggestIndex(JSON.parse(JSON.stringify(buildSuggestIndex(suggestFixture))));
// The catalog lists the fixture's articles, except one archived since the index was built.
const articles = suggestFixture.map((d) => manifestArticle(d.id, { title: d.title, url: d.url }));
const archived = articles.findIndex((a) => a.id === 'en/printer-setup');
articles[archived] = { ...articles[archived]!, state: 'archived', listed: false };

const setup = () => testApp({ articles, suggest });
const get = async (query: string) => {
  const { app } = await setup();
  return app.request(`/api/suggest?${query}`);
};

describe('GET /api/suggest', () => {
  it('answers best matches first with article, title, url and score', async () => {
    const res = await get(`q=${encodeURIComponent('how do I reset my password')}&lang=en`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.results[0]).toEqual({
      article: 'en/reset-password',
      title: 'Reset a forgotten password',
      url: '/en/articles/reset-password/',
      score: expect.any(Number),
    });
  });

  it('lets browsers and CDNs cache the answer', async () => {
    const res = await get('q=password&lang=en');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('answers Chinese questions from the Chinese articles', async () => {
    const body = await (await get(`q=${encodeURIComponent('构建时报错找不到 sharp 怎么办')}&lang=zh-CN`)).json();
    expect(body.results[0].article).toBe('zh-CN/build-errors');
  });

  it('leaves out an article the served build no longer lists', async () => {
    const body = await (await get('q=printer&lang=en')).json();
    expect(body.results).toEqual([]);
  });

  it('offers customers answers, not training material (agents still get it for tickets)', async () => {
    const asTraining = articles.map((a) => (a.id === 'en/reset-password' ? { ...a, type: 'training' as const } : a));
    const { app } = await testApp({ articles: asTraining, suggest });
    const body = await (await app.request(`/api/suggest?q=${encodeURIComponent('how do I reset my password')}&lang=en`)).json();
    expect(body.results.map((r: { article: string }) => r.article)).not.toContain('en/reset-password');
  });

  it('answers an empty list when nothing matches', async () => {
    const body = await (await get('q=kubernetes&lang=en')).json();
    expect(body).toEqual({ results: [] });
  });

  it('returns at most limit results', async () => {
    const body = await (await get('q=password%20reports&lang=en&limit=1')).json();
    expect(body.results).toHaveLength(1);
  });

  it.each([
    ['q', 'lang=en'],
    ['q', 'q=&lang=en'],
    ['q', `q=${'x'.repeat(201)}&lang=en`],
    ['lang', 'q=password'],
    ['lang', 'q=password&lang=fr'],
    ['limit', 'q=password&lang=en&limit=0'],
    ['limit', 'q=password&lang=en&limit=21'],
    ['limit', 'q=password&lang=en&limit=five'],
  ])('rejects a bad %s with 400 naming the field (%s)', async (field, query) => {
    const res = await get(query);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('answers 503 when the build has no suggestion index', async () => {
    const { app } = await testApp({ articles });
    const res = await app.request('/api/suggest?q=password&lang=en');
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('unavailable');
  });
});

const ticket = (id: string, fields: Partial<TicketInput> = {}) =>
  ticketSchema.parse({
    id,
    source: 'zendesk',
    subject: 'Cannot sign in',
    priority: 'normal',
    status: 'open',
    createdAt: '2026-11-01T09:00:00Z',
    ...fields,
  });

async function ticketApp() {
  const t = await setup();
  await upsertTickets(t.db, [
    ticket('1001', { subject: 'Forgot my password', description: 'I need to reset it, the link expired.' }),
    ticket('1002', { subject: '打印机连不上', description: '项目构建时报错找不到 sharp' }),
    ticket('2002', { source: 'zendesk', subject: 'Export to CSV', lang: 'en' }),
    ticket('2002', { source: 'freshdesk', subject: 'Export to CSV' }),
  ]);
  return t;
}
const asAgent = async (db: Parameters<typeof insertToken>[0]) => {
  const token = newToken();
  await insertToken(db, 'agent', 'agent', hashToken(token), new Date());
  return { headers: { authorization: `Bearer ${token}` } };
};

describe('GET /api/tickets/{id}/suggestions', () => {
  it('refuses a request without a token with 401', async () => {
    const { app } = await ticketApp();
    const res = await app.request('/api/tickets/1001/suggestions');
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthorized');
  });

  it('suggests articles from the subject and description for an agent', async () => {
    const { app, db } = await ticketApp();
    const res = await app.request('/api/tickets/1001/suggestions', await asAgent(db));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.ticket).toEqual({ id: '1001', source: 'zendesk' });
    expect(body.lang).toBe('en');
    expect(body.results[0].article).toBe('en/reset-password');
  });

  it('guesses Chinese from the text of a ticket without a language', async () => {
    const { app } = await ticketApp();
    const body = await (await app.request('/api/tickets/1002/suggestions', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json();
    expect(body.lang).toBe('zh-CN');
    expect(body.results.map((r: { article: string }) => r.article)).toContain('zh-CN/build-errors');
  });

  it('answers 404 with the envelope for an unknown ticket', async () => {
    const { app } = await ticketApp();
    const res = await app.request('/api/tickets/9999/suggestions', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: 'unknown_ticket', details: [{ field: 'id' }] });
  });

  it('answers 409 naming source when two helpdesks share the id', async () => {
    const { app } = await ticketApp();
    const res = await app.request('/api/tickets/2002/suggestions', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatchObject({ code: 'ambiguous_ticket', details: [{ field: 'source' }] });
  });

  it('picks the ticket of the source given', async () => {
    const { app } = await ticketApp();
    const body = await (
      await app.request('/api/tickets/2002/suggestions?source=zendesk', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    ).json();
    expect(body.results[0].article).toBe('en/export-reports');
  });

  it('rejects an unknown source with 400', async () => {
    const { app } = await ticketApp();
    const res = await app.request('/api/tickets/2002/suggestions?source=jira', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details[0].field).toBe('source');
  });
});

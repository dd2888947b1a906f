import { describe, expect, it } from 'vitest';

import { ADMIN_TOKEN, testApp } from '../support/app.ts';
import { manifestArticle, sampleArticles, testCatalog } from '../support/catalog.ts';
import { hashToken, newToken } from '../../api/lib/middleware/auth.ts';
import { insertToken, type Role } from '../../api/db/queries/tokens.ts';
import { upsertTickets } from '../../api/db/queries/tickets.ts';
import { insertLink, linksWithRelation } from '../../api/db/queries/links.ts';
import { syncCreatedFromLinks, ticketRef } from '../../api/lib/catalog/link-sync.ts';
import { ticketSchema, type TicketInput } from '../../core/tickets/ticket.ts';
import type { Db } from '../../api/db/index.ts';
import type { ManifestArticle } from '../../core/content/manifest.ts';

const ticket = (id: string, source: TicketInput['source'] = 'servicenow') =>
  ticketSchema.parse({ id, source, subject: 'Cannot sign in', priority: 'normal', status: 'solved', createdAt: '2026-11-01T09:00:00Z' });

async function setup() {
  const t = await testApp();
  await upsertTickets(t.db, [ticket('INC0031422'), ticket('35436', 'zendesk'), ticket('35436', 'freshdesk')]);
  return t;
}

async function tokenFor(db: Db, role: Role) {
  const token = newToken();
  await insertToken(db, role, role, hashToken(token), new Date());
  return token;
}

const send = (method: string, body: unknown, token = ADMIN_TOKEN) =>
  [
    '/api/links',
    { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) },
  ] as const;
const list = (query: string, token = ADMIN_TOKEN) => [`/api/links?${query}`, { headers: { authorization: `Bearer ${token}` } }] as const;
const solved = { ticket: 'INC0031422', article: 'en/reset-password', relation: 'solved-by' };

describe('POST /api/links', () => {
  it('creates a link with 201 and records the ticket source', async () => {
    const { app, db } = await setup();
    const res = await app.request(...send('POST', solved));
    expect(res.status).toBe(201);
    expect(await linksWithRelation(db, 'solved-by')).toMatchObject([
      { ticket: 'INC0031422', source: 'servicenow', article: 'en/reset-password' },
    ]);
  });

  it('answers 200 when the same link is posted again', async () => {
    const { app, db } = await setup();
    await app.request(...send('POST', solved));
    expect((await app.request(...send('POST', solved))).status).toBe(200);
    expect(await linksWithRelation(db, 'solved-by')).toHaveLength(1);
  });

  it('refuses an unknown ticket with 422', async () => {
    const { app } = await setup();
    const res = await app.request(...send('POST', { ...solved, ticket: 'INC9999999' }));
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: 'unknown_ticket', details: [{ field: 'ticket' }] });
  });

  it('refuses a ticket id found in several sources without a source with 422', async () => {
    const { app } = await setup();
    const res = await app.request(...send('POST', { ...solved, ticket: '35436' }));
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: 'ambiguous_ticket', details: [{ field: 'source' }] });
  });

  it('accepts an ambiguous ticket id when the source is given', async () => {
    const { app } = await setup();
    expect((await app.request(...send('POST', { ...solved, ticket: '35436', source: 'zendesk' }))).status).toBe(201);
  });

  it('refuses an article that is not in the catalog with 422', async () => {
    const { app } = await setup();
    const res = await app.request(...send('POST', { ...solved, article: 'en/no-such-article' }));
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('unknown_article');
  });

  it('refuses created-from links, which come from article frontmatter, with 422', async () => {
    const { app } = await setup();
    const res = await app.request(...send('POST', { ...solved, relation: 'created-from' }));
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('provenance_from_content');
  });

  it('refuses an invalid relation with 400 naming the field', async () => {
    const { app } = await setup();
    const res = await app.request(...send('POST', { ...solved, relation: 'fixed' }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.details[0].field).toBe('relation');
  });

  it('accepts an agent token', async () => {
    const { app, db } = await setup();
    expect((await app.request(...send('POST', solved, await tokenFor(db, 'agent')))).status).toBe(201);
  });

  it('refuses a trainer token with 403', async () => {
    const { app, db } = await setup();
    expect((await app.request(...send('POST', solved, await tokenFor(db, 'trainer')))).status).toBe(403);
  });

  it('refuses a request without a token with 401', async () => {
    const { app } = await setup();
    const res = await app.request('/api/links', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(solved),
    });
    expect(res.status).toBe(401);
  });
});

describe('DELETE /api/links', () => {
  it('removes an existing link with 200', async () => {
    const { app, db } = await setup();
    await app.request(...send('POST', solved));
    expect((await app.request(...send('DELETE', solved))).status).toBe(200);
    expect(await linksWithRelation(db, 'solved-by')).toEqual([]);
  });

  it('answers 404 when there is no such link', async () => {
    const { app } = await setup();
    const res = await app.request(...send('DELETE', solved));
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });

  it('refuses an unknown ticket with 422', async () => {
    const { app } = await setup();
    expect((await app.request(...send('DELETE', { ...solved, ticket: 'INC9999999' }))).status).toBe(422);
  });
});

describe('GET /api/links', () => {
  it('lists the links of a ticket', async () => {
    const { app } = await setup();
    await app.request(...send('POST', solved));
    await app.request(...send('POST', { ...solved, article: 'zh-CN/reset-password', relation: 'referenced' }));
    const body = await (await app.request(...list('ticket=INC0031422'))).json();
    expect(body.links.map((l: { article: string; relation: string }) => `${l.article} ${l.relation}`)).toEqual([
      'en/reset-password solved-by',
      'zh-CN/reset-password referenced',
    ]);
  });

  it('lists the links of an article', async () => {
    const { app } = await setup();
    await app.request(...send('POST', solved));
    const body = await (await app.request(...list('article=en/reset-password'))).json();
    expect(body.links).toEqual([
      { ticket: 'INC0031422', source: 'servicenow', article: 'en/reset-password', relation: 'solved-by', createdAt: expect.any(String) },
    ]);
  });

  it('answers 400 when neither ticket nor article is given', async () => {
    const { app } = await setup();
    expect((await app.request(...list(''))).status).toBe(400);
  });

  it('refuses a trainer token with 403', async () => {
    const { app, db } = await setup();
    expect((await app.request(...list('ticket=INC0031422', await tokenFor(db, 'trainer')))).status).toBe(403);
  });
});

describe('syncCreatedFromLinks', () => {
  const withTickets = (tickets: Record<string, string[]>): ManifestArticle[] =>
    sampleArticles.map((a) => (tickets[a.id] ? { ...a, tickets: tickets[a.id]! } : a));
  const catalog = (articles: ManifestArticle[]) => testCatalog(articles);

  it('adds a created-from link for every ticket id in the frontmatter', async () => {
    const { db } = await testApp();
    const result = await syncCreatedFromLinks(
      db,
      catalog(withTickets({ 'en/reset-password': ['INC0031422', 'INC0031500'], 'zh-CN/reset-password': ['INC0031422'] })),
    );
    expect(result).toEqual({ added: 3, removed: 0 });
    expect(await linksWithRelation(db, 'created-from')).toHaveLength(3);
  });

  it('changes nothing when synced again with the same catalog', async () => {
    const { db } = await testApp();
    const c = catalog(withTickets({ 'en/reset-password': ['INC0031422'] }));
    await syncCreatedFromLinks(db, c);
    expect(await syncCreatedFromLinks(db, c)).toEqual({ added: 0, removed: 0 });
  });

  it('removes only the created-from link of an id removed from the frontmatter, never a solved-by link', async () => {
    const { db } = await testApp();
    await syncCreatedFromLinks(db, catalog(withTickets({ 'en/reset-password': ['INC0031422', 'INC0031500'] })));
    await insertLink(db, { ticket: 'INC0031500', source: 'servicenow', article: 'en/reset-password', relation: 'solved-by' }, new Date());
    expect(await syncCreatedFromLinks(db, catalog(withTickets({ 'en/reset-password': ['INC0031422'] })))).toEqual({ added: 0, removed: 1 });
    expect((await linksWithRelation(db, 'created-from')).map((l) => l.ticket)).toEqual(['INC0031422']);
    expect(await linksWithRelation(db, 'solved-by')).toHaveLength(1);
  });

  it('keeps a link to a ticket that is not imported yet, without a source', async () => {
    const { db } = await testApp();
    await syncCreatedFromLinks(db, catalog([manifestArticle('en/new-one', { tickets: ['INC0077777'] })]));
    expect(await linksWithRelation(db, 'created-from')).toMatchObject([{ ticket: 'INC0077777', source: '', article: 'en/new-one' }]);
  });

  it('reads a source prefix such as zendesk:35436 as the ticket source', () => {
    expect(ticketRef('zendesk:35436')).toEqual({ ticket: '35436', source: 'zendesk' });
    expect(ticketRef('INC0031422')).toEqual({ ticket: 'INC0031422', source: '' });
  });
});

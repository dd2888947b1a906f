import { describe, expect, it } from 'vitest';
import { testApp } from '../support/app.ts';
import { manualClock } from '../support/clock.ts';
import { upsertTickets } from '../../api/db/queries/tickets.ts';
import { upsertVotes } from '../../api/db/queries/votes.ts';
import { insertLink } from '../../api/db/queries/links.ts';
import { insertFlag } from '../../api/db/queries/flags.ts';
import { insertEvents } from '../../api/db/queries/events.ts';
import { catchUpRollups } from '../../api/db/queries/rollups.ts';
import { ticketSchema } from '../../core/tickets/ticket.ts';
import { call, tokenFor } from './kcs-support.ts';

const ticket = ticketSchema.parse({
  id: '35436',
  source: 'zendesk',
  subject: 'Cannot sign in',
  description: 'The code never arrives',
  priority: 'normal',
  status: 'solved',
  createdAt: '2026-11-01T09:00:00Z',
});

describe('GET /api/tickets/{source}/{id}', () => {
  it('returns the ticket with its text', async () => {
    const { app, db } = await testApp();
    await upsertTickets(db, [ticket]);
    const res = await app.request(...call('GET', '/api/tickets/zendesk/35436', undefined, await tokenFor(db, 'agent')));
    expect(res.status).toBe(200);
    expect((await res.json()).ticket).toMatchObject({
      id: '35436',
      source: 'zendesk',
      subject: 'Cannot sign in',
      description: 'The code never arrives',
    });
  });

  it('answers 404 for another source, 400 for an unknown source, 401 without a token and 403 for a trainer', async () => {
    const { app, db } = await testApp();
    await upsertTickets(db, [ticket]);
    expect((await app.request(...call('GET', '/api/tickets/freshdesk/35436'))).status).toBe(404);
    expect((await app.request(...call('GET', '/api/tickets/jira/35436'))).status).toBe(400);
    expect((await app.request(...call('GET', '/api/tickets/zendesk/35436', undefined, null))).status).toBe(401);
    expect((await app.request(...call('GET', '/api/tickets/zendesk/35436', undefined, await tokenFor(db, 'trainer')))).status).toBe(403);
  });

  it('leaves the ticket suggestions endpoint alone', async () => {
    const { app, db } = await testApp();
    await upsertTickets(db, [ticket]);
    // No suggestion index in the test app: that endpoint's own 503, not this route's 400.
    expect((await app.request(...call('GET', '/api/tickets/35436/suggestions'))).status).toBe(503);
  });
});

describe('GET /api/articles/{lang}/{slug}/activity', () => {
  it('gives views per day, votes, the searches that led to it, links, open flags, the review due date and the edit link', async () => {
    const clock = manualClock('2026-11-27T10:00:00Z');
    const { app, db } = await testApp({ now: clock.now, metricSettings: { editUrlBase: 'https://git.example.com/edit/' } });
    await upsertTickets(db, [ticket]);
    const event = { visitor: 'v', session: 's', lang: 'en', article: 'en/reset-password' };
    await insertEvents(db, [
      { ...event, type: 'page_view', created_at: '2026-11-26T08:00:00.000Z' },
      { ...event, type: 'page_view', created_at: '2026-11-26T09:00:00.000Z' },
      { ...event, type: 'search_click', created_at: '2026-11-26T09:00:00.000Z', query: 'Reset', query_norm: 'reset', rank: 1 },
    ]);
    await catchUpRollups(db);
    await upsertVotes(db, [
      {
        article: 'en/reset-password',
        visitor: 'a',
        day: '2026-11-26',
        helpful: true,
        reason: null,
        comment: null,
        lang: 'en',
        at: '2026-11-26T10:00:00.000Z',
      },
    ]);
    await insertLink(db, { ticket: '35436', source: 'zendesk', article: 'en/reset-password', relation: 'solved-by' }, clock.now());
    await insertFlag(db, { article: 'en/reset-password', reason: 'unclear', note: null, ticket: null, createdBy: 'Ann' }, clock.now());
    const res = await app.request(...call('GET', '/api/articles/en/reset-password/activity'));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.article).toMatchObject({
      id: 'en/reset-password',
      reviewDue: '2027-02-28',
      editUrl: 'https://git.example.com/edit/en/reset-password.mdx',
    });
    expect(body.views).toEqual([{ day: '2026-11-26', views: 2 }]);
    expect(body.votes).toEqual({ helpful: 1, notHelpful: 0, helpfulRate: null });
    expect(body.searches).toEqual([{ query: 'reset', clicks: 1 }]);
    expect(body.links).toMatchObject([{ ticket: '35436', source: 'zendesk', relation: 'solved-by' }]);
    expect(body.openFlags).toBe(1);
  });

  it('answers 404 for an article the build does not publish and 400 for a bad slug', async () => {
    const { app } = await testApp();
    expect((await app.request(...call('GET', '/api/articles/en/nope/activity'))).status).toBe(404);
    expect((await app.request(...call('GET', '/api/articles/en/Bad_Slug/activity'))).status).toBe(400);
  });

  it('needs a token (401) of an agent (403)', async () => {
    const { app, db } = await testApp();
    expect((await app.request(...call('GET', '/api/articles/en/reset-password/activity', undefined, null))).status).toBe(401);
    expect(
      (await app.request(...call('GET', '/api/articles/en/reset-password/activity', undefined, await tokenFor(db, 'trainer')))).status,
    ).toBe(403);
  });
});

import { describe, expect, it } from 'vitest';
import { testApp } from '../support/app.ts';
import { manualClock } from '../support/clock.ts';
import { upsertVotes, type VoteRow } from '../../api/db/queries/votes.ts';
import { call, tokenFor } from './kcs-support.ts';

const vote = (overrides: Partial<VoteRow>): VoteRow => ({
  article: 'en/reset-password',
  visitor: 'v1',
  day: '2026-11-20',
  helpful: false,
  reason: 'outdated',
  comment: 'The menu is gone',
  lang: 'en',
  at: '2026-11-20T09:00:00.000Z',
  ...overrides,
});

async function setup() {
  const clock = manualClock('2026-11-27T10:00:00Z');
  const t = await testApp({ now: clock.now });
  await upsertVotes(t.db, [
    vote({}),
    vote({ visitor: 'v2', helpful: true, reason: null, comment: 'Worked first time', at: '2026-11-26T09:00:00.000Z' }),
    vote({ visitor: 'v3', reason: 'unclear', comment: 'Which button?', at: '2026-11-25T09:00:00.000Z' }),
    vote({ visitor: 'v4', comment: null }),
    vote({ visitor: 'v5', article: 'en/printer-setup', reason: 'incomplete', comment: 'No Mac steps', at: '2026-11-24T09:00:00.000Z' }),
  ]);
  return { ...t, agent: await tokenFor(t.db, 'agent', 'Agent Ann') };
}

const listed = async (app: Awaited<ReturnType<typeof setup>>['app'], query: string, token: string) => {
  const res = await app.request(...call('GET', `/api/feedback/comments${query}`, undefined, token));
  expect(res.status).toBe(200);
  return (await res.json()).comments as Array<{ id: number; comment: string; handled: boolean; handledBy: string | null }>;
};

describe('GET /api/feedback/comments', () => {
  it('lists comments with their reasons, unhelpful first and newest first within each, without votes that have none', async () => {
    const { app, agent } = await setup();
    const comments = await listed(app, '', agent);
    // Unhelpful: 11-25 "Which button?", 11-24 "No Mac steps", 11-20 "The menu is gone"; then the helpful one.
    expect(comments.map((c) => c.comment)).toEqual(['Which button?', 'No Mac steps', 'The menu is gone', 'Worked first time']);
    expect(comments[0]).toMatchObject({
      article: 'en/reset-password',
      title: 'Title of reset-password',
      helpful: false,
      reason: 'unclear',
    });
  });

  it('lists one article with ?article=', async () => {
    const { app, agent } = await setup();
    expect((await listed(app, '?article=en/printer-setup', agent)).map((c) => c.comment)).toEqual(['No Mac steps']);
  });

  it('refuses a malformed article (400), a bad handled value (400) and a missing token (401)', async () => {
    const { app, agent } = await setup();
    expect((await app.request(...call('GET', '/api/feedback/comments?article=nope', undefined, agent))).status).toBe(400);
    expect((await app.request(...call('GET', '/api/feedback/comments?handled=maybe', undefined, agent))).status).toBe(400);
    expect((await app.request(...call('GET', '/api/feedback/comments', undefined, null))).status).toBe(401);
  });

  it('refuses a role that is not an agent (403)', async () => {
    const { app, db } = await setup();
    expect((await app.request(...call('GET', '/api/feedback/comments', undefined, await tokenFor(db, 'trainer')))).status).toBe(403);
  });
});

describe('POST /api/feedback/comments/{id}/handled', () => {
  it('takes a comment out of the unhandled queue and records who handled it', async () => {
    const { app, agent } = await setup();
    const [first] = await listed(app, '?handled=false', agent);
    const res = await app.request(...call('POST', `/api/feedback/comments/${first!.id}/handled`, undefined, agent));
    expect(res.status).toBe(200);
    expect((await listed(app, '?handled=false', agent)).map((c) => c.comment)).not.toContain(first!.comment);
    expect(await listed(app, '?handled=true', agent)).toMatchObject([{ id: first!.id, handled: true, handledBy: 'Agent Ann' }]);
  });

  it('answers 200 again when marked twice', async () => {
    const { app, agent } = await setup();
    const [first] = await listed(app, '', agent);
    await app.request(...call('POST', `/api/feedback/comments/${first!.id}/handled`, undefined, agent));
    expect((await app.request(...call('POST', `/api/feedback/comments/${first!.id}/handled`, undefined, agent))).status).toBe(200);
  });

  it('puts a comment back in the queue when the visitor replaces it the same day', async () => {
    const { app, db, agent } = await setup();
    const mine = (await listed(app, '', agent)).find((c) => c.comment === 'The menu is gone')!;
    await app.request(...call('POST', `/api/feedback/comments/${mine.id}/handled`, undefined, agent));
    await upsertVotes(db, [vote({ comment: 'Still gone after the update', at: '2026-11-20T18:00:00.000Z' })]);
    expect((await listed(app, '?handled=false', agent)).map((c) => c.comment)).toContain('Still gone after the update');
  });

  it('answers 404 for a vote with no comment or no vote at all, and 400 for an id that is not a number', async () => {
    const { app, agent } = await setup();
    const res = await app.request(...call('POST', '/api/feedback/comments/9999/handled', undefined, agent));
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
    expect((await app.request(...call('POST', '/api/feedback/comments/x/handled', undefined, agent))).status).toBe(400);
  });

  it('needs a token (401) of an agent (403)', async () => {
    const { app, db, agent } = await setup();
    const [first] = await listed(app, '', agent);
    expect((await app.request(...call('POST', `/api/feedback/comments/${first!.id}/handled`, undefined, null))).status).toBe(401);
    const trainer = await tokenFor(db, 'trainer');
    expect((await app.request(...call('POST', `/api/feedback/comments/${first!.id}/handled`, undefined, trainer))).status).toBe(403);
  });
});

import { describe, expect, it } from 'vitest';
import { testApp } from '../support/app.ts';
import { call, tokenFor } from './kcs-support.ts';
import { manualClock } from '../support/clock.ts';
import { createStaffUser, sessionHeaders, signIn } from '../support/staff.ts';

const flag = { article: 'en/reset-password', reason: 'outdated', note: 'Step 3 names the old menu' };

async function setup() {
  const clock = manualClock('2026-11-27T10:00:00Z');
  const t = await testApp({ now: clock.now });
  return { ...t, clock, agent: await tokenFor(t.db, 'agent', 'Agent Ann') };
}

describe('POST /api/flags', () => {
  it('raises an open flag with 201, naming who raised it and the article owner', async () => {
    const { app, agent } = await setup();
    const res = await app.request(...call('POST', '/api/flags', { ...flag, ticket: 'zendesk:35436' }, agent));
    expect(res.status).toBe(201);
    expect((await res.json()).flag).toMatchObject({
      article: 'en/reset-password',
      title: 'Title of reset-password',
      owner: 'Team',
      reason: 'outdated',
      note: 'Step 3 names the old menu',
      ticket: 'zendesk:35436',
      status: 'open',
      createdBy: 'Agent Ann',
      createdAt: '2026-11-27T10:00:00.000Z',
      closedAt: null,
      how: null,
    });
  });

  it('needs a token (401)', async () => {
    const { app } = await setup();
    expect((await app.request(...call('POST', '/api/flags', flag, null))).status).toBe(401);
  });

  it('refuses a role that is not an agent (403)', async () => {
    const { app, db } = await setup();
    expect((await app.request(...call('POST', '/api/flags', flag, await tokenFor(db, 'trainer')))).status).toBe(403);
  });

  it.each([
    ['an unknown reason', { ...flag, reason: 'wrong' }, 'reason'],
    ['a malformed article id', { ...flag, article: 'reset-password' }, 'article'],
    ['a note over 2000 characters', { ...flag, note: 'x'.repeat(2001) }, 'note'],
    ['a ticket without its source', { ...flag, ticket: '35436' }, 'ticket'],
    ['an unknown field', { ...flag, severity: 'high' }, ''],
  ])('refuses %s with 400 naming the field', async (_label, body, field) => {
    const { app, agent } = await setup();
    const res = await app.request(...call('POST', '/api/flags', body, agent));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('invalid_request');
    if (field) expect(error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('refuses an article the build does not publish (422)', async () => {
    const { app, agent } = await setup();
    const res = await app.request(...call('POST', '/api/flags', { ...flag, article: 'en/no-such-article' }, agent));
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: 'unknown_article', details: [{ field: 'article' }] });
  });

  it('refuses a body that is not JSON (415) or too large (413)', async () => {
    const { app, agent } = await setup();
    const [path, init] = call('POST', '/api/flags', flag, agent);
    expect((await app.request(path, { ...init, headers: { ...init.headers, 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await app.request(...call('POST', '/api/flags', { ...flag, note: 'x'.repeat(40_000) }, agent))).status).toBe(413);
  });
});

describe('GET /api/flags', () => {
  it('lists open flags oldest first, of all articles or one', async () => {
    const { app, agent, clock } = await setup();
    await app.request(...call('POST', '/api/flags', flag, agent));
    clock.advance(60_000);
    await app.request(...call('POST', '/api/flags', { article: 'en/printer-setup', reason: 'unclear' }, agent));
    const all = await (await app.request(...call('GET', '/api/flags', undefined, agent))).json();
    expect(all.flags.map((f: { article: string }) => f.article)).toEqual(['en/reset-password', 'en/printer-setup']);
    const one = await (await app.request(...call('GET', '/api/flags?article=en/printer-setup', undefined, agent))).json();
    expect(one.flags).toMatchObject([{ article: 'en/printer-setup', reason: 'unclear', note: null }]);
  });

  it('lists closed flags with ?status=closed', async () => {
    const { app, agent } = await setup();
    const { flag: raised } = await (await app.request(...call('POST', '/api/flags', flag, agent))).json();
    await app.request(...call('POST', `/api/flags/${raised.id}/close`, { how: 'fixed' }, agent));
    const open = await (await app.request(...call('GET', '/api/flags?status=open', undefined, agent))).json();
    const closed = await (await app.request(...call('GET', '/api/flags?status=closed', undefined, agent))).json();
    expect([open.flags.length, closed.flags.length]).toEqual([0, 1]);
  });

  it('refuses an unknown status (400) and a missing token (401)', async () => {
    const { app, agent } = await setup();
    expect((await app.request(...call('GET', '/api/flags?status=pending', undefined, agent))).status).toBe(400);
    expect((await app.request(...call('GET', '/api/flags', undefined, null))).status).toBe(401);
  });
});

describe('POST /api/flags/{id}/close', () => {
  async function raised() {
    const t = await setup();
    const { flag: f } = await (await t.app.request(...call('POST', '/api/flags', flag, t.agent))).json();
    return { ...t, id: f.id as number };
  }

  it('closes a flag as fixed, recording how, who and when', async () => {
    const { app, db, id, clock } = await raised();
    clock.advance(3_600_000);
    const owner = await tokenFor(db, 'agent', 'Owner Olu');
    const res = await app.request(...call('POST', `/api/flags/${id}/close`, { how: 'fixed', note: 'Reviewed 2026-11-27' }, owner));
    expect(res.status).toBe(200);
    expect((await res.json()).flag).toMatchObject({
      status: 'closed',
      how: 'fixed',
      closeNote: 'Reviewed 2026-11-27',
      closedBy: 'Owner Olu',
      closedAt: '2026-11-27T11:00:00.000Z',
    });
  });

  it('dismisses a flag with a reason', async () => {
    const { app, agent, id } = await raised();
    const res = await app.request(...call('POST', `/api/flags/${id}/close`, { how: 'dismissed', note: 'The menu is still there' }, agent));
    expect((await res.json()).flag).toMatchObject({ how: 'dismissed', closeNote: 'The menu is still there' });
  });

  it('refuses a dismissal without a reason with 400 naming the note', async () => {
    const { app, agent, id } = await raised();
    const res = await app.request(...call('POST', `/api/flags/${id}/close`, { how: 'dismissed' }, agent));
    expect(res.status).toBe(400);
    expect((await res.json()).error.details).toMatchObject([{ field: 'note' }]);
  });

  it('refuses an unknown way of closing (400)', async () => {
    const { app, agent, id } = await raised();
    expect((await app.request(...call('POST', `/api/flags/${id}/close`, { how: 'deleted' }, agent))).status).toBe(400);
  });

  it('answers 404 for an unknown flag and 400 for an id that is not a number', async () => {
    const { app, agent } = await raised();
    const res = await app.request(...call('POST', '/api/flags/9999/close', { how: 'fixed' }, agent));
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
    expect((await app.request(...call('POST', '/api/flags/abc/close', { how: 'fixed' }, agent))).status).toBe(400);
  });

  it('answers 409 when the flag is already closed, and keeps the first closing', async () => {
    const { app, agent, id } = await raised();
    await app.request(...call('POST', `/api/flags/${id}/close`, { how: 'fixed' }, agent));
    const again = await app.request(...call('POST', `/api/flags/${id}/close`, { how: 'dismissed', note: 'no' }, agent));
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('already_closed');
    const closed = await (await app.request(...call('GET', '/api/flags?status=closed', undefined, agent))).json();
    expect(closed.flags[0].how).toBe('fixed');
  });

  it('needs a token (401) of an agent (403)', async () => {
    const { app, db, id } = await raised();
    expect((await app.request(...call('POST', `/api/flags/${id}/close`, { how: 'fixed' }, null))).status).toBe(401);
    expect((await app.request(...call('POST', `/api/flags/${id}/close`, { how: 'fixed' }, await tokenFor(db, 'trainer')))).status).toBe(
      403,
    );
  });
});

describe('flags with a staff sign-in', () => {
  it('records the signed-in agent as who raised and who closed it', async () => {
    const { app, db } = await setup();
    await createStaffUser(db, { email: 'olu@example.com', name: 'Olu Owner', role: 'agent', password: 'a long enough password' });
    const cookie = await signIn(app, 'olu@example.com', 'a long enough password');
    const raised = await app.request('/api/flags', { method: 'POST', headers: sessionHeaders(cookie), body: JSON.stringify(flag) });
    expect(raised.status).toBe(201);
    const { flag: f } = await raised.json();
    expect(f.createdBy).toBe('Olu Owner');
    const closed = await app.request(`/api/flags/${f.id}/close`, {
      method: 'POST',
      headers: sessionHeaders(cookie),
      body: JSON.stringify({ how: 'fixed' }),
    });
    expect((await closed.json()).flag.closedBy).toBe('Olu Owner');
  });

  it('refuses a cookie write from another origin (403)', async () => {
    const { app, db } = await setup();
    await createStaffUser(db, { email: 'olu@example.com', name: 'Olu Owner', role: 'agent', password: 'a long enough password' });
    const cookie = await signIn(app, 'olu@example.com', 'a long enough password');
    const res = await app.request('/api/flags', {
      method: 'POST',
      headers: sessionHeaders(cookie, { origin: 'https://evil.example' }),
      body: JSON.stringify(flag),
    });
    expect(res.status).toBe(403);
  });
});

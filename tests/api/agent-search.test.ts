import { describe, expect, it } from 'vitest';
import { testApp } from '../support/app.ts';
import { call, tokenFor } from './kcs-support.ts';

describe('GET /api/suggest/agents', () => {
  it('finds internal articles of the served edition and marks them', async () => {
    const { app, db } = await testApp();
    const res = await app.request(...call('GET', '/api/suggest/agents?q=escalation&lang=en', undefined, await tokenFor(db, 'agent')));
    expect(res.status).toBe(200);
    expect((await res.json()).results).toMatchObject([
      { article: 'en/escalation-checklist', audience: 'internal', type: 'faq', state: 'validated' },
    ]);
  });

  it('leaves archived articles out', async () => {
    const { app } = await testApp();
    const res = await app.request(...call('GET', '/api/suggest/agents?q=license%20server&lang=en'));
    expect((await res.json()).results).toEqual([]);
  });

  it('finds public articles in the language asked', async () => {
    const { app } = await testApp();
    const res = await app.request(...call('GET', '/api/suggest/agents?q=printer&lang=en'));
    expect((await res.json()).results).toMatchObject([
      { article: 'en/printer-setup', audience: 'public', url: '/en/articles/printer-setup/' },
    ]);
  });

  it('refuses an empty query (400), a missing token (401) and a trainer (403)', async () => {
    const { app, db } = await testApp();
    expect((await app.request(...call('GET', '/api/suggest/agents?q=&lang=en'))).status).toBe(400);
    expect((await app.request(...call('GET', '/api/suggest/agents?q=printer&lang=en', undefined, null))).status).toBe(401);
    expect(
      (await app.request(...call('GET', '/api/suggest/agents?q=printer&lang=en', undefined, await tokenFor(db, 'trainer')))).status,
    ).toBe(403);
  });
});

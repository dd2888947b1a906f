import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, testApp, visitorRequest } from '../support/app.ts';
import { hashToken, newToken } from '../../api/lib/middleware/auth.ts';
import { insertToken, revokeToken } from '../../api/db/queries/tokens.ts';
import { queryRows } from '../support/database.ts';

const get = (token?: string) => ['/api/admin/drops', token ? { headers: { authorization: `Bearer ${token}` } } : {}] as const;

describe('staff tokens', () => {
  it('refuses a request without a token with 401', async () => {
    const { app } = await testApp();
    const res = await app.request(...get());
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('refuses a wrong token with 401', async () => {
    const { app } = await testApp();
    expect((await app.request(...get('kb_wrong'))).status).toBe(401);
  });

  it('accepts KB_ADMIN_TOKEN as an admin', async () => {
    const { app } = await testApp();
    expect((await app.request(...get(ADMIN_TOKEN))).status).toBe(200);
  });

  it('accepts a stored admin token and refuses it once revoked', async () => {
    const { app, db } = await testApp();
    const token = newToken();
    const id = await insertToken(db, 'Ops', 'admin', hashToken(token), new Date());
    expect((await app.request(...get(token))).status).toBe(200);
    await revokeToken(db, id, new Date());
    expect((await app.request(...get(token))).status).toBe(401);
  });

  it('refuses a token of the wrong role with 403', async () => {
    const { app, db } = await testApp();
    const token = newToken();
    await insertToken(db, 'Trainer', 'trainer', hashToken(token), new Date());
    const res = await app.request(...get(token));
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/role admin.*trainer/);
  });

  it('stores only the hash of a token', async () => {
    const { db } = await testApp();
    const token = newToken();
    await insertToken(db, 'Agent', 'agent', hashToken(token), new Date());
    expect(JSON.stringify(await queryRows(db, 'select * from staff_tokens'))).not.toContain(token);
  });
});

describe('GET /api/admin/drops', () => {
  it('shows drop counts by reason and day with totals', async () => {
    const { app } = await testApp();
    const [request, env] = visitorRequest({ events: [{ type: 'contact_view' }] }, { headers: { dnt: '1' } });
    await app.request('/api/events', request, env);
    const body = await (await app.request(...get(ADMIN_TOKEN))).json();
    expect(body.drops).toEqual([{ day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), reason: 'dnt', count: 1 }]);
    expect(body.totals).toEqual({ dnt: 1 });
  });

  it('rejects a malformed date with 400', async () => {
    const { app } = await testApp();
    const res = await app.request('/api/admin/drops?from=yesterday', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details[0].field).toBe('from');
  });
});

describe('CORS', () => {
  it('allows only configured origins', async () => {
    const { app } = await testApp({ corsOrigins: ['https://help.example.com'] });
    const allowed = await app.request('/api/health', { headers: { origin: 'https://help.example.com' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://help.example.com');
    const other = await app.request('/api/health', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

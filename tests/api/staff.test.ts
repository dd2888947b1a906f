/** Staff accounts and sign-in through the API (issue #16), on SQLite and PostgreSQL. */
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, testApp } from '../support/app.ts';
import { manualClock } from '../support/clock.ts';
import { queryRows } from '../support/database.ts';
import { createStaffUser, sessionHeaders, signIn, TEST_ORIGIN } from '../support/staff.ts';
import { disableStaffUser, insertStaffUser } from '../../api/db/queries/staff-users.ts';
import { insertToken } from '../../api/db/queries/tokens.ts';
import { hashToken, newToken } from '../../api/lib/middleware/auth.ts';
import { createPasswordLink } from '../../api/lib/staff/password-links.ts';
import { ROLES } from '../../core/contracts/roles.ts';

const LI = {
  email: 'li.wei@example.com',
  name: 'Li Wei',
  role: 'agent',
  team: 'Shanghai',
  agentId: 'li.wei',
  password: 'correct horse 1',
} as const;

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: TEST_ORIGIN, ...headers },
  body: JSON.stringify(body),
});

const signInRequest = (email: string, password: string, headers: Record<string, string> = {}) =>
  ['/api/staff/sign-in', json({ email, password }, headers)] as const;

const me = (cookie: string) => ['/api/staff/me', { headers: { cookie } }] as const;

describe('POST /api/staff/sign-in', () => {
  it('signs in with the right password: an HttpOnly, SameSite=Lax session cookie and the identity', async () => {
    const { app, db } = await testApp();
    const id = await createStaffUser(db, LI);
    const res = await app.request(...signInRequest('Li.Wei@Example.com', LI.password));
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^kb_session=[\w-]{43}; Max-Age=604800; Path=\/; HttpOnly; SameSite=Lax$/);
    const body = await res.json();
    expect(body).toEqual({
      staff: { name: 'Li Wei', role: 'agent', userId: id, email: 'li.wei@example.com', team: 'Shanghai', agentId: 'li.wei' },
      via: 'session',
    });
    const who = await app.request(...me(cookie.split(';')[0]!));
    expect(who.status).toBe(200);
    expect(await who.json()).toEqual(body);
  });

  it('marks the cookie Secure when the site is https', async () => {
    const { app, db } = await testApp({ staffSessions: { secureCookie: true } });
    await createStaffUser(db, LI);
    const res = await app.request(...signInRequest(LI.email, LI.password));
    expect(res.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('stores only a hash of the session id and a scrypt hash of the password', async () => {
    const { app, db } = await testApp();
    await createStaffUser(db, LI);
    const cookie = await signIn(app, LI.email, LI.password);
    const stored = JSON.stringify([await queryRows(db, 'select * from staff_sessions'), await queryRows(db, 'select * from staff_users')]);
    expect(stored).not.toContain(cookie.slice('kb_session='.length));
    expect(stored).not.toContain(LI.password);
    expect(stored).toMatch(/scrypt\$32768\$8\$1\$/);
  });

  it('answers a wrong password and an unknown e-mail alike, with 401', async () => {
    const { app, db } = await testApp();
    await createStaffUser(db, LI);
    const wrong = await app.request(...signInRequest(LI.email, 'not the password'));
    const unknown = await app.request(...signInRequest('nobody@example.com', LI.password));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const body = await wrong.json();
    expect(body.error).toMatchObject({ code: 'invalid_credentials', message: 'The e-mail address or the password is wrong' });
    expect(await unknown.json()).toEqual(body);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('refuses an account without a password yet with the same 401', async () => {
    const { app, db } = await testApp();
    await insertStaffUser(db, { email: 'new@example.com', displayName: 'New', role: 'agent' }, new Date());
    const res = await app.request(...signInRequest('new@example.com', 'anything at all'));
    expect(res.status).toBe(401);
  });

  it('refuses a disabled account with 403, and disabling ends its sessions', async () => {
    const { app, db } = await testApp();
    const id = await createStaffUser(db, LI);
    const cookie = await signIn(app, LI.email, LI.password);
    await disableStaffUser(db, id, new Date());
    expect((await app.request(...me(cookie))).status).toBe(401);
    const res = await app.request(...signInRequest(LI.email, LI.password));
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('account_disabled');
    // A wrong password on a disabled account says no more than on any other.
    expect((await app.request(...signInRequest(LI.email, 'wrong password'))).status).toBe(401);
  });

  it('names the bad field with 400', async () => {
    const { app } = await testApp();
    const res = await app.request(...signInRequest('not-an-address', 'x'));
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.map((d: { field: string }) => d.field)).toEqual(['email']);
  });

  it('refuses a sign-in posted from another site with 403', async () => {
    const { app, db } = await testApp();
    await createStaffUser(db, LI);
    const res = await app.request(...signInRequest(LI.email, LI.password, { origin: 'https://evil.example' }));
    expect(res.status).toBe(403);
  });
});

describe('sign-in rate limits', () => {
  it('refuses every attempt for an account after 5 failures in 15 minutes with 429, the right password too', async () => {
    const clock = manualClock();
    const { app, db } = await testApp({ now: clock.now });
    await createStaffUser(db, LI);
    for (let i = 0; i < 5; i++) expect((await app.request(...signInRequest(LI.email, `guess number ${i}`))).status).toBe(401);
    const refused = await app.request(...signInRequest(LI.email, LI.password));
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBe(15 * 60);
    clock.advance(15 * 60_000);
    expect((await app.request(...signInRequest(LI.email, LI.password))).status).toBe(200);
  });

  it('refuses an address after 20 failures over any accounts with 429', async () => {
    const { app, db } = await testApp({ signInLimits: { perAccount: 100 } });
    await createStaffUser(db, LI);
    const from = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } });
    for (let i = 0; i < 20; i++)
      expect((await app.request(...signInRequest(`user${i}@example.com`, 'guess guess'), from('198.51.100.9'))).status).toBe(401);
    expect((await app.request(...signInRequest(LI.email, LI.password), from('198.51.100.9'))).status).toBe(429);
    // Another address is not held back.
    expect((await app.request(...signInRequest(LI.email, LI.password), from('198.51.100.10'))).status).toBe(200);
  });

  it('clears the account count on a successful sign-in', async () => {
    const { app, db } = await testApp();
    await createStaffUser(db, LI);
    for (let i = 0; i < 4; i++) await app.request(...signInRequest(LI.email, 'a wrong one'));
    await signIn(app, LI.email, LI.password);
    for (let i = 0; i < 4; i++) expect((await app.request(...signInRequest(LI.email, 'a wrong one'))).status).toBe(401);
    expect((await app.request(...signInRequest(LI.email, LI.password))).status).toBe(200);
  });
});

describe('session time-outs', () => {
  it('ends a session unused for 8 hours (idle time-out) and clears the cookie', async () => {
    const clock = manualClock('2026-11-27T09:00:00Z');
    const { app, db } = await testApp({ now: clock.now });
    await createStaffUser(db, LI);
    const cookie = await signIn(app, LI.email, LI.password);
    clock.advance(8 * 3_600_000 - 60_000); // 16:59: still valid, and the use moves the idle clock
    expect((await app.request(...me(cookie))).status).toBe(200);
    clock.advance(8 * 3_600_000 - 60_000); // 00:58 next day: 7 h 59 min after the last use
    expect((await app.request(...me(cookie))).status).toBe(200);
    clock.advance(8 * 3_600_000); // exactly 8 h idle
    const expired = await app.request(...me(cookie));
    expect(expired.status).toBe(401);
    expect(expired.headers.get('set-cookie')).toMatch(/^kb_session=; Max-Age=0/);
    expect(await queryRows(db, 'select * from staff_sessions')).toEqual([]);
  });

  it('ends a session 7 days after sign-in however often it is used (absolute time-out)', async () => {
    const clock = manualClock('2026-11-27T09:00:00Z');
    const { app, db } = await testApp({ now: clock.now });
    await createStaffUser(db, LI);
    const cookie = await signIn(app, LI.email, LI.password);
    for (let hours = 6; hours < 168; hours += 6) {
      clock.set(new Date(Date.parse('2026-11-27T09:00:00Z') + hours * 3_600_000).toISOString());
      expect((await app.request(...me(cookie))).status).toBe(200);
    }
    clock.set('2026-12-04T09:00:00Z');
    expect((await app.request(...me(cookie))).status).toBe(401);
  });

  it('takes its time-outs from the settings', async () => {
    const clock = manualClock();
    const { app, db } = await testApp({ now: clock.now, staffSessions: { idleMs: 30 * 60_000 } });
    await createStaffUser(db, LI);
    const cookie = await signIn(app, LI.email, LI.password);
    clock.advance(30 * 60_000);
    expect((await app.request(...me(cookie))).status).toBe(401);
  });

  it('refuses a made-up session id with 401', async () => {
    const { app } = await testApp();
    expect((await app.request(...me(`kb_session=${'a'.repeat(43)}`))).status).toBe(401);
    expect((await app.request(...me('kb_session=short'))).status).toBe(401);
  });
});

describe('writes with the session cookie', () => {
  it('refuses a write without a same-origin Origin with 403 and accepts it with one', async () => {
    const { app, db } = await testApp();
    await createStaffUser(db, LI);
    const cookie = await signIn(app, LI.email, LI.password);
    const noOrigin = await app.request('/api/staff/sign-out', { method: 'POST', headers: { cookie } });
    expect(noOrigin.status).toBe(403);
    expect((await noOrigin.json()).error.code).toBe('cross_origin');
    const otherSite = await app.request('/api/staff/sign-out', { method: 'POST', headers: { cookie, origin: 'https://evil.example' } });
    expect(otherSite.status).toBe(403);
    expect((await app.request(...me(cookie))).status).toBe(200);
    const same = await app.request('/api/staff/sign-out', { method: 'POST', headers: sessionHeaders(cookie) });
    expect(same.status).toBe(200);
    expect(same.headers.get('set-cookie')).toMatch(/^kb_session=; Max-Age=0/);
    expect((await app.request(...me(cookie))).status).toBe(401);
  });

  it("accepts KB_SITE_URL's origin and a browser's Sec-Fetch-Site: same-origin", async () => {
    const { app, db } = await testApp({ siteOrigin: 'https://help.example.com' });
    await createStaffUser(db, LI);
    const a = await signIn(app, LI.email, LI.password);
    expect(
      (await app.request('/api/staff/sign-out', { method: 'POST', headers: { cookie: a, origin: 'https://help.example.com' } })).status,
    ).toBe(200);
    const b = await signIn(app, LI.email, LI.password);
    expect(
      (await app.request('/api/staff/sign-out', { method: 'POST', headers: { cookie: b, 'sec-fetch-site': 'same-origin' } })).status,
    ).toBe(200);
  });

  it('applies the same check to other staff writes (a training record)', async () => {
    const { app, db } = await testApp();
    await createStaffUser(db, { ...LI, role: 'trainer' });
    const cookie = await signIn(app, LI.email, LI.password);
    const res = await app.request('/api/training/records', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ agent: 'li.wei', article: 'en/x', completedAt: '2026-01-01' }),
    });
    expect(res.status).toBe(403);
  });
});

describe('bearer tokens and roles', () => {
  it('still work, with every role, and the bearer wins over a cookie', async () => {
    const { app, db } = await testApp();
    for (const role of ROLES) {
      const token = newToken();
      await insertToken(db, `ci-${role}`, role, hashToken(token), new Date());
      const res = await app.request('/api/staff/me', { headers: { authorization: `Bearer ${token}`, cookie: 'kb_session=whatever' } });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        staff: { name: `ci-${role}`, role, userId: null, email: null, team: null, agentId: null },
        via: 'token',
      });
    }
  });

  it('apply roleSatisfies to role checks: manager and lead pass an agent route, trainer does not; only admin passes admin', async () => {
    const { app, db } = await testApp();
    const status = async (role: (typeof ROLES)[number], path: string) => {
      const token = newToken();
      await insertToken(db, role, role, hashToken(token), new Date());
      return (await app.request(path, { headers: { authorization: `Bearer ${token}` } })).status;
    };
    // GET /api/tickets/... needs agent; /api/admin/drops needs admin.
    expect(await status('lead', '/api/admin/drops')).toBe(403);
    expect(await status('manager', '/api/admin/drops')).toBe(403);
    expect(await status('admin', '/api/admin/drops')).toBe(200);
    const accounts = await app.request('/api/staff/users', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(accounts.status).toBe(200);
  });

  it('refuses a session of the wrong role with 403 naming both roles', async () => {
    const { app, db } = await testApp();
    await createStaffUser(db, { ...LI, role: 'manager' });
    const cookie = await signIn(app, LI.email, LI.password);
    const res = await app.request('/api/admin/drops', { headers: { cookie } });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toBe('This needs the role admin; your account has the role manager');
  });
});

describe('GET /api/staff/users', () => {
  it('lists every account for any signed-in staff member, without password hashes', async () => {
    const { app, db } = await testApp();
    const li = await createStaffUser(db, LI);
    const wang = await createStaffUser(db, { email: 'wang@example.com', name: 'Wang Fang', role: 'lead', password: 'another password' });
    await disableStaffUser(db, wang, new Date());
    const cookie = await signIn(app, LI.email, LI.password);
    const res = await app.request('/api/staff/users', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      users: [
        { id: li, email: 'li.wei@example.com', displayName: 'Li Wei', role: 'agent', team: 'Shanghai', agentId: 'li.wei', disabled: false },
        { id: wang, email: 'wang@example.com', displayName: 'Wang Fang', role: 'lead', team: null, agentId: null, disabled: true },
      ],
    });
  });

  it('refuses anyone not signed in with 401', async () => {
    const { app } = await testApp();
    expect((await app.request('/api/staff/users')).status).toBe(401);
  });
});

describe('POST /api/staff/password', () => {
  async function withLink(now = new Date()) {
    const clock = manualClock(now.toISOString());
    const t = await testApp({ now: clock.now });
    const id = await insertStaffUser(t.db, { email: 'new@example.com', displayName: 'New Person', role: 'agent' }, clock.now());
    const link = await createPasswordLink(t.db, id, clock.now());
    return { ...t, clock, id, link };
  }

  it('sets the password once from a link; the person can then sign in', async () => {
    const { app, link } = await withLink();
    expect(link.path).toMatch(/^\/staff\/set-password\/\?t=[\w-]{43}$/);
    const res = await app.request('/api/staff/password', json({ token: link.token, password: 'a long new password' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, email: 'new@example.com' });
    await signIn(app, 'new@example.com', 'a long new password');
    const again = await app.request('/api/staff/password', json({ token: link.token, password: 'another new password' }));
    expect(again.status).toBe(400);
    expect((await again.json()).error).toMatchObject({ code: 'invalid_link', details: [{ field: 'token' }] });
  });

  it('refuses a password under 10 characters with 400 naming the field', async () => {
    const { app, link } = await withLink();
    const res = await app.request('/api/staff/password', json({ token: link.token, password: 'short' }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.details).toEqual([{ field: 'password', message: 'must be at least 10 characters' }]);
  });

  it('refuses a link after 24 hours', async () => {
    const { app, link, clock } = await withLink();
    clock.advance(24 * 3_600_000);
    expect((await app.request('/api/staff/password', json({ token: link.token, password: 'a long new password' }))).status).toBe(400);
  });

  it('ends the sessions of the account (a reset signs out everywhere)', async () => {
    const { app, db, id, link } = await withLink();
    await app.request('/api/staff/password', json({ token: link.token, password: 'first password!' }));
    const cookie = await signIn(app, 'new@example.com', 'first password!');
    const reset = await createPasswordLink(db, id, new Date());
    expect((await app.request('/api/staff/password', json({ token: reset.token, password: 'second password' }))).status).toBe(200);
    expect((await app.request(...me(cookie))).status).toBe(401);
  });
});

/**
 * Issue 14, class "rate limits the client controls": a per-address ceiling beside the
 * per-visitor limit for votes, events and contact, limiter maps bounded under a flood of new
 * visitors, and staff-token guessing limited per address.
 */
import { describe, expect, it } from 'vitest';
import { addressKey, MAX_LIMITER_KEYS, RateLimiter, WriteLimiter } from '../../api/lib/ingest/rate-limit.ts';
import { STAFF_AUTH_FAILURES } from '../../api/lib/middleware/staff-guard.ts';
import { DEFAULT_CONTACT_LIMIT } from '../../api/routes/contact.ts';
import { ADMIN_TOKEN, BROWSER_UA, testApp, visitorRequest } from '../support/app.ts';

/** A browser user agent made distinct by a build number, as a UA-rotating script sends. */
const rotatedUa = (i: number) => BROWSER_UA.replace(/Chrome\/[\d.]+/, `Chrome/131.0.${i}.0`);
const vote = (i: number, ip = '198.51.100.7') => {
  const [request, env] = visitorRequest({ article: 'en/reset-password', helpful: false }, { ip, ua: rotatedUa(i) });
  return ['/api/votes', request, env] as const;
};

describe('rate limits: a per-address ceiling beside the per-visitor limit', () => {
  it('refuses votes from one address with 429 once its ceiling is reached, however the User-Agent rotates', async () => {
    const { app } = await testApp({ rateLimits: { votes: 10, events: 60, votesPerAddress: 5 } });
    // Five visitors (one UA each) from one address fill its ceiling of 5; the sixth is refused.
    for (let i = 0; i < 5; i++) expect((await app.request(...vote(i))).status).toBe(201);
    const refused = await app.request(...vote(5));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    // Another address is not affected.
    expect((await app.request(...vote(6, '198.51.100.8'))).status).toBe(201);
  });

  it('refuses events from one address once its ceiling is reached', async () => {
    const { app } = await testApp({ rateLimits: { votes: 10, events: 60, eventsPerAddress: 3 } });
    const post = (i: number) => {
      const [request, env] = visitorRequest({ events: [{ type: 'search', query: 'vpn', results: 1, lang: 'en' }] }, { ua: rotatedUa(i) });
      return ['/api/events', request, env] as const;
    };
    for (let i = 0; i < 3; i++) expect((await app.request(...post(i))).status).toBe(202);
    expect((await app.request(...post(3))).status).toBe(429);
  });

  it('refuses contact requests from one address beyond its ceiling of 30 a minute, whatever the User-Agent', async () => {
    const { app } = await testApp();
    const body = {
      subject: 'Print preview is blank',
      description: 'Since the update, print preview is empty.',
      email: 'a@example.com',
      lang: 'en',
    };
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const [request, env] = visitorRequest(body, { ua: rotatedUa(i) });
      const res = await app.request('/api/contact', request, env);
      if (res.status !== 201 && res.status !== 429) throw new Error(`${res.status} ${await res.text()}`);
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 201)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect(DEFAULT_CONTACT_LIMIT).toBe(5);
  });

  it('counts an IPv6 client by its /64, so rotating addresses inside it gains nothing', () => {
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe(addressKey('2001:0db8:0001:0002::ff'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
    expect(addressKey('198.51.100.7')).toBe('198.51.100.7');
  });
});

describe('rate limits: bounded maps', () => {
  it('keeps a limiter at its key bound under a flood of new keys, oldest first out', () => {
    const limiter = new RateLimiter(5, 60_000, 1000);
    for (let i = 0; i < 10_000; i++) limiter.consume(`visitor-${i}`, 1_000);
    expect(limiter.size).toBeLessThanOrEqual(1000);
    // The newest keys are still counted.
    for (let n = 0; n < 5; n++) limiter.consume('visitor-9999', 1_000);
    expect(limiter.consume('visitor-9999', 1_000).allowed).toBe(false);
  });

  it('forgets expired windows as time goes on', () => {
    const limiter = new RateLimiter(5, 60_000, 1000);
    for (let i = 0; i < 400; i++) limiter.consume(`old-${i}`, 0);
    limiter.consume('a', 60_000);
    limiter.consume('b', 120_000);
    expect(limiter.size).toBe(2);
  });

  it('stays bounded with many user agents from one address and many addresses', () => {
    const limiter = new WriteLimiter({ perVisitor: 10, perAddress: 1_000_000 });
    // 60,000 user agents from one address, then 60,000 addresses: both maps stay at the bound.
    for (let i = 0; i < 60_000; i++) limiter.consume(`ua-${i}`, '198.51.100.7', 1_000);
    for (let i = 0; i < 60_000; i++) limiter.consume(`v-${i}`, `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, 1_000);
    expect(limiter.size.visitors).toBeLessThanOrEqual(MAX_LIMITER_KEYS);
    expect(limiter.size.addresses).toBeLessThanOrEqual(MAX_LIMITER_KEYS);
  });
});

describe('rate limits: staff-token guessing', () => {
  const withToken = (token: string, ip = '192.0.2.10') => {
    const [, env] = visitorRequest({}, { ip });
    return ['/api/metrics', { headers: { authorization: `Bearer ${token}` } }, env] as const;
  };

  it(`answers 429 after ${STAFF_AUTH_FAILURES} wrong tokens from one address, even for the right token`, async () => {
    const { app } = await testApp();
    for (let i = 0; i < STAFF_AUTH_FAILURES; i++) expect((await app.request(...withToken(`guess-${i}-0123456789`))).status).toBe(401);
    const refused = await app.request(...withToken('guess-last-0123456789'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await app.request(...withToken(ADMIN_TOKEN))).status).toBe(429);
    // Another address, and requests without a token, are not affected.
    expect((await app.request(...withToken(ADMIN_TOKEN, '192.0.2.11'))).status).toBe(200);
    expect((await app.request('/api/health')).status).toBe(200);
  });
});

/**
 * Issue 14, "keep it closed": a seeded fuzz test (fast-check) over every public endpoint's
 * body and query, the staff metric parameters and the site's paths. Every answer is a 2xx,
 * a 3xx redirect on this origin, or a 4xx — in the error envelope for the API — within a
 * time budget, and /api/health still answers afterwards. A failure prints its seed and path,
 * so `fc.assert(..., { seed, path })` reproduces it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mountSite } from '../../api/lib/http/static-site.ts';
import { signWebhook } from '../../api/lib/webhooks/signature.ts';
import { METRICS } from '../../api/metrics/index.ts';
import { ADMIN_TOKEN, BROWSER_UA, testApp } from '../support/app.ts';
import { manualClock } from '../support/clock.ts';
import { folderWith } from '../support/temp-dir.ts';

const SEED = 1414;
/** Runs per property: enough to meet each class of hostile value, small enough for ~30 s in all. */
const RUNS = 100;
/** The longest one answer may take (generous for a loaded CI machine; a hang is what it catches). */
const BUDGET_MS = 5_000;
const NOW = '2026-11-27T10:00:00Z';
const WEBHOOK_SECRET = 'zendesk-secret-0123456789';

/** Strings a reviewer would try: dates out of range, encodings, controls, bidi, surrogates, huge numbers. */
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '9999-12-31',
    '9999-12-01',
    '0000-01-01',
    '2026-13-01',
    '2026-02-30',
    '1970-01-01',
    '2100-12-31',
    '+010000-01-01',
    '2026-11-01T00:00:00Z',
    '-1',
    '1e309',
    'NaN',
    '\u0000',
    '\u202E\u2066',
    '\uD800',
    '%',
    '%zz',
    '%E0%A4%A',
    '../../etc/passwd',
    '//evil.example/',
    "=cmd|' /c calc'!a0",
    'Moon/Base',
    'x'.repeat(5000),
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.integer({ min: -100_000, max: 100_000 }).map(String),
);

/** JSON values in the shapes the endpoints take, and out of them. */
const hostileValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
);

/** An object with some of `keys` (and maybe others) set to hostile values. */
const hostileObject = (keys: string[]) =>
  fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 })), hostileValue, { maxKeys: keys.length + 2 });

/** A body: a hostile object, any JSON, or text that is not JSON at all. */
const hostileBody = (keys: string[]) =>
  fc.oneof(
    hostileObject(keys).map((o) => JSON.stringify(o)),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 60 }),
  );

/** A query string of some of `keys` with hostile values. */
const hostileQuery = (keys: string[]) =>
  fc
    .dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 6 })), hostileString, { maxKeys: keys.length + 1 })
    .map((q) => new URLSearchParams(q).toString());

async function fuzzApp() {
  const dist = folderWith(
    { 'index.html': '<h1>Home</h1>', 'en/index.html': '<h1>English</h1>', '404.html': '<h1>Not found</h1>' },
    'kb-fuzz-',
  );
  const made = await testApp({ now: manualClock(NOW).now, webhookSecrets: { zendesk: WEBHOOK_SECRET } });
  mountSite(made.app, dist);
  return made.app;
}
type App = Awaited<ReturnType<typeof fuzzApp>>;

/** Sends one request; fails unless it is answered in time with a 2xx, an on-origin 3xx or a 4xx in the envelope. */
async function expectHandled(app: App, path: string, init: RequestInit = {}, envelope = true): Promise<void> {
  const env = { incoming: { socket: { remoteAddress: '198.51.100.20' } } };
  const started = Date.now();
  const res = await app.request(path, { ...init, headers: { 'user-agent': BROWSER_UA, ...(init.headers as Record<string, string>) } }, env);
  const elapsed = Date.now() - started;
  const text = await res.text();
  const where = `${init.method ?? 'GET'} ${path} → ${res.status} ${text.slice(0, 200)}`;
  expect(elapsed, where).toBeLessThan(BUDGET_MS);
  expect(res.status, where).toBeLessThan(500);
  if (res.status >= 300 && res.status < 400) expect(res.headers.get('location'), where).toMatch(/^\/(?![/\\])/);
  if (res.status >= 400 && envelope && res.headers.get('content-type')?.startsWith('application/json')) {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    expect(typeof body.error?.code, where).toBe('string');
    expect(typeof body.error?.message, where).toBe('string');
    expect(Array.isArray(body.error?.details), where).toBe(true);
  }
  if (res.status >= 400 && envelope && path.startsWith('/api/'))
    expect(res.headers.get('content-type'), where).toMatch(/^application\/json/);
}

const post = (body: string, contentType = 'application/json', headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': contentType, ...headers },
  body,
});
const staff = { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } };
const METRIC_PARAMS = ['from', 'to', 'tz', 'lang', 'topic', 'interval', 'format'];

async function fuzz<T>(app: App, arbitrary: fc.Arbitrary<T>, send: (value: T) => Promise<void>, runs = RUNS) {
  await fc.assert(fc.asyncProperty(arbitrary, send), { seed: SEED, numRuns: runs });
  await expectHandled(app, '/api/health');
  expect((await app.request('/api/health')).status).toBe(200);
}

describe('hostile input fuzz (seeded)', () => {
  it('public writes: votes, events and contact (JSON and form) answer 2xx or a 4xx envelope', async () => {
    const app = await fuzzApp();
    await fuzz(app, hostileBody(['article', 'helpful', 'reason', 'comment', 'lang']), (b) => expectHandled(app, '/api/votes', post(b)));
    const event = hostileObject([
      'type',
      'article',
      'path',
      'referrer',
      'query',
      'results',
      'rank',
      'filters',
      'articles',
      'ticket',
      'lang',
    ]);
    await fuzz(
      app,
      fc.oneof(
        fc.array(event, { maxLength: 3 }).map((events) => JSON.stringify({ events })),
        hostileBody(['events']),
      ),
      (b) => expectHandled(app, '/api/events', post(b)),
    );
    await fuzz(
      app,
      fc.oneof(
        fc
          .record({ subject: hostileString, description: hostileString, email: hostileString, lang: fc.constantFrom('en', 'zh-CN', 'xx') })
          .map((o) => JSON.stringify(o)),
        hostileBody(['subject', 'description', 'email', 'lang', 'website']),
      ),
      (b) => expectHandled(app, '/api/contact', post(b)),
    );
    await fuzz(app, hostileQuery(['subject', 'description', 'email', 'lang']), (b) =>
      expectHandled(app, '/api/contact', post(b, 'application/x-www-form-urlencoded', { 'sec-fetch-site': 'same-origin' })),
    );
  });

  it('public reads: articles, vote summaries, suggestions and health answer 2xx or a 4xx envelope', async () => {
    const app = await fuzzApp();
    await fuzz(app, hostileQuery(['article']), (q) => expectHandled(app, `/api/votes/summary?${q}`));
    await fuzz(app, hostileQuery(['q', 'lang', 'limit']), (q) => expectHandled(app, `/api/suggest?${q}`));
    await fuzz(app, hostileQuery(['lang', 'topic']), (q) => expectHandled(app, `/api/articles?${q}`));
  });

  it('webhooks: any body and signature headers answer 2xx or a 4xx envelope', async () => {
    const app = await fuzzApp();
    const signedAt = String(Math.floor(Date.parse(NOW) / 1000));
    await fuzz(app, fc.tuple(hostileBody(['ticket', 'event']), fc.boolean()), ([body, sign]) =>
      expectHandled(
        app,
        '/api/webhooks/zendesk',
        post(
          body,
          'application/json',
          sign ? { 'x-kb-timestamp': signedAt, 'x-kb-signature': signWebhook(WEBHOOK_SECRET, signedAt, body) } : {},
        ),
      ),
    );
    await fuzz(app, hostileObject(['id', 'status', 'subject', 'created_at', 'updated_at', 'priority']), (ticket) => {
      const body = JSON.stringify({ ticket });
      return expectHandled(
        app,
        '/api/webhooks/zendesk',
        post(body, 'application/json', { 'x-kb-timestamp': signedAt, 'x-kb-signature': signWebhook(WEBHOOK_SECRET, signedAt, body) }),
      );
    });
  });

  it('staff metric parameters: every metric, the summary and the training plan answer 2xx or a 4xx envelope', async () => {
    const app = await fuzzApp();
    const ids = [...METRICS.map((m) => m.id), 'summary', 'no-such-metric'];
    await fuzz(
      app,
      fc.tuple(fc.constantFrom(...ids), hostileQuery(METRIC_PARAMS)),
      ([id, q]) => expectHandled(app, `/api/metrics/${id}?${q}`, staff),
      250,
    );
    await fuzz(app, hostileQuery(['from', 'to', 'tz', 'topic', 'format']), (q) => expectHandled(app, `/api/training/plan?${q}`, staff));
    await fuzz(app, hostileQuery(['from', 'to']), (q) => expectHandled(app, `/api/admin/drops?${q}`, staff));
    await fuzz(app, hostileBody(['agent', 'article', 'completedAt']), (b) =>
      expectHandled(app, '/api/training/records', { ...post(b), headers: { 'content-type': 'application/json', ...staff.headers } }),
    );
  });

  it('site paths: any path answers 2xx, an on-origin redirect or a 4xx', async () => {
    const app = await fuzzApp();
    const segment = fc.oneof(
      fc.string({ maxLength: 12 }).map(encodeURIComponent),
      fc.constantFrom('%', '%zz', '%E0%A4%A', '%2F', '%5C', '%2e%2e', '..', '.', '', 'en', '%00', '%2F%2Fevil.example'),
    );
    await fuzz(
      app,
      fc.array(segment, { minLength: 1, maxLength: 4 }),
      (segments) => expectHandled(app, `/${segments.join('/')}`, {}, false),
      200,
    );
  });
});

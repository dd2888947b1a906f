/** GET /api/metrics, /api/metrics/summary and /api/metrics/:id: staff access, validation, JSON and CSV. */
import { describe, expect, it } from 'vitest';
import { insertEvents, type EventRow } from '../../api/db/queries/events.ts';
import { insertToken } from '../../api/db/queries/tokens.ts';
import { hashToken } from '../../api/lib/middleware/auth.ts';
import { METRICS } from '../../api/metrics/index.ts';
import { ADMIN_TOKEN, testApp, visitorRequest } from '../support/app.ts';
import { manualClock } from '../support/clock.ts';

const auth = (token = ADMIN_TOKEN) => ({ headers: { authorization: `Bearer ${token}` } });
const search = (session: string, at: string, query: string, results: number): EventRow => ({
  type: 'search',
  visitor: 'v',
  session,
  created_at: at,
  lang: 'en',
  query,
  query_norm: query,
  results,
});

async function appWithSearches() {
  const clock = manualClock('2026-11-27T10:00:00Z');
  const made = await testApp({ now: clock.now });
  await insertEvents(made.db, [
    search('s1', '2026-11-02T02:00:00.000Z', '=HYPERLINK("http://x")', 0),
    search('s2', '2026-11-02T03:00:00.000Z', 'say "hi", ok', 2),
    search('s2', '2026-11-02T04:00:00.000Z', 'say "hi", ok', 0),
    search('s3', '2026-11-20T04:00:00.000Z', 'printer', 0),
  ]);
  return made;
}

async function expectBadRequest(res: Response, field: string, code = 'invalid_request') {
  expect(res.status).toBe(400);
  const body = (await res.json()) as { error: { code: string; details: Array<{ field: string }> } };
  expect(body.error.code).toBe(code);
  expect(body.error.details.map((d) => d.field)).toContain(field);
}

describe('GET /api/metrics', () => {
  it('lists every metric of the registry with its definition', async () => {
    const { app } = await testApp();
    const res = await app.request('/api/metrics', auth());
    expect(res.status).toBe(200);
    const { metrics } = (await res.json()) as { metrics: Array<Record<string, unknown>> };
    expect(metrics.map((m) => m.id)).toEqual(METRICS.map((m) => m.id));
    expect(metrics.find((m) => m.id === 'deflection')).toMatchObject({
      group: 'self-service',
      unit: 'ratio',
      filters: ['lang'],
      title: { en: 'Contact-form deflection' },
    });
    expect(metrics[0]).not.toHaveProperty('compute');
    // The definition comes in both languages, exactly as the registry holds it.
    for (const m of METRICS)
      expect(metrics.find((listed) => listed.id === m.id)?.definition).toEqual({ 'zh-CN': m.definition['zh-CN'], en: m.definition.en });
    expect((metrics.find((m) => m.id === 'search-no-result-rate')?.definition as Record<string, string>).en).toBe(
      'Share of help-center searches that returned no results.',
    );
  });

  it('needs a staff token', async () => {
    const { app } = await testApp();
    for (const path of ['/api/metrics', '/api/metrics/summary', '/api/metrics/deflection']) {
      const res = await app.request(path);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
    expect((await app.request('/api/metrics', auth('kb_not-a-real-token'))).status).toBe(401);
  });

  it('lets agents and trainers read metrics', async () => {
    const { app, db } = await testApp();
    for (const role of ['agent', 'trainer'] as const) {
      const token = `token-of-a-${role}-0123456789`;
      await insertToken(db, role, role, hashToken(token), new Date());
      expect((await app.request('/api/metrics/search-no-result-rate', auth(token))).status).toBe(200);
    }
  });
});

describe('GET /api/metrics/:id', () => {
  it('answers value, parts and series for the period, defaulting to the last 30 days in Asia/Shanghai', async () => {
    const { app } = await appWithSearches();
    const res = await app.request('/api/metrics/search-no-result-rate', auth());
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown> & { series: unknown[] };
    // Today is 2026-11-27 in Shanghai; 30 days back is 10-29. The four searches are all inside; 3 found nothing.
    expect(body).toMatchObject({
      metric: 'search-no-result-rate',
      from: '2026-10-29',
      to: '2026-11-27',
      tz: 'Asia/Shanghai',
      interval: 'day',
      value: 0.75,
      parts: { searches: 4, noResult: 3 },
    });
    expect(body.series).toHaveLength(30);
  });

  it('takes from, to, tz, lang and interval', async () => {
    const { app } = await appWithSearches();
    const res = await app.request('/api/metrics/search-no-result-rate?from=2026-11-01&to=2026-11-30&tz=UTC&lang=en&interval=month', auth());
    expect(await res.json()).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-30',
      tz: 'UTC',
      interval: 'month',
      series: [{ period: '2026-11-01', searches: 4, noResult: 3, value: 0.75 }],
    });
  });

  it('counts a search and its click sent through POST /api/events with the normalised query', async () => {
    const { app } = await testApp({ now: manualClock('2026-11-27T10:00:00Z').now });
    const events = [
      { type: 'search', query: 'Reset  Password', results: 2, lang: 'en' },
      { type: 'search_click', query: 'reset password', article: 'en/reset-password', rank: 1, lang: 'en' },
    ];
    const [request, env] = visitorRequest({ events });
    expect((await app.request('/api/events', request, env)).status).toBe(202);
    const res = await app.request('/api/metrics/search-click-through?from=2026-11-27&to=2026-11-27', auth());
    // One search, followed in its session by a click on the same normalised query: 1 ÷ 1.
    expect(await res.json()).toMatchObject({ value: 1, parts: { searches: 1, clicked: 1 } });
  });

  it('reuses a computed result for KB_METRICS_CACHE_SECONDS, then computes it again with new data', async () => {
    const clock = manualClock('2026-11-27T10:00:00Z');
    const { app, db } = await testApp({ now: clock.now, metricsCacheSeconds: 60 });
    const url = '/api/metrics/search-no-result-rate?from=2026-11-27&to=2026-11-27&tz=UTC';
    await insertEvents(db, [search('s1', '2026-11-27T09:00:00.000Z', 'printer', 0)]);
    expect(await (await app.request(url, auth())).json()).toMatchObject({ parts: { searches: 1, noResult: 1 } });
    await insertEvents(db, [search('s2', '2026-11-27T09:30:00.000Z', 'printer', 3)]);
    // Within 60 s the cached figure stands (a dashboard refresh costs nothing)…
    clock.advance(59_000);
    expect(await (await app.request(url, auth())).json()).toMatchObject({ parts: { searches: 1, noResult: 1 } });
    // …after it, the roll-ups catch up and the new search counts: 1 of 2 found nothing.
    clock.advance(1_000);
    expect(await (await app.request(url, auth())).json()).toMatchObject({ value: 0.5, parts: { searches: 2, noResult: 1 } });
  });

  it('rejects a malformed date, naming the field', async () => {
    const { app } = await testApp();
    await expectBadRequest(await app.request('/api/metrics/deflection?from=2026-13-01', auth()), 'from');
    await expectBadRequest(await app.request('/api/metrics/deflection?to=yesterday', auth()), 'to');
  });

  it('rejects from after to', async () => {
    const { app } = await testApp();
    await expectBadRequest(await app.request('/api/metrics/deflection?from=2026-11-05&to=2026-11-04', auth()), 'from');
  });

  it('rejects a range over 731 days', async () => {
    const { app } = await testApp();
    // 2024-01-01..2026-01-01 covers 366 + 365 + 1 = 732 days.
    await expectBadRequest(await app.request('/api/metrics/deflection?from=2024-01-01&to=2026-01-01', auth()), 'to');
    expect((await app.request('/api/metrics/deflection?from=2024-01-01&to=2025-12-31', auth())).status).toBe(200);
  });

  it('rejects an unknown time zone, interval, lang and format', async () => {
    const { app } = await testApp();
    await expectBadRequest(await app.request('/api/metrics/deflection?tz=Mars/Olympus', auth()), 'tz');
    await expectBadRequest(await app.request('/api/metrics/deflection?interval=hour', auth()), 'interval');
    await expectBadRequest(await app.request('/api/metrics/deflection?lang=fr', auth()), 'lang');
    await expectBadRequest(await app.request('/api/metrics/deflection?format=xlsx', auth()), 'format');
  });

  it('answers an unknown metric id with 400 unknown_metric', async () => {
    const { app } = await testApp();
    await expectBadRequest(await app.request('/api/metrics/no-such-metric', auth()), 'id', 'unknown_metric');
  });
});

describe('format=csv', () => {
  it('sends the rows as an attachment, quoted per RFC 4180 and guarded against formulas', async () => {
    const { app } = await appWithSearches();
    const res = await app.request('/api/metrics/top-searches?from=2026-11-01&to=2026-11-30&format=csv', auth());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="top-searches_2026-11-01_2026-11-30.csv"');
    // Ranked by searches: 'say "hi", ok' twice (1 no result), then the other two once each, in query order ("=" < "p").
    expect(await res.text()).toBe(
      [
        'lang,query,searches,noResult,clicked,clickThrough',
        'en,"say ""hi"", ok",2,1,0,0',
        `en,"'=HYPERLINK(""http://x"")",1,1,0,0`,
        'en,printer,1,1,0,0',
        '',
      ].join('\r\n'),
    );
  });

  it('sends the series when the metric has no rows', async () => {
    const { app } = await appWithSearches();
    const res = await app.request('/api/metrics/search-no-result-rate?from=2026-11-02&to=2026-11-03&tz=UTC&format=csv', auth());
    // 11-02: three searches, two without results → 2/3.
    expect(await res.text()).toBe(['period,searches,noResult,value', `2026-11-02,3,2,${2 / 3}`, '2026-11-03,0,0,', ''].join('\r\n'));
  });

  it('sends metric,value when there are neither rows nor series', async () => {
    const { app } = await appWithSearches();
    const res = await app.request('/api/metrics/top-no-result-searches?from=2026-12-01&to=2026-12-01&format=csv', auth());
    expect(await res.text()).toBe('metric,value\r\ntop-no-result-searches,0\r\n');
  });
});

describe('GET /api/metrics/summary', () => {
  it('gives the twelve headline numbers for the period and the previous one', async () => {
    const { app } = await appWithSearches();
    const res = await app.request('/api/metrics/summary?from=2026-11-16&to=2026-11-30&tz=UTC', auth());
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown> & { previous: Record<string, unknown> };
    const names = [
      'selfServiceScore',
      'deflectionRate',
      'explicitDeflectionRate',
      'helpfulRate',
      'noResultRate',
      'searchClickThrough',
      'linkRate',
      'resolutionRate',
      'medianResolutionHours',
      'slaAttainment',
      'escalationRate',
      'csatMean',
    ];
    // resolutionTooRecent: the young open tickets the resolution rate leaves out; demo: the seed's marker (null here).
    expect(Object.keys(body).sort()).toEqual(['from', 'to', 'tz', 'demo', 'previous', 'resolutionTooRecent', ...names].sort());
    expect(Object.keys(body.previous).sort()).toEqual(['from', 'to', 'resolutionTooRecent', ...names].sort());
    expect(body['demo']).toBeNull();
    // 15 days; the previous 15 are 11-01..11-15. Now: one search (11-20), no result → 1; click-through 0/1 = 0.
    // Before: three searches on 11-02, two without results → 2/3; no sessions with tickets → null score.
    expect(body).toMatchObject({
      from: '2026-11-16',
      to: '2026-11-30',
      tz: 'UTC',
      noResultRate: 1,
      searchClickThrough: 0,
      selfServiceScore: null,
      deflectionRate: null,
    });
    expect(body.previous).toMatchObject({ from: '2026-11-01', to: '2026-11-15', searchClickThrough: 0, deflectionRate: null });
    expect(body.previous.noResultRate).toBeCloseTo(2 / 3, 10);
  });

  it('validates the period like the metrics do', async () => {
    const { app } = await testApp();
    await expectBadRequest(await app.request('/api/metrics/summary?tz=Nowhere', auth()), 'tz');
  });
});

/**
 * Issue 14, class "dates and loops": every date a client sends is a real calendar date in
 * 2000-01-01..2100-12-31 (core/contracts/dates.ts), impossible dates are 400s naming the
 * field, and every loop over a period's days is bounded.
 */
import { describe, expect, it } from 'vitest';
import { addDays, dateOrDateTimeSchema, isoDateSchema, isoDateTimeSchema } from '../../core/contracts/dates.ts';
import { boundedDays, periodsOf } from '../../api/metrics/period.ts';
import { localDayRuns } from '../../api/db/queries/metrics-events.ts';
import { ADMIN_TOKEN, testApp } from '../support/app.ts';
import { manualClock } from '../support/clock.ts';

const auth = { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } };
const post = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
  body: JSON.stringify(body),
});

async function expectFieldError(res: Response, field: string) {
  expect(res.status).toBe(400);
  const body = (await res.json()) as { error: { code: string; details: Array<{ field: string }> } };
  expect(body.error.code).toBe('invalid_request');
  expect(body.error.details.map((d) => d.field).join(' ')).toContain(field);
}

describe('dates and loops: the date schemas', () => {
  it('accept real dates within 2000-01-01..2100-12-31 only', () => {
    for (const ok of ['2000-01-01', '2026-02-28', '2028-02-29', '2100-12-31']) expect(isoDateSchema.safeParse(ok).success).toBe(true);
    for (const bad of ['1999-12-31', '2101-01-01', '9999-12-31', '2026-13-01', '2026-02-30', '2027-02-29', '+010000-01-01', '2026-1-1'])
      expect(isoDateSchema.safeParse(bad).success, bad).toBe(false);
  });

  it('refuse impossible or out-of-range date-times instead of throwing', () => {
    for (const bad of ['2026-13-01T00:00:00Z', '2026-02-30T10:00:00Z', '9999-12-31T23:59:59Z', '1970-01-01T00:00:00Z'])
      expect(isoDateTimeSchema.safeParse(bad).success, bad).toBe(false);
    for (const bad of ['2026-13-01', '2026-13-01T00:00:00Z', '0000-01-01', 'tomorrow'])
      expect(dateOrDateTimeSchema.safeParse(bad).success, bad).toBe(false);
    expect(dateOrDateTimeSchema.parse('2026-03-01T08:00:00+08:00')).toBe('2026-03-01T00:00:00.000Z');
  });
});

describe('dates and loops: bounded loops', () => {
  it('addDays refuses to step past year 9999 rather than answer a date that sorts before it', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });

  it('a day loop over a range longer than any report throws at once instead of running on', () => {
    expect(() => boundedDays('2000-01-01', '2100-12-31')).toThrow(RangeError);
    expect(() => periodsOf({ from: '2000-01-01', to: '2100-12-31', interval: 'month' })).toThrow(RangeError);
    // Counted, not compared as strings: the 31 days of 9999-12 end, where the old loop did not.
    expect(periodsOf({ from: '9999-12-01', to: '9999-12-31', interval: 'day' })).toHaveLength(31);
    expect(() => localDayRuns({ from: '2000-01-01', to: '2099-12-31', tz: 'UTC' })).toThrow(RangeError);
  });
});

describe('dates and loops: the API', () => {
  it('answers the deflection request with year-9999 dates with 400 at once, and keeps serving', async () => {
    const { app } = await testApp({ now: manualClock('2026-11-27T10:00:00Z').now });
    const started = Date.now();
    const res = await app.request('/api/metrics/deflection?from=9999-12-01&to=9999-12-31', auth);
    await expectFieldError(res, 'from');
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await app.request('/api/health')).status).toBe(200);
  });

  it('answers out-of-range and impossible dates on every metric endpoint with 400 naming the field', async () => {
    const { app } = await testApp({ now: manualClock('2026-11-27T10:00:00Z').now });
    await expectFieldError(await app.request('/api/metrics/summary?to=2101-01-01', auth), 'to');
    await expectFieldError(await app.request('/api/metrics/search-no-result-rate?from=1999-12-31', auth), 'from');
    await expectFieldError(await app.request('/api/metrics/deflection?from=2026-02-30', auth), 'from');
    await expectFieldError(await app.request('/api/training/plan?to=9999-12-31', auth), 'to');
    await expectFieldError(await app.request('/api/admin/drops?from=2026-13-01', auth), 'from');
  });

  it('answers the last dates of the range (2100-12-31) with 200: the day after is still a date', async () => {
    const { app } = await testApp({ now: manualClock('2026-11-27T10:00:00Z').now });
    const res = await app.request('/api/metrics/deflection?from=2100-12-01&to=2100-12-31&interval=week', auth);
    expect(res.status).toBe(200);
  });

  it('answers a training record completed on 2026-13-01 with 400 naming completedAt, not 500', async () => {
    const { app } = await testApp();
    for (const completedAt of ['2026-13-01', '2026-13-01T08:00:00Z', '9999-12-31'])
      await expectFieldError(
        await app.request('/api/training/records', post({ agent: 'alice', article: 'en/train-lic', completedAt })),
        'completedAt',
      );
  });

  it('answers a ticket created in month 13 with 400 naming createdAt', async () => {
    const { app } = await testApp();
    const ticket = { id: 'A-1', source: 'api', subject: 'S', priority: 'normal', status: 'open', createdAt: '2026-13-01T09:00:00Z' };
    await expectFieldError(await app.request('/api/tickets', post({ tickets: [ticket] })), 'createdAt');
  });
});

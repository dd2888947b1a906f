/** SLA clocks in working hours: KB_BUSINESS_HOURS and KB_HOLIDAYS (core/tickets/business-hours.ts). */
import { describe, expect, it } from 'vitest';
import { addWorkingHours, parseBusinessHours, parseHolidays } from '../../core/tickets/business-hours.ts';
import { slaClocks } from '../../core/tickets/sla-clock.ts';
import { DEFAULT_SLA_TARGETS } from '../../core/tickets/sla-targets.ts';

// Asia/Shanghai is UTC+8 all year: 09:00 local = 01:00Z, 18:00 local = 10:00Z.
const shanghai = parseBusinessHours('Mon-Fri 09:00-18:00 Asia/Shanghai');
const at = (iso: string) => new Date(iso);

describe('parseBusinessHours', () => {
  it('reads days, window and zone', () => {
    expect(shanghai).toMatchObject({ startMinute: 540, endMinute: 1080, timeZone: 'Asia/Shanghai' });
    expect([...shanghai.days].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('reads comma lists and ranges that wrap over the week end', () => {
    expect([...parseBusinessHours('Sat-Mon,Wed 08:00-12:00 UTC').days].sort()).toEqual([0, 1, 3, 6]);
  });

  it.each([
    ['Mon-Fri 09:00-18:00', 'must be written days hours zone'],
    ['Mon-Fry 09:00-18:00 UTC', '"Fry" is not a weekday'],
    ['Mon-Fri 9-18 UTC', '"9" must be a time such as 09:00'],
    ['Mon-Fri 09:00 UTC', 'must be a window'],
    ['Mon-Fri 18:00-09:00 UTC', 'the end must be after the start'],
    ['Mon-Fri 09:00-18:00 Mars/Olympus', 'is not a time zone'],
  ])('refuses "%s"', (text, message) => {
    expect(() => parseBusinessHours(text)).toThrow(message);
  });
});

describe('parseHolidays', () => {
  it('reads comma- or space-separated dates', () => {
    expect([...parseHolidays('2026-10-01, 2026-10-02 2026-10-03')]).toEqual(['2026-10-01', '2026-10-02', '2026-10-03']);
  });

  it('refuses a date that does not exist', () => {
    expect(() => parseHolidays('2026-02-30')).toThrow('"2026-02-30" must be a date');
  });
});

describe('addWorkingHours', () => {
  it('counts calendar hours without a calendar', () => {
    expect(addWorkingHours(at('2026-12-04T17:00:00Z'), 8).toISOString()).toBe('2026-12-05T01:00:00.000Z');
  });

  it('stays within the day when the hours fit', () => {
    // Thursday 10:00 local + 4 h = 14:00 local = 06:00Z.
    expect(addWorkingHours(at('2026-12-03T02:00:00Z'), 4, shanghai).toISOString()).toBe('2026-12-03T06:00:00.000Z');
  });

  it('carries over the night and the weekend', () => {
    // Friday 16:00 local: 2 h left that day, 6 h on Monday from 09:00 → Monday 15:00 local = 07:00Z.
    expect(addWorkingHours(at('2026-12-04T08:00:00Z'), 8, shanghai).toISOString()).toBe('2026-12-07T07:00:00.000Z');
  });

  it('starts at the opening when a request arrives at night', () => {
    // Saturday 03:00 local → Monday 09:00 local + 1 h = 02:00Z.
    expect(addWorkingHours(at('2026-12-04T19:00:00Z'), 1, shanghai).toISOString()).toBe('2026-12-07T02:00:00.000Z');
  });

  it('skips holidays', () => {
    const withHoliday = parseBusinessHours('Mon-Fri 09:00-18:00 Asia/Shanghai', parseHolidays('2026-12-07'));
    // As above, but Monday is a holiday: Tuesday 10:00 local = 02:00Z.
    expect(addWorkingHours(at('2026-12-04T19:00:00Z'), 1, withHoliday).toISOString()).toBe('2026-12-08T02:00:00.000Z');
  });

  it('follows a daylight saving change', () => {
    // Europe/Berlin: Friday 2026-03-27 17:00 CET (16:00Z); 2 h → 1 h on Friday, then Monday
    // 30 March 09:00 CEST (07:00Z) + 1 h = 08:00Z.
    const berlin = parseBusinessHours('Mon-Fri 09:00-18:00 Europe/Berlin');
    expect(addWorkingHours(at('2026-03-27T16:00:00Z'), 2, berlin).toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });
});

describe('slaClocks', () => {
  const ticket = { priority: 'normal' as const, createdAt: '2026-12-03T02:00:00.000Z' };

  it('marks a running clock past its due time overdue', () => {
    // normal: 8 h first response, 48 h resolution, in calendar hours.
    const clocks = slaClocks(ticket, DEFAULT_SLA_TARGETS, at('2026-12-03T11:00:00Z'));
    expect(clocks).toEqual({
      firstResponseDue: '2026-12-03T10:00:00.000Z',
      resolutionDue: '2026-12-05T02:00:00.000Z',
      firstResponseBreached: true,
      resolutionBreached: false,
      overdue: true,
    });
  });

  it('stops the first-response clock at the first response', () => {
    const clocks = slaClocks({ ...ticket, firstResponseAt: '2026-12-03T03:00:00.000Z' }, DEFAULT_SLA_TARGETS, at('2026-12-03T11:00:00Z'));
    expect(clocks).toMatchObject({ firstResponseBreached: false, overdue: false });
  });

  it('runs in working hours with a calendar', () => {
    // Thursday 10:00 local. First response, 8 h: Thursday has 8 h left → 18:00 local = 10:00Z.
    // Resolution, 48 h: Thu 8 + Fri 9 + Mon 9 + Tue 9 + Wed 9 = 44, then 4 h on Thursday → 13:00 local = 05:00Z.
    const clocks = slaClocks(ticket, DEFAULT_SLA_TARGETS, at('2026-12-03T04:00:00Z'), shanghai);
    expect(clocks.firstResponseDue).toBe('2026-12-03T10:00:00.000Z');
    expect(clocks.resolutionDue).toBe('2026-12-10T05:00:00.000Z');
  });
});

/** Number formats of the dashboards: percent, hours, "N : 1", "—", and the change against the previous period. */
import { describe, expect, it } from 'vitest';
import {
  changeOf,
  formatCount,
  formatHours,
  formatPercent,
  formatScore,
  formatValue,
  NOT_AVAILABLE,
} from '../../site/islands/insights/format.ts';

describe('value formats', () => {
  it('writes rates as percent with one decimal', () => {
    // 0.1234 × 100 = 12.34 → 12.3
    expect(formatPercent('en', 0.1234)).toBe('12.3%');
    expect(formatPercent('zh-CN', 0.5)).toBe('50.0%');
    expect(formatPercent('en', 0)).toBe('0.0%');
  });

  it('writes hours with one decimal in each language', () => {
    expect(formatHours('en', 3.25)).toBe('3.3 h');
    expect(formatHours('zh-CN', 36)).toBe('36.0 小时');
  });

  it('writes the self-service score as "N : 1"', () => {
    // 1011 sessions ÷ 30 requesters = 33.7
    expect(formatScore('en', 1011 / 30)).toBe('33.7 : 1');
  });

  it('writes counts with grouping and CSAT with one decimal', () => {
    expect(formatCount('en', 12345)).toBe('12,345');
    expect(formatValue('en', 'rating', 4)).toBe('4.0');
  });

  it('writes null, undefined and non-finite numbers as a dash', () => {
    expect(formatPercent('en', null)).toBe(NOT_AVAILABLE);
    expect(formatHours('en', undefined)).toBe(NOT_AVAILABLE);
    expect(formatScore('en', Number.NaN)).toBe(NOT_AVAILABLE);
    expect(formatValue('en', 'count', null)).toBe(NOT_AVAILABLE);
  });
});

describe('change against the previous period', () => {
  it('gives rates in percentage points and calls a rise better when higher is better', () => {
    // 0.523 − 0.286 = 0.237 → +23.7 pp
    expect(changeOf('en', 'ratio', 0.523, 0.286, 'higher-is-better')).toEqual({
      direction: 'up',
      verdict: 'better',
      text: '+23.7 pp',
      arrow: '▲',
    });
  });

  it('calls a rise worse when lower is better (no-result rate, escalation rate, resolution time)', () => {
    // 0.176 − 0.125 = 0.051 → +5.1 pp, worse
    expect(changeOf('en', 'ratio', 0.176, 0.125, 'lower-is-better')?.verdict).toBe('worse');
    // 33.1 − 51.4 = −18.3 h, better
    const hours = changeOf('en', 'hours', 33.1, 51.4, 'lower-is-better');
    expect(hours).toEqual({ direction: 'down', verdict: 'better', text: '−18.3 h', arrow: '▼' });
  });

  it('says "same" when the difference disappears at the displayed precision', () => {
    // 0.12341 − 0.12338 = 0.00003 → 0.003 pp → rounds to 0.0
    expect(changeOf('en', 'ratio', 0.12341, 0.12338, 'higher-is-better')).toMatchObject({
      direction: 'same',
      verdict: 'same',
      text: '±0.0 pp',
    });
  });

  it('has no change when either period is undefined', () => {
    expect(changeOf('en', 'ratio', null, 0.5, 'higher-is-better')).toBeNull();
    expect(changeOf('en', 'ratio', 0.5, null, 'higher-is-better')).toBeNull();
  });

  it('writes the score change without a unit and in Chinese for hours', () => {
    // 33.7 − 12.9 = 20.8
    expect(changeOf('en', 'sessions-per-requester', 33.7, 12.9, 'higher-is-better')?.text).toBe('+20.8');
    expect(changeOf('zh-CN', 'hours', 2, 1.5, 'lower-is-better')?.text).toBe('+0.5 小时');
  });
});

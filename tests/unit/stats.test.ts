import { describe, expect, it } from 'vitest';
import { mean, median, percentile, ratio, wilsonLowerBound } from '../../core/stats.ts';

describe('median and percentile', () => {
  it('gives the middle value of an odd count', () => {
    expect(median([1, 3, 10])).toBe(3);
  });

  it('averages the two middle values of an even count', () => {
    // [2, 4, 6, 100]: middle values 4 and 6 → 5
    expect(median([2, 4, 6, 100])).toBe(5);
  });

  it('interpolates p90 between the nearest ranks', () => {
    // 10 values 1..10: h = (10 − 1) × 0.9 = 8.1 → 9 + 0.1 × (10 − 9) = 9.1
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
    // 4 values: h = 3 × 0.9 = 2.7 → 6 + 0.7 × (100 − 6) = 71.8
    expect(percentile([2, 4, 6, 100], 0.9)).toBeCloseTo(71.8, 10);
  });

  it('returns the only value of a single sample for every p', () => {
    expect(percentile([7], 0)).toBe(7);
    expect(percentile([7], 0.9)).toBe(7);
  });

  it('is null for no samples', () => {
    expect(median([])).toBeNull();
    expect(percentile([], 0.9)).toBeNull();
  });

  it('rejects p outside 0–1', () => {
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
  });
});

describe('wilsonLowerBound', () => {
  it('matches the hand-computed bound for 8 helpful of 10', () => {
    // p = 0.8, z² = 3.8415; centre = 0.8 + 3.8415/20 = 0.99207; margin = 1.96 × √(0.016 + 3.8415/400) = 0.31362;
    // (0.99207 − 0.31362) ÷ (1 + 0.38415) = 0.4902
    expect(wilsonLowerBound(8, 10)).toBeCloseTo(0.4902, 4);
  });

  it('ranks more votes at the same rate higher', () => {
    // 80 of 100: centre = 0.8 + 3.8415/200 = 0.81921; margin = 1.96 × √(0.0016 + 0.000096) = 0.08072; ÷ 1.038415 → 0.7112
    expect(wilsonLowerBound(80, 100)).toBeCloseTo(0.7112, 4);
    expect(wilsonLowerBound(80, 100)!).toBeGreaterThan(wilsonLowerBound(8, 10)!);
  });

  it('is 0 with no helpful votes and null with no votes', () => {
    expect(wilsonLowerBound(0, 5)).toBeCloseTo(0, 10);
    expect(wilsonLowerBound(0, 0)).toBeNull();
  });
});

describe('ratio and mean', () => {
  it('are null without a denominator', () => {
    expect(ratio(3, 0)).toBeNull();
    expect(mean(0, 0)).toBeNull();
    expect(ratio(1, 4)).toBe(0.25);
    expect(mean(9, 2)).toBe(4.5);
  });
});

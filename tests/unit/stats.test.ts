import { describe, expect, it } from 'vitest';
import { mean, median, medianOfSorted, percentile, percentileOfSorted, ratio, wilsonLowerBound } from '../../core/stats.ts';

describe('ratio', () => {
  it('divides the numerator by the denominator', () => {
    expect(ratio(1, 4)).toBe(0.25);
  });

  it('is 0 when nothing of a positive denominator was counted', () => {
    expect(ratio(0, 5)).toBe(0);
  });

  it('is null, not 0, when the denominator is 0', () => {
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(0, 0)).toBeNull();
  });

  it('is null when the denominator is negative or not a number', () => {
    expect(ratio(3, -2)).toBeNull();
    expect(ratio(3, Number.NaN)).toBeNull();
  });

  it('is null when either side is unknown', () => {
    expect(ratio(null, 4)).toBeNull();
    expect(ratio(4, undefined)).toBeNull();
  });
});

describe('mean', () => {
  it('divides the sum by the count', () => {
    // (4 + 5) ÷ 2 = 4.5
    expect(mean(9, 2)).toBe(4.5);
  });

  it('is null when there are no values', () => {
    expect(mean(0, 0)).toBeNull();
  });
});

describe('median', () => {
  it('gives the middle value of an odd count', () => {
    expect(median([1, 3, 10])).toBe(3);
  });

  it('averages the two middle values of an even count', () => {
    // [2, 4, 6, 100]: middle values 4 and 6 → 5
    expect(median([2, 4, 6, 100])).toBe(5);
  });

  it('sorts values given in any order numerically, not as text', () => {
    // Sorted: 2, 9, 10 → 9 (as text "10" < "2" < "9" would give 2)
    expect(median([10, 2, 9])).toBe(9);
    // Sorted: 1, 2, 3, 4 → (2 + 3) ÷ 2
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('leaves the input in its order', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('is null for no values', () => {
    expect(median([])).toBeNull();
    expect(medianOfSorted([])).toBeNull();
  });

  it('of sorted input agrees with the median of the same values', () => {
    expect(medianOfSorted(Float64Array.from([1, 2, 3, 4]))).toBe(2.5);
  });
});

describe('percentile', () => {
  it('interpolates p90 between the nearest ranks', () => {
    // 10 values 1..10: h = (10 − 1) × 0.9 = 8.1 → 9 + 0.1 × (10 − 9) = 9.1
    expect(percentileOfSorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
    // 4 values: h = 3 × 0.9 = 2.7 → 6 + 0.7 × (100 − 6) = 71.8
    expect(percentileOfSorted([2, 4, 6, 100], 0.9)).toBeCloseTo(71.8, 10);
  });

  it('sorts values given in any order', () => {
    // Sorted 2, 4, 6, 100: p25 at h = 0.75 → 2 + 0.75 × (4 − 2) = 3.5
    expect(percentile([100, 6, 2, 4], 0.25)).toBeCloseTo(3.5, 10);
  });

  it('gives the minimum at p = 0 and the maximum at p = 1', () => {
    expect(percentile([5, 1, 9], 0)).toBe(1);
    expect(percentile([5, 1, 9], 1)).toBe(9);
  });

  it('returns the only value of a single sample for every p', () => {
    expect(percentileOfSorted([7], 0)).toBe(7);
    expect(percentileOfSorted([7], 0.9)).toBe(7);
  });

  it('is null for no samples', () => {
    expect(percentile([], 0.9)).toBeNull();
  });

  it('rejects p outside 0–1', () => {
    expect(() => percentileOfSorted([1], 1.5)).toThrow(RangeError);
    expect(() => percentile([1], -0.1)).toThrow(RangeError);
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

  it('is 0 with no helpful votes', () => {
    expect(wilsonLowerBound(0, 5)).toBeCloseTo(0, 10);
  });

  it('is null with no votes', () => {
    expect(wilsonLowerBound(0, 0)).toBeNull();
  });
});

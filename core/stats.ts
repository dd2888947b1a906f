/**
 * Small statistics the metrics share: percentiles of sorted samples and the Wilson score
 * lower bound that ranks articles by helpfulness (docs/design.md §4). Pure functions, no I/O.
 */

/**
 * The p-quantile (0 ≤ p ≤ 1) of an ascending array, interpolating linearly between the two
 * nearest ranks (Hyndman & Fan type 7, as in Excel's PERCENTILE.INC and NumPy's default),
 * so the median of an even count is the mean of the two middle values. Null when empty.
 */
export function percentile(sortedAscending: ArrayLike<number>, p: number): number | null {
  const n = sortedAscending.length;
  if (n === 0) return null;
  if (p < 0 || p > 1 || Number.isNaN(p)) throw new RangeError(`percentile: p must be within 0–1, got ${p}`);
  const h = (n - 1) * p;
  const lower = Math.floor(h);
  const upper = Math.min(lower + 1, n - 1);
  const a = sortedAscending[lower]!;
  const b = sortedAscending[upper]!;
  return a + (h - lower) * (b - a);
}

/** The median of an ascending array (mean of the two middle values for an even count); null when empty. */
export function median(sortedAscending: ArrayLike<number>): number | null {
  return percentile(sortedAscending, 0.5);
}

/** The mean, or null when there are no values. */
export function mean(sum: number, count: number): number | null {
  return count > 0 ? sum / count : null;
}

/** numerator ÷ denominator, or null when the denominator is 0 (a rate of nothing is undefined, not 0). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/**
 * The lower bound of the Wilson score interval for `positive` successes out of `total`
 * (E. B. Wilson, 1927; the ranking Evan Miller's "How not to sort by average rating"
 * recommends). It ranks 8 of 10 helpful (0.4902) below 80 of 100 (0.7112): more votes,
 * more certainty. Null when there are no votes.
 */
export function wilsonLowerBound(positive: number, total: number, z = Z_95): number | null {
  if (total <= 0) return null;
  const p = positive / total;
  const z2 = z * z;
  const centre = p + z2 / (2 * total);
  const margin = z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return (centre - margin) / (1 + z2 / total);
}

/**
 * The small statistics every layer shares: ratios, means, medians and percentiles, and the
 * Wilson score lower bound that ranks articles by helpfulness (docs/design.md §4). Pure
 * functions, no I/O, each written once.
 *
 * One rule for "nothing to divide by": a figure with no denominator (no tickets, no votes,
 * no samples) is `null`, meaning undefined, never 0 — a rate of nothing is not 0%, and a
 * dashboard shows "—" rather than a misleading zero. Callers that need another value for
 * that case (a benchmark that fails on no responses) write it beside the call with `??`.
 */

/**
 * numerator ÷ denominator, or null when the ratio is undefined: the denominator is 0 (or not
 * a positive number, which for the counts and sizes divided here means a caller's mistake),
 * or either side is unknown (null or undefined, as a benchmark's missing figure is).
 */
export function ratio(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator === null || numerator === undefined || denominator === null || denominator === undefined) return null;
  return denominator > 0 ? numerator / denominator : null;
}

/** The mean of `count` values that add up to `sum`, or null when there are no values (the same rule as ratio). */
export function mean(sum: number, count: number): number | null {
  return ratio(sum, count);
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of an ascending array, interpolating linearly between the two
 * nearest ranks (Hyndman & Fan type 7, as in Excel's PERCENTILE.INC and NumPy's default),
 * so the median of an even count is the mean of the two middle values. Null when empty.
 * For hot paths that have sorted once already (a typed array's `sort()` is numeric and fast);
 * otherwise use percentile, which sorts a copy.
 */
export function percentileOfSorted(sortedAscending: ArrayLike<number>, p: number): number | null {
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
export function medianOfSorted(sortedAscending: ArrayLike<number>): number | null {
  return percentileOfSorted(sortedAscending, 0.5);
}

/** A numerically sorted copy; the input is left as it was. */
const sortedCopy = (values: ArrayLike<number>): Float64Array => Float64Array.from(values).sort();

/** The p-quantile (0 ≤ p ≤ 1) of values in any order, as percentileOfSorted; null when empty. */
export function percentile(values: ArrayLike<number>, p: number): number | null {
  return percentileOfSorted(sortedCopy(values), p);
}

/** The median of values in any order (mean of the two middle values for an even count); null when empty. */
export function median(values: ArrayLike<number>): number | null {
  return percentileOfSorted(sortedCopy(values), 0.5);
}

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/**
 * The lower bound of the Wilson score interval for `positive` successes out of `total`
 * (E. B. Wilson, 1927; the ranking Evan Miller's "How not to sort by average rating"
 * recommends). It ranks 8 of 10 helpful (0.4902) below 80 of 100 (0.7112): more votes,
 * more certainty. Null when there are no votes (the same rule as ratio).
 */
export function wilsonLowerBound(positive: number, total: number, z = Z_95): number | null {
  const p = ratio(positive, total);
  if (p === null) return null;
  const z2 = z * z;
  const centre = p + z2 / (2 * total);
  const margin = z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return (centre - margin) / (1 + z2 / total);
}

/** Helpfulness as docs/design.md §4 defines it: helpful ÷ votes, shown only with at least 5 votes. */
export const MIN_VOTES_FOR_RATE = 5;

export function helpfulRate(helpful: number, votes: number): number | null {
  return votes >= MIN_VOTES_FOR_RATE ? helpful / votes : null;
}

/**
 * Vote reasons and limits (docs/design.md §3), shared by the feedback widget and the API's
 * request schema. Kept free of the API's dependencies so the site build stays light.
 */
export const VOTE_REASONS = ['outdated', 'unclear', 'incomplete', 'wrong', 'didnt-solve', 'other'] as const;
export type VoteReason = (typeof VOTE_REASONS)[number];
/** Longest comment a visitor may leave with a vote, in characters. */
export const MAX_COMMENT_LENGTH = 1000;

/**
 * The texts the feedback script shows after the page has loaded. FeedbackWidget.astro
 * fills them from site/i18n/ui.ts in the page language and embeds them as JSON, so the
 * script ships neither dictionary.
 */

/** Texts the widget needs at run time, already in the page language. */
export interface FeedbackStrings {
  /** Shown while a vote is on its way. */
  sending: string;
  /** The vote was stored. */
  thanks: string;
  /** The API accepted but did not record the vote (DNT / GPC): say so honestly. */
  notCounted: string;
  /** The vote could not be recorded (network, timeout, server error). */
  error: string;
  /** "{n} people found this helpful". */
  helpfulCount: string;
  /** The singular form, for n = 1. */
  helpfulCountOne: string;
  /** "{n} of {max} characters". */
  charCount: string;
}

function fill(template: string, vars: Record<string, number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** "N people found this helpful", or null when nobody has yet: "0 people" only discourages. */
export function helpfulCountText(strings: FeedbackStrings, helpful: number): string | null {
  if (!Number.isInteger(helpful) || helpful < 1) return null;
  return helpful === 1 ? strings.helpfulCountOne : fill(strings.helpfulCount, { n: helpful });
}

/** The comment's live character count, "12 of 1000 characters". */
export function charCountText(strings: FeedbackStrings, length: number, max: number): string {
  return fill(strings.charCount, { n: length, max });
}

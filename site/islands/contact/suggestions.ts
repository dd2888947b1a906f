/**
 * What the contact page asks /api/suggest for, and which of the answers it shows are
 * worth a `suggestion_shown` event (each set of articles once per page view).
 */
import { SUGGEST_MIN_CHARS, SUGGEST_QUERY_MAX } from '../../../core/contracts/contact-limits.ts';

/** One answer of GET /api/suggest (api/routes/suggest.ts). */
export interface Suggestion {
  article: string;
  title: string;
  url: string;
}

/**
 * The suggestion query for what the visitor has typed so far: the subject, then the
 * start of the description, whitespace collapsed and cut to what the API takes; null
 * while there are fewer than 3 characters (such short text matches almost anything).
 */
export function suggestionQuery(subject: string, description = ''): string | null {
  const text = `${subject} ${description}`.replace(/\s+/g, ' ').trim();
  if ([...text].length < SUGGEST_MIN_CHARS) return null;
  // Cut by code points, so a character outside the BMP is never split in half.
  return [...text].slice(0, SUGGEST_QUERY_MAX).join('').trim();
}

/** Remembers the suggestion sets already reported, so each is counted once per page view. */
export class ShownSuggestions {
  private readonly seen = new Set<string>();

  /**
   * Whether this list of articles is new on this page: true the first time, false when
   * the same articles in the same order were shown before (typing on often gives the
   * same answers) and for an empty list (nothing was shown).
   */
  firstShowing(articles: readonly string[]): boolean {
    if (articles.length === 0) return false;
    const key = articles.join('\n');
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}

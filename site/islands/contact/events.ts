/**
 * The contact page's usage events (docs/design.md §3), within the bounds of eventSchema in
 * core/contracts/events.ts: each builder returns a valid event or null.
 * tests/unit/contact-events.test.ts checks the output against the schema itself.
 */
import type { AnalyticsEvent } from '../../../core/contracts/events.ts';
import type { Lang } from '../../../core/content/article.ts';
import { eventQuery } from '../analytics/events.ts';

type EventOf<T extends AnalyticsEvent['type']> = Extract<AnalyticsEvent, { type: T }>;

// Bounds of eventSchema.
const MAX_ARTICLES = 20;
const MAX_RANK = 100;
const MAX_TICKET_REF = 64;

const withLang = <E extends AnalyticsEvent>(event: E, lang: Lang | undefined): E => (lang ? { ...event, lang } : event);

/** The visitor opened the contact page. */
export function contactViewEvent(lang: Lang | undefined): EventOf<'contact_view'> {
  return withLang({ type: 'contact_view' }, lang);
}

/** A set of suggestions appeared for `query`; null when there is no query or no article. */
export function suggestionShownEvent(
  query: string,
  articles: readonly string[],
  lang: Lang | undefined,
): EventOf<'suggestion_shown'> | null {
  const clipped = eventQuery(query);
  if (!clipped || articles.length === 0) return null;
  return withLang({ type: 'suggestion_shown', query: clipped, articles: articles.slice(0, MAX_ARTICLES) }, lang);
}

/** The visitor opened the suggestion at 1-based `rank`; null when the rank is out of bounds. */
export function suggestionClickEvent(article: string, rank: number, lang: Lang | undefined): EventOf<'suggestion_click'> | null {
  if (!article || !Number.isInteger(rank) || rank < 1 || rank > MAX_RANK) return null;
  return withLang({ type: 'suggestion_click', article, rank }, lang);
}

/** "This solved my problem" on a suggestion. */
export function contactSolvedEvent(article: string, lang: Lang | undefined): EventOf<'contact_solved'> | null {
  return article ? withLang({ type: 'contact_solved', article }, lang) : null;
}

/**
 * The visitor went on to ask the support team. Sent by the page only when it forwards to
 * the helpdesk's own form (no reference yet); POST /api/contact records its own.
 */
export function contactSubmittedEvent(ticket: string | undefined, lang: Lang | undefined): EventOf<'contact_submitted'> {
  const ref = ticket?.slice(0, MAX_TICKET_REF);
  return withLang(ref ? { type: 'contact_submitted', ticket: ref } : { type: 'contact_submitted' }, lang);
}

/**
 * Builds the events of POST /api/events. The contract is eventSchema in
 * core/contracts/events.ts: one invalid event makes the server reject its whole batch, so
 * every builder returns an event within the schema's bounds, or null when there is none
 * worth sending. tests/unit/analytics-events.test.ts checks the output against the schema.
 */
import type { AnalyticsEvent } from '../../../core/contracts/events.ts';
import type { Lang } from '../../../core/content/article.ts';

/** One event type each, as the API schema defines them. */
export type PageViewEvent = Extract<AnalyticsEvent, { type: 'page_view' }>;
export type SearchEvent = Extract<AnalyticsEvent, { type: 'search' }>;
export type SearchClickEvent = Extract<AnalyticsEvent, { type: 'search_click' }>;

/** What the search page reports with each finished search (the `kb:search` event's detail). */
export interface SearchDetail {
  query: string;
  results: number;
  filters: Record<string, string>;
}

// Bounds of eventSchema; the unit test feeds oversized input through the real schema.
const MAX_QUERY = 200;
const MAX_PATH = 300;
const MAX_REFERRER = 500;
const MAX_RANK = 100;
const MAX_RESULTS = 100_000;
const MAX_FILTERS = 8;
const MAX_FILTER_KEY = 32;
const MAX_FILTER_VALUE = 64;

// A Record over Lang fails to compile if a language is added to the schema and not here.
const KNOWN_LANGS: Record<Lang, true> = { 'zh-CN': true, en: true };

/** `<html lang>` as an event language, or undefined when it is not a published language. */
export function pageLang(value: string | null | undefined): Lang | undefined {
  return value && Object.hasOwn(KNOWN_LANGS, value) ? (value as Lang) : undefined;
}

/**
 * Origin and path of a referrer from another site, or undefined for same-site navigation
 * and direct visits. The query string is left behind: it may carry personal data.
 */
export function externalReferrer(referrer: string, ownOrigin: string): string | undefined {
  if (!referrer) return undefined;
  try {
    const url = new URL(referrer);
    if (url.origin === ownOrigin || !/^https?:$/.test(url.protocol)) return undefined;
    return `${url.origin}${url.pathname}`.slice(0, MAX_REFERRER);
  } catch {
    return undefined;
  }
}

/** Where a page view happened; article pages name the article, others their path. */
export interface PageContext {
  lang: Lang | undefined;
  /** The `data-article` id of the page's `<article>`, when it is an article page. */
  article: string | null | undefined;
  pathname: string;
  referrer: string;
  origin: string;
}

/** A `page_view` naming either the article or the path, never both (as the schema requires). */
export function pageViewEvent(page: PageContext): PageViewEvent {
  const event: PageViewEvent = page.article
    ? { type: 'page_view', article: page.article }
    : { type: 'page_view', path: page.pathname.slice(0, MAX_PATH) || '/' };
  const referrer = externalReferrer(page.referrer, page.origin);
  if (referrer) event.referrer = referrer;
  if (page.lang) event.lang = page.lang;
  return event;
}

/** The query as sent: trimmed and cut to the schema's length, or null when empty. */
export function eventQuery(query: string): string | null {
  const clipped = query.trim().slice(0, MAX_QUERY).trim();
  return clipped || null;
}

/** Filters within the schema's bounds; empty values mean "any" and are left out. */
function boundedFilters(filters: Record<string, string>): Record<string, string> | undefined {
  const entries = Object.entries(filters)
    .filter(([key, value]) => key && value && key.length <= MAX_FILTER_KEY && value.length <= MAX_FILTER_VALUE)
    .slice(0, MAX_FILTERS);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** A `search` event, or null for an empty query. */
export function searchEvent(search: SearchDetail, lang: Lang | undefined): SearchEvent | null {
  const query = eventQuery(search.query);
  if (!query) return null;
  const results = Math.min(Math.max(0, Math.trunc(search.results) || 0), MAX_RESULTS);
  const event: SearchEvent = { type: 'search', query, results };
  const filters = boundedFilters(search.filters);
  if (filters) event.filters = filters;
  if (lang) event.lang = lang;
  return event;
}

/** A `search_click` for the result at 1-based `rank`, or null when it cannot be described within the schema. */
export function searchClickEvent(query: string, article: string, rank: number, lang: Lang | undefined): SearchClickEvent | null {
  const clipped = eventQuery(query);
  // Ranks past the schema's bound are dropped rather than clamped: a wrong rank is worse than none.
  if (!clipped || !article || !Number.isInteger(rank) || rank < 1 || rank > MAX_RANK) return null;
  const event: SearchClickEvent = { type: 'search_click', query: clipped, article, rank };
  if (lang) event.lang = lang;
  return event;
}

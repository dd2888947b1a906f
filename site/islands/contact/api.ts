/**
 * The contact page's two calls: suggestions while the visitor types (GET /api/suggest)
 * and the request itself (POST /api/contact). Neither throws: the page must stay usable,
 * and the plain form remains whatever the API does.
 */
import type { Lang } from '../../../core/content/article.ts';
import type { ContactInput, ContactField } from '../../../core/contracts/contact-checks.ts';
import { CONTACT_FIELDS } from '../../../core/contracts/contact-checks.ts';
import { type HONEYPOT_FIELD, SUGGESTION_COUNT } from '../../../core/contracts/contact-limits.ts';
import type { Suggestion } from './suggestions.ts';
import { apiUrl } from '../api-origin.ts';

/** The browser's fetch; tests pass a fake. */
export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

const TIMEOUT_MS = 8000;

/** Suggestions for `query`, or null when they could not be had (aborted, offline, 503). */
export async function fetchSuggestions(
  query: string,
  lang: Lang,
  signal: AbortSignal,
  fetcher: Fetch = fetch,
): Promise<Suggestion[] | null> {
  try {
    const params = new URLSearchParams({ q: query, lang, limit: String(SUGGESTION_COUNT) });
    const res = await fetcher(apiUrl(`/api/suggest?${params}`), { credentials: 'omit', signal });
    if (!res.ok) return null;
    const body = (await res.json()) as { results?: unknown };
    if (!Array.isArray(body.results)) return null;
    return body.results
      .filter((r): r is Suggestion => typeof r?.article === 'string' && typeof r?.title === 'string' && typeof r?.url === 'string')
      .slice(0, SUGGESTION_COUNT)
      .map(({ article, title, url }) => ({ article, title, url }));
  } catch {
    return null;
  }
}

/** What became of a request. */
export type ContactResult =
  /** url: the request's private page (/<lang>/requests/<ref>/?k=…); mail: whether the server sends e-mail. */
  | { kind: 'created'; ref: string; url: string | null; mail: boolean }
  /** Accepted and deliberately not stored (the spam trap was filled). */
  | { kind: 'not-recorded' }
  | { kind: 'invalid'; fields: ContactField[] }
  | { kind: 'rate-limited'; retryAfter: number }
  | { kind: 'failed' };

/** Sends the request as JSON; the server's 400 names the fields, which the page marks. */
export async function postContact(
  input: ContactInput & { lang: Lang; [HONEYPOT_FIELD]?: string },
  fetcher: Fetch = fetch,
): Promise<ContactResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const res = await fetcher(apiUrl('/api/contact'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
      credentials: 'omit',
      signal: controller.signal,
    });
    const body = (await res.json().catch(() => null)) as {
      ref?: unknown;
      url?: unknown;
      mail?: unknown;
      error?: { details?: Array<{ field?: string }> };
    } | null;
    if (res.status === 201 && typeof body?.ref === 'string')
      return { kind: 'created', ref: body.ref, url: typeof body.url === 'string' ? body.url : null, mail: body.mail !== false };
    if (res.status === 202) return { kind: 'not-recorded' };
    if (res.status === 429) return { kind: 'rate-limited', retryAfter: Math.max(1, Number(res.headers.get('retry-after')) || 60) };
    if (res.status === 400) {
      const named = (body?.error?.details ?? []).map((d) => d.field);
      return { kind: 'invalid', fields: CONTACT_FIELDS.filter((f) => named.includes(f)) };
    }
    return { kind: 'failed' };
  } catch {
    return { kind: 'failed' };
  } finally {
    clearTimeout(timer);
  }
}

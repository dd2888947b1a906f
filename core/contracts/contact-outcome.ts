/**
 * The outcome of a contact request as the contact page's address carries it. Without
 * JavaScript the form posts to /api/contact, which answers with a 303 back to the page:
 * `?ref=WEB-2026-000123#contact-sent`, `?error=invalid&fields=subject,email#contact-error-invalid`.
 * The fragment lets CSS `:target` reveal the matching message on the static page; the
 * script reads the query to fill in the reference and mark the fields.
 */
import type { Lang } from '../content/article.ts';
import { contactUrl } from '../content/urls.ts';
import { CONTACT_FIELDS, type ContactField } from './contact-checks.ts';

/** Why a form post was sent back to the page. */
export const CONTACT_FORM_ERRORS = ['invalid', 'rate_limited', 'unavailable'] as const;
export type ContactFormError = (typeof CONTACT_FORM_ERRORS)[number];

export type ContactOutcome =
  | {
      kind: 'sent';
      ref: string | null;
      /** The key of the request's private page (/<lang>/requests/<ref>/?k=), when the server stored it. */
      key?: string | null;
      /** false when the server sends no e-mail (KB_SMTP_URL unset): the page tells the visitor to keep the link. */
      mail?: boolean;
    }
  | { kind: 'error'; error: ContactFormError; fields: ContactField[] };

/** A customer key as the server makes them (api/lib/requests/keys.ts: 24 random bytes, base64url). */
export const REQUEST_KEY_PATTERN = /^[A-Za-z0-9_-]{32}$/;

/** A reference as POST /api/contact makes them (api/db/queries/tickets.ts webTicketRef). */
export const WEB_REF_PATTERN = /^WEB-\d{4}-\d{6,}$/;

/** The element id of each outcome's message on the page. */
export function outcomeTarget(outcome: ContactOutcome): string {
  return outcome.kind === 'sent' ? 'contact-sent' : `contact-error-${outcome.error}`;
}

/** The contact page's URL showing `outcome` (the redirect target of a form post). */
export function contactOutcomeUrl(lang: Lang, outcome: ContactOutcome): string {
  const params = new URLSearchParams();
  if (outcome.kind === 'sent') {
    // A request answered without a reference (the spam trap) still reads as sent.
    if (outcome.ref) params.set('ref', outcome.ref);
    else params.set('sent', '1');
    if (outcome.ref && outcome.key) params.set('k', outcome.key);
    if (outcome.mail === false) params.set('mail', '0');
  } else {
    params.set('error', outcome.error);
    if (outcome.fields.length > 0) params.set('fields', outcome.fields.join(','));
  }
  return `${contactUrl(lang)}?${params}#${outcomeTarget(outcome)}`;
}

/**
 * The outcome a page address carries, or null for a plain visit. Anything unexpected
 * (a reference of another shape, an unknown error or field) is ignored rather than shown:
 * the address can be typed or linked by anyone.
 */
export function contactOutcomeOf(search: string): ContactOutcome | null {
  const params = new URLSearchParams(search);
  const ref = params.get('ref');
  if (ref !== null) {
    if (!WEB_REF_PATTERN.test(ref)) return null;
    const key = params.get('k');
    return { kind: 'sent', ref, key: key && REQUEST_KEY_PATTERN.test(key) ? key : null, mail: params.get('mail') !== '0' };
  }
  if (params.get('sent') === '1') return { kind: 'sent', ref: null };
  const error = params.get('error');
  if (!error || !(CONTACT_FORM_ERRORS as readonly string[]).includes(error)) return null;
  const fields = (params.get('fields') ?? '')
    .split(',')
    .filter((f): f is ContactField => (CONTACT_FIELDS as readonly string[]).includes(f));
  return { kind: 'error', error: error as ContactFormError, fields };
}

/**
 * Bounds of a contact request, shared by the page (HTML `minlength`/`maxlength` and the
 * script's checks) and the API's schema (core/contracts/contact.ts), so both refuse the
 * same input. Kept free of zod so the page's script stays small.
 */

/** The subject ("describe the problem in a few words"): 3–200 characters, trimmed. */
export const SUBJECT_MIN = 3;
export const SUBJECT_MAX = 200;

/** The description: 10–5000 characters, trimmed. */
export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 5000;

/** The reply address. 200 is what a ticket's `requester` column holds (core/tickets/ticket.ts). */
export const EMAIL_MAX = 200;

/**
 * The honeypot: a field people never see or fill (hidden, out of the tab order), which
 * form-filling bots do. A request that fills it is answered as if it worked and not stored.
 */
export const HONEYPOT_FIELD = 'website';

/** Suggestions are asked for once the text has this many characters (fewer match too much). */
export const SUGGEST_MIN_CHARS = 3;

/** How many suggestions the page shows. */
export const SUGGESTION_COUNT = 5;

/** /api/suggest takes queries of at most 200 characters (and so do suggestion_shown events). */
export const SUGGEST_QUERY_MAX = 200;

/**
 * A deliberately simple address check (something@something.tld, no spaces): the same
 * shape browsers check for `type="email"`. Whether the address works only a reply can tell.
 */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

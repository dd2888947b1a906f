/**
 * POST /api/contact (mounted at /contact): "Still need help" on the contact page. Stores the request as a
 * ticket (source and channel `web`, reference WEB-<year>-<n>) with its inbox rows (issue 16:
 * the customer's key, first message, history and "request received" e-mail) and records a
 * `contact_submitted` event for the deflection metric. The page's script sends JSON and
 * gets `201 { ok, ref, url, mail }` (url: the request's private page); without JavaScript the
 * page is a plain form (application/x-www-form-urlencoded) and gets a 303 back to the contact
 * page, showing the reference and the link or explaining what went wrong (Post/Redirect/Get).
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../context.ts';
import { insertWebTicket } from '../db/queries/tickets.ts';
import { insertHistory, insertMessage, insertRequestAccess, ticketRowOf } from '../db/queries/requests.ts';
import { issueRequestKey, requestPageUrl } from '../lib/requests/keys.ts';
import { readText } from '../lib/http/body.ts';
import { mediaTypeOf } from '../lib/http/request-headers.ts';
import { jsonBody } from '../lib/http/request-parts.ts';
import { ApiError, type ErrorDetail } from '../lib/http/errors.ts';
import { bot, ingestPipeline, privacySignal, visitor } from '../lib/ingest/pipeline.ts';
import { socketAddress } from '../lib/ingest/identify.ts';
import { errorResponses } from '../lib/http/openapi.ts';
import { DEFAULT_LIMITS, WriteLimiter } from '../lib/ingest/rate-limit.ts';
import { newRouter } from '../lib/http/router.ts';
import { plainText } from '../../core/text/plain-text.ts';
import { zodDetails } from '../lib/http/validation.ts';
import { clientIp, utcDay } from '../lib/ingest/visitor.ts';
import { CONTACT_FORM_FIELDS, contactCreatedSchema, contactRequestSchema, type ContactRequest } from '../../core/contracts/contact.ts';
import { ticketSchema, type Ticket } from '../../core/tickets/ticket.ts';
import { HONEYPOT_FIELD } from '../../core/contracts/contact-limits.ts';
import { contactOutcomeUrl, type ContactFormError } from '../../core/contracts/contact-outcome.ts';
import { CONTACT_FIELDS, type ContactField } from '../../core/contracts/contact-checks.ts';
import { LANGS, type Lang } from '../../core/content/article.ts';

/** A description of 5,000 Chinese characters is 15 KB of UTF-8 and three times that percent-encoded. */
export const MAX_CONTACT_BODY_BYTES = 64 * 1024;

/** Requests stored per visitor a minute: a person writes one, a script many. */
export const DEFAULT_CONTACT_LIMIT = DEFAULT_LIMITS.contact.perVisitor;

export interface ContactRouteOptions {
  /** Proxies whose X-Forwarded-For is trusted (KB_TRUSTED_PROXIES), for the rate limit's key. */
  trustedProxies?: readonly string[];
  /** Stored requests per visitor a minute (default 5). */
  limitPerMinute?: number;
  /** Stored requests per address a minute, whatever the User-Agent (default 30). */
  limitPerAddressPerMinute?: number;
  /**
   * Origins of the help center when the static site is served apart from the API
   * (KB_CORS_ORIGINS, docs/deploy.md): a form post from one of them is accepted even
   * cross-site and sent back to the contact page on that origin.
   */
  siteOrigins?: readonly string[];
}

type Parsed = { ok: true; request: ContactRequest } | { ok: false; lang: Lang; details: ErrorDetail[] };

/** A form post's fields through the same schema as JSON; other fields (a submit button's name) are ignored. */
export function parseContactForm(body: string): Parsed {
  const params = new URLSearchParams(body);
  const fields = Object.fromEntries(CONTACT_FORM_FIELDS.filter((f) => params.has(f)).map((f) => [f, params.get(f)!]));
  const parsed = contactRequestSchema.safeParse(fields);
  if (parsed.success) return { ok: true, request: parsed.data };
  const lang = (LANGS as readonly string[]).includes(fields.lang ?? '') ? (fields.lang as Lang) : 'en';
  return { ok: false, lang, details: zodDetails(parsed.error) };
}

/** The canonical ticket of a contact request (validated once more by the ticket schema itself). */
export function contactTicket(request: ContactRequest, ref: string, at: Date): Ticket {
  return ticketSchema.parse({
    id: ref,
    source: 'web',
    channel: 'web',
    status: 'new',
    priority: 'normal',
    tier: 1,
    escalated: false,
    requester: request.email,
    createdAt: at.toISOString(),
    lang: request.lang,
    subject: plainText(request.subject)!,
    description: plainText(request.description) ?? undefined,
  });
}

const FORM = 'application/x-www-form-urlencoded';

const contactRoute = createRoute({
  method: 'post',
  path: '/',
  summary: 'Ask the support team for help: stores a ticket (source "web") and records contact_submitted',
  description:
    'JSON gets 201 { ok, ref, url, mail }: url is the private page /<lang>/requests/<ref>/?k=<key>, mail whether e-mail is sent. A plain HTML form post (application/x-www-form-urlencoded) gets a 303 back to /<lang>/contact/ with ?ref=&k= (and &mail=0 without e-mail), or ?error=invalid&fields=… / ?error=rate_limited / ?error=unavailable. ' +
    'A filled honeypot field is answered alike (202 { ok, recorded: false }, or a 303 with ?sent=1) and stored never. At most 5 stored requests per visitor a minute.',
  // A form post is read by the handler: its failures go back to the page (303), not into a 400.
  request: { body: jsonBody(contactRequestSchema, { maxBytes: MAX_CONTACT_BODY_BYTES, handlerReads: [FORM] }) },
  responses: {
    201: { description: 'Stored; the reference to quote', content: { 'application/json': { schema: contactCreatedSchema } } },
    202: {
      description: 'Accepted but not stored (spam trap)',
      content: { 'application/json': { schema: z.object({ ok: z.literal(true), recorded: z.literal(false) }) } },
    },
    303: { description: 'Form posts: back to the contact page, with the reference or the error' },
    403: { description: 'A form post from another site (Sec-Fetch-Site: cross-site)' },
    ...errorResponses(400, 413, 415, 429, 503),
  },
});

export function contactRoutes(ctx: AppContext, options: ContactRouteOptions = {}) {
  const { db, identifier, writers, now, inbox } = ctx;
  const trusted = new Set(options.trustedProxies ?? []);
  const siteOrigins = new Set(options.siteOrigins ?? []);
  const limiter = new WriteLimiter({
    perVisitor: options.limitPerMinute ?? DEFAULT_CONTACT_LIMIT,
    perAddress: options.limitPerAddressPerMinute ?? DEFAULT_LIMITS.contact.perAddress,
  });
  const router = newRouter();

  /**
   * The rate limit's key: a hash of IP and user agent, in memory only. Unlike the visitor
   * id it needs no salt, so it also covers visitors with DNT / GPC, whose requests are
   * stored (they asked for help) but not counted.
   */
  const addressOf = (c: Context) => clientIp(socketAddress(c), c.req.header('x-forwarded-for'), trusted);
  const limitKey = (c: Context) =>
    createHash('sha256')
      .update(`${addressOf(c)}\n${c.req.header('user-agent') ?? ''}`)
      .digest('hex');

  /** The `contact_submitted` event, through the same steps (visitor, session, privacy) as POST /api/events. */
  const submitted = ingestPipeline<{ ref: string; lang: Lang }, void>({
    steps: [privacySignal(identifier), bot(identifier), visitor(identifier)],
    write: async function write({ items, visitor: id, at }) {
      const createdAt = at.toISOString();
      await writers.events(
        id,
        at,
        items.map(({ ref, lang }) => ({ type: 'contact_submitted', visitor: id, created_at: createdAt, lang, ticket_ref: ref })),
      );
    },
    countDrops: writers.drops,
  });

  async function recordSubmitted(c: Context, at: Date, ref: string, lang: Lang): Promise<void> {
    try {
      await submitted.run(c, at, [{ ref, lang }]);
    } catch (error) {
      // The ticket is stored: failing the request now would make the visitor send it twice.
      console.error(`contact ${ref}: the contact_submitted event was not recorded:`, (error as Error).message);
    }
  }

  /**
   * Stores one valid request with its inbox rows (the key, the customer's first message, the
   * history's first entry and the "request received" e-mail), all or nothing; returns its
   * reference and key, or null for a honeypot hit (answered alike, stored never).
   */
  async function submit(c: Context, request: ContactRequest, at: Date): Promise<{ ref: string; key: string } | null> {
    const limit = limiter.consume(limitKey(c), addressOf(c), at.getTime());
    if (!limit.allowed) {
      throw new ApiError(429, 'rate_limited', `Too many requests; try again in ${limit.retryAfter} s`, [], {
        'Retry-After': String(limit.retryAfter),
      });
    }
    if (request[HONEYPOT_FIELD]) {
      // Filled by a form-filling bot; counted like other bot traffic.
      await writers.drops(utcDay(at), { bot: 1 });
      return null;
    }
    const stored = await db
      .transaction()
      .execute(async (trx) => {
        const ticket = await insertWebTicket(trx, (ref) => contactTicket(request, ref, at), at.getUTCFullYear(), at);
        const key = await issueRequestKey(trx, ticket.id, at);
        await insertRequestAccess(trx, ticket.id, at);
        const ref = { source: 'web', id: ticket.id };
        await insertMessage(trx, ref, { kind: 'customer', author: '', body: ticket.description ?? ticket.subject, minutes: null }, at);
        await insertHistory(trx, ref, { action: 'create', actor: 'customer', minutes: null, note: null, before: null, after: null }, at);
        const row = await ticketRowOf(trx, 'web', ticket.id);
        await inbox.storeMail(trx, 'received', row!, at, { key });
        return { ref: ticket.id, key };
      })
      .catch((error: Error) => {
        console.error('contact request not stored:', error.message);
        throw new ApiError(503, 'unavailable', 'The request could not be stored. Please try again.', [], { 'Retry-After': '5' });
      });
    void ctx.outbox.kick();
    await recordSubmitted(c, at, stored.ref, request.lang);
    return stored;
  }

  router.openapi(contactRoute, async (c) => {
    const at = now();
    if (mediaTypeOf(c) !== FORM) {
      // JSON from the page's script, already read by the route's body (415 for any other type, 400 naming each bad field).
      const request = c.req.valid('json');
      const stored = await submit(c, request, at);
      return stored
        ? c.json(
            { ok: true as const, ref: stored.ref, url: requestPageUrl(request.lang, stored.ref, stored.key), mail: inbox.mailConfigured },
            201,
          )
        : c.json({ ok: true as const, recorded: false as const }, 202);
    }

    // A plain HTML form. Another site's page must not file tickets in this visitor's name
    // (JSON needs a CORS preflight; a form post does not).
    const origin = c.req.header('origin');
    const fromSite = origin !== undefined && siteOrigins.has(origin);
    if (c.req.header('sec-fetch-site') === 'cross-site' && !fromSite)
      throw new ApiError(403, 'cross_site', 'Contact requests are accepted from the help center itself only');
    // Back to the contact page where the form was: the help center's origin when it is served apart.
    const back = (url: string) => c.redirect(fromSite ? `${origin}${url}` : url, 303);
    const parsed = parseContactForm(await readText(c, MAX_CONTACT_BODY_BYTES));
    if (!parsed.ok) {
      // The fields the page can point at; a bad `lang` or honeypot has no visible field.
      const fields = [...new Set(parsed.details.map((d) => d.field ?? ''))].filter((f): f is ContactField =>
        (CONTACT_FIELDS as readonly string[]).includes(f),
      );
      return back(contactOutcomeUrl(parsed.lang, { kind: 'error', error: 'invalid', fields }));
    }
    const { lang } = parsed.request;
    try {
      const stored = await submit(c, parsed.request, at);
      const outcome = stored ? { ref: stored.ref, key: stored.key, mail: inbox.mailConfigured } : { ref: null };
      return back(contactOutcomeUrl(lang, { kind: 'sent', ...outcome }));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 429) c.header('Retry-After', error.headers['Retry-After']!);
      const reason: ContactFormError = error.status === 429 ? 'rate_limited' : 'unavailable';
      return back(contactOutcomeUrl(lang, { kind: 'error', error: reason, fields: [] }));
    }
  });

  return router;
}

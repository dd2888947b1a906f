/**
 * POST /api/webhooks/<zendesk|freshdesk|zammad>: a helpdesk tells us a ticket was created,
 * updated or solved, and we upsert it by (source, id). Payloads (configure the helpdesk's
 * webhook to send these; docs/api.md has the set-up):
 * - zendesk:   `{ "event"?: "ticket.created|ticket.updated|ticket.solved", "ticket": <Support API ticket> }`
 * - freshdesk: `{ "event"?: "ticket_created|ticket_updated|ticket_resolved", "ticket": <API v2 ticket, numeric codes> }`
 * - zammad:    the trigger webhook's own `{ "ticket": <ticket, expanded>, "article": <article> }`
 * Every request is signed (api/lib/webhook-signature.ts). A source without a configured
 * secret answers 404, as if the endpoint did not exist: unsigned webhooks are never taken.
 */
import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { AppContext } from '../app.ts';
import { upsertTickets } from '../db/queries/tickets.ts';
import { deliverySeen, latestDelivery, recordDelivery } from '../db/queries/webhooks.ts';
import { ApiError } from '../lib/http/errors.ts';
import { errorResponses } from '../lib/http/openapi.ts';
import { newRouter } from '../lib/http/router.ts';
import { zodDetails } from '../lib/http/validation.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from '../lib/webhooks/signature.ts';
import { ticketSchema } from '../../core/tickets/ticket.ts';
import { mapFreshdeskTicket } from '../../core/tickets/freshdesk.ts';
import { mapZammadTicket } from '../../core/tickets/zammad.ts';
import { mapZendeskTicket } from '../../core/tickets/zendesk.ts';
import { mapRow, type RowOutcome } from '../../core/tickets/values.ts';
import {
  WEBHOOK_HELPDESKS as WEBHOOK_SOURCES,
  type WebhookHelpdesk as WebhookSource,
  type WebhookSecrets,
} from '../../core/tickets/helpdesks.ts';

/** A ticket with a long description and its article stays well under this; more is not a ticket event. */
const MAX_WEBHOOK_BYTES = 1024 * 1024;

const ticketObject = z.record(z.unknown());
const PAYLOADS = {
  zendesk: z
    .object({ event: z.enum(['ticket.created', 'ticket.updated', 'ticket.solved']).optional(), ticket: ticketObject })
    .passthrough(),
  freshdesk: z
    .object({ event: z.enum(['ticket_created', 'ticket_updated', 'ticket_resolved']).optional(), ticket: ticketObject })
    .passthrough(),
  zammad: z.object({ ticket: ticketObject, article: z.record(z.unknown()).nullable().optional() }).passthrough(),
};

function mapPayload(
  source: WebhookSource,
  payload: { ticket: Record<string, unknown>; article?: Record<string, unknown> | null | undefined },
): RowOutcome {
  if (source === 'zendesk') return mapRow(() => mapZendeskTicket(payload.ticket));
  if (source === 'freshdesk') return mapRow(() => mapFreshdeskTicket(payload.ticket));
  return mapRow(() => mapZammadTicket(payload.ticket, payload.article ?? undefined));
}

/**
 * The delivery's identity: the helpdesk's delivery id where it sends one (Zammad's
 * X-Zammad-Delivery, or X-KB-Delivery set in the webhook's headers), else a hash of the body,
 * which a redelivery repeats byte for byte while its timestamp header changes.
 */
function deliveryIdOf(header: string | undefined, rawBody: string): string {
  if (header && header.length <= 200) return header;
  return `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;
}

const isoOrEmpty = (value: unknown): string => {
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? '' : new Date(time).toISOString();
};

const resultSchema = z
  .object({
    ok: z.literal(true),
    result: z.enum(['inserted', 'updated', 'duplicate', 'stale', 'ignored']),
    ticket: z.object({ source: z.string(), id: z.string() }).optional(),
    reason: z.string().optional(),
  })
  .openapi('WebhookResult');

export function webhookRoutes(ctx: AppContext, secrets: WebhookSecrets) {
  const { db, now } = ctx;
  const router = newRouter();

  router.post(
    '/webhooks/:source',
    async function knownSource(c, next) {
      const source = c.req.param('source') as WebhookSource;
      if (!(WEBHOOK_SOURCES as readonly string[]).includes(source))
        throw new ApiError(404, 'not_found', `No webhook for "${source}"; the sources are ${WEBHOOK_SOURCES.join(', ')}`);
      if (!secrets[source]) throw new ApiError(404, 'not_found', `The ${source} webhook is not enabled on this server`);
      await next();
    },
    bodyLimit({
      maxSize: MAX_WEBHOOK_BYTES,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', 'The webhook body is over the 1 MB limit');
      },
    }),
    async (c) => {
      const at = now();
      const source = c.req.param('source') as WebhookSource;
      const rawBody = await c.req.text();
      const check = verifyWebhook({
        secret: secrets[source]!,
        signature: c.req.header(SIGNATURE_HEADER),
        timestamp: c.req.header(TIMESTAMP_HEADER),
        rawBody,
        now: at,
      });
      if (!check.ok) throw new ApiError(401, check.code, check.message);

      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json')
        throw new ApiError(415, 'unsupported_media_type', `Send the body as application/json; got ${type || 'no content type'}`);
      let data: unknown;
      try {
        data = JSON.parse(rawBody);
      } catch (error) {
        throw new ApiError(400, 'invalid_json', `The body is not valid JSON: ${(error as Error).message}`);
      }
      const payload = PAYLOADS[source].safeParse(data);
      if (!payload.success) {
        const details = zodDetails(payload.error);
        throw new ApiError(
          400,
          'invalid_request',
          `Not a ${source} ticket event: ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`,
          details,
        );
      }
      const outcome = mapPayload(source, payload.data);
      if ('skip' in outcome) return c.json({ ok: true as const, result: 'ignored' as const, reason: outcome.skip }, 200);
      if ('error' in outcome)
        throw new ApiError(400, 'invalid_request', `ticket: ${outcome.error}`, [{ field: 'ticket', message: outcome.error }]);
      const parsed = ticketSchema.safeParse(outcome.ticket);
      if (!parsed.success) {
        const details = zodDetails(parsed.error).map((d) => ({ ...d, field: `ticket.${d.field}` }));
        throw new ApiError(
          400,
          'invalid_request',
          `The ticket does not fit the canonical form: ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`,
          details,
        );
      }
      const ticket = parsed.data;
      const ref = { source: ticket.source, id: ticket.id };
      const deliveryId = deliveryIdOf(c.req.header('x-zammad-delivery') ?? c.req.header('x-kb-delivery'), rawBody);
      if (await deliverySeen(db, source, deliveryId)) return c.json({ ok: true as const, result: 'duplicate' as const, ticket: ref }, 200);
      const ticketUpdatedAt = isoOrEmpty(payload.data.ticket['updated_at']);
      const latest = await latestDelivery(db, source, ticket.id);
      // Helpdesks retry failed deliveries later, so an older state can arrive after a newer one.
      if (latest && ticketUpdatedAt && latest > ticketUpdatedAt)
        return c.json({ ok: true as const, result: 'stale' as const, ticket: ref }, 200);
      // Upsert first, then record: a crash between the two only means a redelivery upserts again.
      const { inserted } = await upsertTickets(db, [ticket], at);
      await recordDelivery(db, { source, deliveryId, ticketId: ticket.id, ticketUpdatedAt, receivedAt: at });
      return c.json({ ok: true as const, result: inserted ? ('inserted' as const) : ('updated' as const), ticket: ref }, 200);
    },
  );

  router.openAPIRegistry.registerPath({
    method: 'post',
    path: '/webhooks/{source}',
    summary: `Ticket created/updated/solved event from a helpdesk, signed with ${SIGNATURE_HEADER}: sha256=<hex HMAC-SHA256(secret, "<${TIMESTAMP_HEADER}>.<body>")>`,
    request: {
      params: z.object({ source: z.enum(WEBHOOK_SOURCES) }),
      headers: z.object({ 'x-kb-signature': z.string().max(100), 'x-kb-timestamp': z.string().max(12) }),
      body: {
        content: {
          'application/json': {
            schema: z.object({ event: z.string().optional(), ticket: z.record(z.unknown()), article: z.record(z.unknown()).optional() }),
          },
        },
      },
    },
    responses: {
      200: {
        description:
          'Applied, or acknowledged without writing (duplicate delivery, older than the applied state, or a deleted/spam/merged ticket)',
        content: { 'application/json': { schema: resultSchema } },
      },
      401: { description: 'Missing or wrong signature, or a timestamp more than 5 minutes off (replay)' },
      404: { description: 'Unknown source, or no secret configured for it (KB_WEBHOOK_SECRET_<SOURCE>)' },
      ...errorResponses(400, 413, 415, 503),
    },
  });
  return router;
}

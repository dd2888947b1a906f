/**
 * POST /api/webhooks/<zendesk|freshdesk|zammad> (mounted at /webhooks): a helpdesk tells us a
 * ticket was created, updated or solved, and we upsert it by (source, id). The payloads are
 * in lib/webhooks/payloads.ts; each delivery is taken in the named steps of
 * lib/webhooks/steps.ts. Every request is signed (lib/webhooks/signature.ts). A source without
 * a configured secret answers 404, as if the endpoint did not exist: unsigned webhooks are never taken.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppContext } from '../context.ts';
import { limitBody } from '../lib/http/body.ts';
import { ApiError } from '../lib/http/errors.ts';
import { errorResponses } from '../lib/http/openapi.ts';
import { readByHandler } from '../lib/http/request-parts.ts';
import { inOrder, newRouter } from '../lib/http/router.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../lib/webhooks/signature.ts';
import { WEBHOOK_SOURCES, webhookPayloadSchema, type WebhookSecrets, type WebhookSource } from '../lib/webhooks/payloads.ts';
import {
  dedupe,
  deliveryIdOf,
  map,
  orderTimeOf,
  parse,
  stale,
  ticketUpdatedAtOf,
  upsert,
  validate,
  verifySignature,
} from '../lib/webhooks/steps.ts';

export { WEBHOOK_SOURCES, type WebhookSecrets, type WebhookSource } from '../lib/webhooks/payloads.ts';

/** A ticket with a long description and its article stays well under this; more is not a ticket event. */
const MAX_WEBHOOK_BYTES = 1024 * 1024;

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

  /** 404 for a source we do not know or have no secret for, before the body is read. */
  async function knownSource(c: Context, next: () => Promise<void>) {
    const source = c.req.param('source') as WebhookSource;
    if (!(WEBHOOK_SOURCES as readonly string[]).includes(source))
      throw new ApiError(404, 'not_found', `No webhook for "${source}"; the sources are ${WEBHOOK_SOURCES.join(', ')}`);
    if (!secrets[source]) throw new ApiError(404, 'not_found', `The ${source} webhook is not enabled on this server`);
    await next();
  }

  const deliveryRoute = createRoute({
    method: 'post',
    path: '/{source}',
    summary: `Ticket created/updated/solved event from a helpdesk, signed with ${SIGNATURE_HEADER}: sha256=<hex HMAC-SHA256(secret, "<${TIMESTAMP_HEADER}>.<body>")>`,
    middleware: inOrder(knownSource, limitBody(MAX_WEBHOOK_BYTES, 'The webhook body is over the 1 MB limit')),
    request: {
      params: z.object({ source: z.enum(WEBHOOK_SOURCES) }),
      // The signature covers the raw bytes: verifySignature checks these headers, validate the body.
      headers: readByHandler(z.object({ 'x-kb-signature': z.string().max(100), 'x-kb-timestamp': z.string().max(12) })),
      body: readByHandler({ content: { 'application/json': { schema: webhookPayloadSchema } } }),
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

  return newRouter().openapi(deliveryRoute, async (c) => {
    const { source } = c.req.valid('param');
    const delivery = await verifySignature(c, source, secrets[source]!, now());
    const payload = validate(source, parse(c, delivery));
    const mapped = map(source, payload);
    if ('ignored' in mapped) return c.json({ ok: true as const, result: 'ignored' as const, reason: mapped.ignored }, 200);
    const { ticket } = mapped;
    const ref = { source: ticket.source, id: ticket.id };
    const ticketUpdatedAt = ticketUpdatedAtOf(payload);
    const deliveryId = deliveryIdOf(delivery, ticketUpdatedAt);
    if (await dedupe(db, delivery, deliveryId)) return c.json({ ok: true as const, result: 'duplicate' as const, ticket: ref }, 200);
    const orderTime = orderTimeOf(delivery, ticketUpdatedAt);
    if (await stale(db, delivery, ticket, orderTime)) return c.json({ ok: true as const, result: 'stale' as const, ticket: ref }, 200);
    const result = await upsert(db, delivery, ticket, { deliveryId, ticketUpdatedAt: orderTime });
    return c.json({ ok: true as const, result, ticket: ref }, 200);
  });
}

/**
 * A helpdesk webhook's delivery, taken in named steps (routes/webhooks.ts runs them in
 * order): verifySignature → parse → validate → map → dedupe → stale → upsert. Each step
 * either hands its result to the next, answers the delivery without writing (ignored,
 * duplicate, stale), or throws the ApiError the helpdesk sees.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Db } from '../../db/index.ts';
import { upsertTickets } from '../../db/queries/tickets.ts';
import { deliverySeen, latestDelivery, recordDelivery } from '../../db/queries/webhooks.ts';
import { ApiError } from '../http/errors.ts';
import { mediaTypeOf } from '../http/request-headers.ts';
import { invalidRequest, zodDetails } from '../http/validation.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from './signature.ts';
import { PAYLOADS, type WebhookPayload, type WebhookSource } from './payloads.ts';
import { ticketSchema, type Ticket } from '../../../core/tickets/ticket.ts';
import { mapFreshdeskTicket } from '../../../core/tickets/freshdesk.ts';
import { mapZammadTicket } from '../../../core/tickets/zammad.ts';
import { mapZendeskTicket } from '../../../core/tickets/zendesk.ts';
import { mapRow } from '../../../core/tickets/values.ts';

/** A delivery whose signature holds: its source, its bytes and timestamp as signed, and when it arrived. */
export interface SignedDelivery {
  source: WebhookSource;
  rawBody: string;
  /** The signed X-KB-Timestamp (unix seconds, as sent). */
  timestamp: string;
  /** The same time as ISO, for ordering deliveries of one ticket. */
  signedAt: string;
  at: Date;
}

/** Reads the raw body and checks its signature and timestamp (401 when either fails). Nothing reads the body before this. */
export async function verifySignature(c: Context, source: WebhookSource, secret: string, at: Date): Promise<SignedDelivery> {
  const rawBody = await c.req.text();
  const check = verifyWebhook({
    secret,
    signature: c.req.header(SIGNATURE_HEADER),
    timestamp: c.req.header(TIMESTAMP_HEADER),
    rawBody,
    now: at,
  });
  if (!check.ok) throw new ApiError(401, check.code, check.message);
  const timestamp = c.req.header(TIMESTAMP_HEADER)!;
  return { source, rawBody, timestamp, signedAt: new Date(Number(timestamp) * 1000).toISOString(), at };
}

/** The body as JSON: 415 for another content type, 400 for malformed JSON. */
export function parse(c: Context, delivery: SignedDelivery): unknown {
  const type = mediaTypeOf(c);
  if (type !== 'application/json')
    throw new ApiError(415, 'unsupported_media_type', `Send the body as application/json; got ${type || 'no content type'}`);
  try {
    return JSON.parse(delivery.rawBody);
  } catch (error) {
    throw new ApiError(400, 'invalid_json', `The body is not valid JSON: ${(error as Error).message}`);
  }
}

/** The payload in the source's shape (400 naming each bad field). */
export function validate(source: WebhookSource, data: unknown): WebhookPayload {
  const payload = PAYLOADS[source].safeParse(data);
  if (!payload.success) throw invalidRequest(zodDetails(payload.error), `Not a ${source} ticket event`);
  return payload.data;
}

/** What mapping a payload gives: the canonical ticket, or a reason to acknowledge it without writing. */
export type Mapped = { ticket: Ticket } | { ignored: string };

/** The payload's ticket in canonical form (core/tickets mappers); a deleted, spam or merged ticket is ignored. */
export function map(source: WebhookSource, payload: WebhookPayload): Mapped {
  const outcome =
    source === 'zendesk'
      ? mapRow(() => mapZendeskTicket(payload.ticket))
      : source === 'freshdesk'
        ? mapRow(() => mapFreshdeskTicket(payload.ticket))
        : mapRow(() => mapZammadTicket(payload.ticket, payload.article ?? undefined));
  if ('skip' in outcome) return { ignored: outcome.skip };
  if ('error' in outcome)
    throw new ApiError(400, 'invalid_request', `ticket: ${outcome.error}`, [{ field: 'ticket', message: outcome.error }]);
  const parsed = ticketSchema.safeParse(outcome.ticket);
  if (!parsed.success) {
    const details = zodDetails(parsed.error).map((d) => ({ ...d, field: `ticket.${d.field}` }));
    throw invalidRequest(details, 'The ticket does not fit the canonical form');
  }
  return { ticket: parsed.data };
}

/**
 * The delivery's identity, made only of what is signed (issue 14): the delivery headers
 * (X-Zammad-Delivery, X-KB-Delivery) are not signed, so anyone who captured a delivery could
 * give a replay a new one, while the signed bytes cannot change without the secret.
 *
 * - A payload with updated_at names one state of the ticket: the body's hash is its identity,
 *   so a helpdesk's retry (signed anew) and a replay are both duplicates.
 * - A payload without updated_at may repeat byte for byte when the ticket returns to an
 *   earlier state (open, solved, open again), so its identity is the hash of the signed
 *   timestamp and the body: a replay (same timestamp) is a duplicate, a later event is not.
 */
export function deliveryIdOf(delivery: SignedDelivery, ticketUpdatedAt: string): string {
  const signed = ticketUpdatedAt ? delivery.rawBody : `${delivery.timestamp}.${delivery.rawBody}`;
  return `${ticketUpdatedAt ? 'body' : 'signed'}:${createHash('sha256').update(signed).digest('hex')}`;
}

/** Whether this delivery was applied before (a helpdesk retrying one it did not see acknowledged). */
export function dedupe(db: Db, delivery: SignedDelivery, deliveryId: string): Promise<boolean> {
  return deliverySeen(db, delivery.source, deliveryId);
}

/** The ticket's updated_at as ISO, or '' when the payload has none that parses. */
export function ticketUpdatedAtOf(payload: WebhookPayload): string {
  const value = payload.ticket['updated_at'];
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? '' : new Date(time).toISOString();
}

/**
 * When a delivery's state of the ticket holds from, for ordering (stored as
 * webhook_deliveries.ticket_updated_at): the ticket's updated_at when the payload has one,
 * and otherwise the delivery's signed timestamp, which the helpdesk signs with the body, so
 * a captured delivery keeps its place in the order however often it is sent again.
 */
export const orderTimeOf = (delivery: SignedDelivery, ticketUpdatedAt: string) => ticketUpdatedAt || delivery.signedAt;

/**
 * Whether a newer state of the ticket was already applied (helpdesks retry failed deliveries
 * later, out of order; an attacker may replay a captured one). An older delivery (orderTimeOf)
 * never overwrites a newer one, so a replay never rolls a solved ticket back to open.
 * docs/security.md, "Webhooks".
 */
export async function stale(db: Db, delivery: SignedDelivery, ticket: Ticket, orderTime: string): Promise<boolean> {
  const latest = await latestDelivery(db, delivery.source, ticket.id);
  return Boolean(latest && latest > orderTime);
}

/** Writes the ticket, then records the delivery; a crash between the two only means a redelivery upserts again. */
export async function upsert(
  db: Db,
  delivery: SignedDelivery,
  ticket: Ticket,
  record: { deliveryId: string; ticketUpdatedAt: string },
): Promise<'inserted' | 'updated'> {
  const { inserted } = await upsertTickets(db, [ticket], delivery.at);
  await recordDelivery(db, { source: delivery.source, ticketId: ticket.id, receivedAt: delivery.at, ...record });
  return inserted ? 'inserted' : 'updated';
}

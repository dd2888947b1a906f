/**
 * What each helpdesk's webhook sends (configure the helpdesk to send these; docs/api.md has
 * the set-up). The validate step checks a delivery against its source's schema, and the
 * route documents their union, so the document says what is checked.
 */
import { z } from '@hono/zod-openapi';

import { WEBHOOK_HELPDESKS, type WebhookHelpdesk, type WebhookSecrets } from '../../../core/tickets/helpdesks.ts';

/** The helpdesks that send webhooks (core/tickets/helpdesks.ts is the one list). */
export const WEBHOOK_SOURCES = WEBHOOK_HELPDESKS;
export type WebhookSource = WebhookHelpdesk;
export type { WebhookSecrets };

const ticketObject = z.record(z.unknown());

/** Each source's payload; fields the mappers do not read pass through untouched. */
export const PAYLOADS = {
  /** `{ "event"?: "ticket.created|ticket.updated|ticket.solved", "ticket": <Support API ticket> }` */
  zendesk: z
    .object({ event: z.enum(['ticket.created', 'ticket.updated', 'ticket.solved']).optional(), ticket: ticketObject })
    .passthrough(),
  /** `{ "event"?: "ticket_created|ticket_updated|ticket_resolved", "ticket": <API v2 ticket, numeric codes> }` */
  freshdesk: z
    .object({ event: z.enum(['ticket_created', 'ticket_updated', 'ticket_resolved']).optional(), ticket: ticketObject })
    .passthrough(),
  /** The trigger webhook's own `{ "ticket": <ticket, expanded>, "article": <article> }` */
  zammad: z.object({ ticket: ticketObject, article: z.record(z.unknown()).nullable().optional() }).passthrough(),
};

/** A validated payload of any source: the ticket, and Zammad's article. */
export type WebhookPayload = { ticket: Record<string, unknown>; article?: Record<string, unknown> | null | undefined };

/** Any source's payload, for the OpenAPI document. */
export const webhookPayloadSchema = z.union([PAYLOADS.zendesk, PAYLOADS.freshdesk, PAYLOADS.zammad]);

/** POST /api/tickets (mounted at /tickets): staff push tickets in canonical form (an integration or a script). */
import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../context.ts';
import { upsertTickets } from '../db/queries/tickets.ts';
import { requireStaff } from '../lib/middleware/auth.ts';
import { jsonBody } from '../lib/http/request-parts.ts';
import { errorResponses } from '../lib/http/openapi.ts';
import { newRouter } from '../lib/http/router.ts';
import { ticketSchema } from '../../core/tickets/ticket.ts';

export const MAX_TICKETS_PER_REQUEST = 500;
/**
 * 2 MB, not the 16 KB of visitor endpoints: a batch of 500 tickets with descriptions and
 * resolutions runs to hundreds of kilobytes (each text may hold 20,000 characters). The
 * endpoint takes staff tokens only, so a larger body is no opening for anonymous abuse.
 */
export const MAX_TICKETS_BODY_BYTES = 2 * 1024 * 1024;

const ticketBatchSchema = z
  .object({
    tickets: z.array(ticketSchema).min(1, 'send 1 to 500 tickets').max(MAX_TICKETS_PER_REQUEST, 'send at most 500 tickets per request'),
  })
  .strict()
  .openapi('TicketBatch');

const upsertResultSchema = z.object({ inserted: z.number().int(), updated: z.number().int() }).openapi('TicketUpsertResult');

export function ticketRoutes(ctx: AppContext) {
  const { db, now } = ctx;
  const upsertRoute = createRoute({
    method: 'post',
    path: '/',
    summary: 'Insert or update 1–500 tickets by (source, id), all or nothing (agent or admin token)',
    security: [{ bearer: [] }],
    middleware: requireStaff(db, ctx.adminToken, 'agent'),
    request: { body: jsonBody(ticketBatchSchema, { maxBytes: MAX_TICKETS_BODY_BYTES }) },
    responses: {
      200: {
        description: 'How many tickets were inserted and how many updated',
        content: { 'application/json': { schema: upsertResultSchema } },
      },
      ...errorResponses(400, 401, 403, 413, 415, 503),
    },
  });

  return newRouter().openapi(upsertRoute, async (c) => {
    const { tickets } = c.req.valid('json');
    // One transaction: any failure leaves nothing written (all or nothing per request).
    const result = await upsertTickets(db, tickets, now());
    return c.json(result, 200);
  });
}

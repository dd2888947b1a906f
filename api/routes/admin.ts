/** GET /api/admin/drops (mounted at /admin): staff-only views of the ingestion pipeline. */
import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../context.ts';
import { newRouter } from '../lib/http/router.ts';
import { requireStaff } from '../lib/middleware/auth.ts';
import { errorResponses } from '../lib/http/openapi.ts';
import { listDrops } from '../db/queries/drops.ts';
import { isoDateSchema } from '../../core/contracts/dates.ts';

const day = isoDateSchema;

export function adminRoutes(ctx: AppContext) {
  const dropsRoute = createRoute({
    method: 'get',
    path: '/drops',
    summary: 'Dropped events by reason and UTC day (admin)',
    security: [{ bearer: [] }],
    middleware: requireStaff(ctx.db, ctx.adminToken, 'admin'),
    request: { query: z.object({ from: day.optional(), to: day.optional() }) },
    responses: { 200: { description: 'Drop counts' }, ...errorResponses(400, 401, 403) },
  });

  return newRouter().openapi(dropsRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    const rows = await listDrops(ctx.db, from, to);
    const totals: Record<string, number> = {};
    for (const row of rows) totals[row.reason] = (totals[row.reason] ?? 0) + row.count;
    return c.json({ drops: rows, totals });
  });
}

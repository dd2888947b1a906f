/** Staff-only views of the ingestion pipeline. */
import { z } from '@hono/zod-openapi';
import type { AppContext } from '../app.ts';
import { newRouter } from '../lib/http/router.ts';
import { requireStaff } from '../lib/middleware/auth.ts';
import { errorResponses } from '../lib/http/openapi.ts';
import { listDrops } from '../db/queries/drops.ts';
import { ApiError } from '../lib/http/errors.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const dropsQuery = z.object({ from: day.optional(), to: day.optional() });

export function adminRoutes(ctx: AppContext) {
  const router = newRouter();
  router.get('/admin/drops', requireStaff(ctx.db, ctx.adminToken, 'admin'), async (c) => {
    const parsed = dropsQuery.safeParse(c.req.query());
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
      throw new ApiError(400, 'invalid_request', `Invalid request: ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`, details);
    }
    const rows = await listDrops(ctx.db, parsed.data.from, parsed.data.to);
    const totals: Record<string, number> = {};
    for (const row of rows) totals[row.reason] = (totals[row.reason] ?? 0) + row.count;
    return c.json({ drops: rows, totals });
  });
  router.openAPIRegistry.registerPath({
    method: 'get',
    path: '/admin/drops',
    summary: 'Dropped events by reason and UTC day (admin)',
    security: [{ bearer: [] }],
    request: { query: dropsQuery },
    responses: { 200: { description: 'Drop counts' }, ...errorResponses(400, 401, 403) },
  });
  return router;
}

/** GET /api/health (mounted at /health): is the process up and the database reachable. */
import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../lib/http/router.ts';
import { ping } from '../db/index.ts';
import type { AppDeps } from '../context.ts';

const healthRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'Liveness and database check',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } } },
    503: { description: 'The database cannot be reached' },
  },
});

export function healthRoutes({ db }: AppDeps) {
  return newRouter().openapi(healthRoute, async (c) => {
    const ok = await ping(db).catch(() => false);
    if (!ok) return c.json({ error: { code: 'unavailable', message: 'The database cannot be reached', details: [] } }, 503) as never;
    return c.json({ status: 'ok' as const }, 200);
  });
}

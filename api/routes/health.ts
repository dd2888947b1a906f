/** GET /api/health: is the process up, the database reachable and its schema this version's. */
import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../lib/http/router.ts';
import { pendingMigrations } from '../db/index.ts';
import type { AppDeps } from '../app.ts';

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Liveness, database and schema check',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } } },
    503: { description: 'The database cannot be reached, or migrations of this version are not applied yet (details name them)' },
  },
});

export function healthRoutes({ db }: AppDeps) {
  return newRouter().openapi(healthRoute, async (c) => {
    // One query answers both: the database is reachable, and which migrations it lacks.
    const pending = await pendingMigrations(db).catch(() => null);
    if (pending === null)
      return c.json({ error: { code: 'unavailable', message: 'The database cannot be reached', details: [] } }, 503) as never;
    if (pending.length > 0) {
      const message = `The database lacks ${pending.length} migration(s) of this version; a replica applies them when it starts`;
      return c.json({ error: { code: 'migrations_pending', message, details: pending } }, 503) as never;
    }
    return c.json({ status: 'ok' as const }, 200);
  });
}

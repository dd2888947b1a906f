/** GET /api/health (mounted at /health): is the process up, the database reachable and its schema this version's. */
import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../lib/http/router.ts';
import { errorBody } from '../lib/http/errors.ts';
import { pendingMigrations } from '../db/index.ts';
import type { AppDeps } from '../context.ts';

const healthRoute = createRoute({
  method: 'get',
  path: '/',
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
    if (pending === null) return c.json(errorBody('unavailable', 'The database cannot be reached'), 503) as never;
    if (pending.length > 0) {
      // A replica that starts applies them (under a lock on PostgreSQL): until then this one is not ready.
      const message = `The database lacks ${pending.length} migration(s) of this version; a replica applies them when it starts`;
      const details = pending.map((name) => ({ message: name }));
      return c.json(errorBody('migrations_pending', message, details), 503) as never;
    }
    return c.json({ status: 'ok' as const }, 200);
  });
}

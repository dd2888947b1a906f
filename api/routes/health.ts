/**
 * GET /api/health (mounted at /health): is the process up, the database reachable, its
 * schema this version's, and does every table really answer (api/db/health.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../lib/http/router.ts';
import { errorBody } from '../lib/http/errors.ts';
import { pendingMigrations } from '../db/index.ts';
import { DatabaseChecker } from '../db/health.ts';
import type { AppDeps } from '../context.ts';

const healthySchema = z.object({
  status: z.literal('ok'),
  /** The tables read (each answered a read; the deep check covered their pages). */
  tables: z.array(z.string()),
});

const healthRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'Liveness, database, schema and table check',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: healthySchema } } },
    503: {
      description:
        'The database cannot be reached, migrations of this version are not applied yet, or a table does not answer (details name them)',
    },
  },
});

export function healthRoutes({ db }: AppDeps) {
  const checker = new DatabaseChecker(db);
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
    const checked = await checker
      .check()
      .catch((error: Error) => ({ tables: [], problems: [{ table: 'database', message: error.message }] }));
    if (checked.problems.length > 0) {
      const tables = [...new Set(checked.problems.map((p) => p.table))];
      const details = checked.problems.map((p) => ({ field: p.table, message: p.message }));
      return c.json(errorBody('database_damaged', `The database does not answer reads of ${tables.join(', ')}`, details), 503) as never;
    }
    return c.json({ status: 'ok' as const, tables: checked.tables }, 200);
  });
}

/**
 * /api/flags (mounted at /flags; agents): KCS "flag it or fix it" (issue 17). An agent flags
 * an article that is outdated, incorrect, incomplete, a duplicate or unclear; the article's
 * owner sees it on the flags page and closes it as fixed or dismissed (with a reason).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../context.ts';
import { closeFlag, findFlag, insertFlag, listFlags, type FlagRow } from '../db/queries/flags.ts';
import { requireStaff } from '../lib/middleware/auth.ts';
import { limitBody } from '../lib/http/body.ts';
import { jsonBody } from '../lib/http/request-parts.ts';
import { ApiError } from '../lib/http/errors.ts';
import { errorResponses } from '../lib/http/openapi.ts';
import { inOrder, newRouter } from '../lib/http/router.ts';
import { closeFlagSchema, createFlagSchema, flagListQuerySchema, flagSchema, type Flag } from '../../core/contracts/kcs.ts';

const flagOut = (ctx: AppContext, r: FlagRow): Flag => {
  const article = ctx.catalog.byId.get(r.article);
  return {
    id: Number(r.id),
    article: r.article,
    title: article?.title ?? null,
    owner: article?.owner ?? null,
    // Stored only through createFlagSchema and closeFlagSchema, so the values are theirs.
    reason: r.reason as Flag['reason'],
    note: r.note,
    ticket: r.ticket,
    status: r.status as Flag['status'],
    createdAt: r.created_at,
    createdBy: r.created_by,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    how: r.closed_how as Flag['how'],
    closeNote: r.close_note,
  };
};

const flagResponse = { 'application/json': { schema: z.object({ flag: flagSchema }) } };

export function flagRoutes(ctx: AppContext) {
  const router = newRouter();
  const agents = requireStaff(ctx.db, ctx.adminToken, 'agent');
  const security = [{ bearer: [] }];

  const createFlagRoute = createRoute({
    method: 'post',
    path: '/',
    summary: 'Flag an article as outdated, incorrect, incomplete, duplicate or unclear (agent)',
    security,
    middleware: inOrder(agents, limitBody()),
    request: { body: jsonBody(createFlagSchema) },
    responses: { 201: { description: 'Flag raised', content: flagResponse }, ...errorResponses(400, 401, 403, 413, 415, 422) },
  });
  router.openapi(createFlagRoute, async (c) => {
    const body = c.req.valid('json');
    if (!ctx.catalog.byId.has(body.article))
      throw new ApiError(422, 'unknown_article', `No published article has the id "${body.article}"`, [
        { field: 'article', message: 'unknown article' },
      ]);
    const row = await insertFlag(
      ctx.db,
      { article: body.article, reason: body.reason, note: body.note || null, ticket: body.ticket ?? null, createdBy: c.get('staff').name },
      ctx.now(),
    );
    return c.json({ flag: flagOut(ctx, row) }, 201);
  });

  const listFlagsRoute = createRoute({
    method: 'get',
    path: '/',
    summary: 'Flags of one status (open by default), of one article (?article=) or all, oldest first (agent)',
    security,
    middleware: agents,
    request: { query: flagListQuerySchema },
    responses: {
      200: { description: 'Flags', content: { 'application/json': { schema: z.object({ flags: z.array(flagSchema) }) } } },
      ...errorResponses(400, 401, 403),
    },
  });
  router.openapi(listFlagsRoute, async (c) => {
    const { article, status } = c.req.valid('query');
    c.header('Cache-Control', 'private, no-store');
    return c.json({ flags: (await listFlags(ctx.db, status, article)).map((r) => flagOut(ctx, r)) }, 200);
  });

  const closeFlagRoute = createRoute({
    method: 'post',
    path: '/{id}/close',
    summary: 'Close a flag: fixed, or dismissed with a note saying why (agent); records how and who',
    security,
    middleware: inOrder(agents, limitBody()),
    request: {
      params: z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).openapi({ example: 12 }) }),
      body: jsonBody(closeFlagSchema),
    },
    responses: { 200: { description: 'Flag closed', content: flagResponse }, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
  });
  router.openapi(closeFlagRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { how, note } = c.req.valid('json');
    const closed = await closeFlag(ctx.db, id, { how, note: note || null, closedBy: c.get('staff').name }, ctx.now());
    if (closed) return c.json({ flag: flagOut(ctx, closed) }, 200);
    const existing = await findFlag(ctx.db, id);
    if (!existing) throw new ApiError(404, 'not_found', `No flag has the id ${id}`, [{ field: 'id', message: 'unknown flag' }]);
    throw new ApiError(409, 'already_closed', `Flag ${id} was already closed (${existing.closed_how}) by ${existing.closed_by}`);
  });
  return router;
}

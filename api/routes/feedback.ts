/**
 * /api/feedback (mounted at /feedback; agents): what customers said in their votes (issue 17).
 * Comments are read with their reasons, unhelpful and newest first, and marked handled; a
 * re-vote with a new comment is unhandled again (the mark belongs to the vote's revision).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../context.ts';
import { commentRevision, listVoteComments, markCommentHandled } from '../db/queries/vote-comments.ts';
import { requireStaff } from '../lib/middleware/auth.ts';
import { ApiError } from '../lib/http/errors.ts';
import { errorResponses } from '../lib/http/openapi.ts';
import { newRouter } from '../lib/http/router.ts';
import { commentListQuerySchema, voteCommentSchema, type VoteComment } from '../../core/contracts/kcs.ts';

export function feedbackRoutes(ctx: AppContext) {
  const router = newRouter();
  const agents = requireStaff(ctx.db, ctx.adminToken, 'agent');
  const security = [{ bearer: [] }];

  const listRoute = createRoute({
    method: 'get',
    path: '/comments',
    summary: "Customers' vote comments with their reasons, unhelpful and newest first (?article=, ?handled=false for the queue) (agent)",
    security,
    middleware: agents,
    request: { query: commentListQuerySchema },
    responses: {
      200: { description: 'Comments', content: { 'application/json': { schema: z.object({ comments: z.array(voteCommentSchema) }) } } },
      ...errorResponses(400, 401, 403),
    },
  });
  router.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const rows = await listVoteComments(ctx.db, query);
    c.header('Cache-Control', 'private, no-store');
    const comments: VoteComment[] = rows.map((r) => ({
      ...r,
      title: ctx.catalog.byId.get(r.article)?.title ?? null,
      // Stored only through the vote schema's reasons.
      reason: r.reason as VoteComment['reason'],
      handled: r.handledAt !== null,
    }));
    return c.json({ comments }, 200);
  });

  const handledRoute = createRoute({
    method: 'post',
    path: '/comments/{id}/handled',
    summary: 'Mark a vote comment as handled (agent); marking it again is harmless',
    security,
    middleware: agents,
    request: { params: z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).openapi({ example: 41 }) }) },
    responses: {
      200: { description: 'Marked', content: { 'application/json': { schema: z.object({ ok: z.literal(true), id: z.number().int() }) } } },
      ...errorResponses(400, 401, 403, 404),
    },
  });
  router.openapi(handledRoute, async (c) => {
    const { id } = c.req.valid('param');
    const revision = await commentRevision(ctx.db, id);
    if (revision === undefined)
      throw new ApiError(404, 'not_found', `No vote comment has the id ${id}`, [{ field: 'id', message: 'unknown comment' }]);
    await markCommentHandled(ctx.db, id, revision, c.get('staff').name, ctx.now());
    return c.json({ ok: true as const, id }, 200);
  });
  return router;
}

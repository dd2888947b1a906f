/**
 * POST /api/tickets/{source}/{id}/draft (mounted at /tickets; agents): KCS capture in the
 * browser (issue 17). The same pure drafting as `npm run article:from-ticket`
 * (core/drafting/): the redacted skeleton and the report of what was redacted. Nothing is
 * written: the agent downloads the file or proposes it through the repository (CONTRIBUTING.md).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../context.ts';
import { getTicket } from '../db/queries/tickets.ts';
import { requireStaff } from '../lib/middleware/auth.ts';
import { limitBody } from '../lib/http/body.ts';
import { jsonBody } from '../lib/http/request-parts.ts';
import { ApiError } from '../lib/http/errors.ts';
import { errorResponses } from '../lib/http/openapi.ts';
import { inOrder, newRouter } from '../lib/http/router.ts';
import { draftRequestSchema, draftResponseSchema } from '../../core/contracts/kcs.ts';
import { buildDraft, DraftError } from '../../core/drafting/draft.ts';
import { TICKET_ID_PATTERN } from '../../core/content/article.ts';
import type { TopicTree } from '../../core/content/topics.ts';
import { TICKET_SOURCES } from '../../core/tickets/ticket.ts';

const draftRouteFor = (ctx: AppContext) =>
  createRoute({
    method: 'post',
    path: '/{source}/{id}/draft',
    summary: 'Draft a KCS article from a ticket: the redacted .mdx and what was redacted (agent); nothing is stored',
    security: [{ bearer: [] }],
    middleware: inOrder(requireStaff(ctx.db, ctx.adminToken, 'agent'), limitBody()),
    request: {
      params: z.object({
        source: z.enum(TICKET_SOURCES),
        id: z.string().regex(TICKET_ID_PATTERN, 'must be a ticket id such as INC0012345').openapi({ example: 'INC0012345' }),
      }),
      body: jsonBody(draftRequestSchema),
    },
    responses: {
      200: { description: 'The draft', content: { 'application/json': { schema: draftResponseSchema } } },
      ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 503),
    },
  });

export function draftRoutes(ctx: AppContext, topics: TopicTree | undefined) {
  const router = newRouter();
  router.openapi(draftRouteFor(ctx), async (c) => {
    const { source, id } = c.req.valid('param');
    const body = c.req.valid('json');
    if (!topics)
      throw new ApiError(503, 'unavailable', 'Drafting needs the topic taxonomy (content/topics.yaml), which the server could not read');
    const ticket = await getTicket(ctx.db, id, source);
    if (!ticket || ticket === 'ambiguous')
      throw new ApiError(404, 'unknown_ticket', `No ticket "${id}" from ${source}`, [{ field: 'id', message: 'unknown ticket' }]);
    if (!topics.ids.has(body.topic))
      throw new ApiError(422, 'unknown_topic', `Topic "${body.topic}" is not in topics.yaml`, [
        { field: 'topic', message: 'unknown topic' },
      ]);
    // The bare id is enough in `tickets:` unless another helpdesk uses it too (as the CLI does).
    const ambiguous = (await getTicket(ctx.db, id)) === 'ambiguous';
    const today = ctx.now().toISOString().slice(0, 10);
    let draft;
    try {
      draft = buildDraft(
        ticket,
        {
          type: body.type,
          lang: body.lang,
          ticketRef: ambiguous ? `${source}:${id}` : id,
          slug: body.slug,
          topic: body.topic,
          owner: ticket.agent ?? c.get('staff').name,
          today,
        },
        topics,
      );
    } catch (error) {
      if (!(error instanceof DraftError)) throw error;
      // The CLI's wording names its flags; the form's fields have the same names without dashes.
      throw new ApiError(422, 'cannot_draft', error.message.replace(/--(\w+)/g, '$1').split('\n')[0]!);
    }
    const articleId = `${body.lang}/${draft.slug}`;
    if (ctx.catalog.byId.has(articleId))
      throw new ApiError(409, 'article_exists', `An article "${articleId}" is already published; choose another slug`, [
        { field: 'slug', message: 'taken' },
      ]);
    c.header('Cache-Control', 'private, no-store');
    return c.json(
      {
        path: `content/${draft.file}`,
        mdx: draft.text,
        redactions: draft.redactions.map((r) => ({ kind: r.kind, field: r.field, line: r.line, placeholder: r.placeholder })),
      },
      200,
    );
  });
  return router;
}

/**
 * /api/links (mounted at /links): agents link tickets to the articles that solved them (KCS "link to solve").
 * POST and DELETE take a link; GET lists the links of a ticket or of an article. Created-from
 * links are not written here: they come from the articles' `tickets:` frontmatter (git is the
 * source of truth for provenance) and are synced when the server starts (lib/link-sync.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../context.ts';
import { deleteLinks, insertLink, linksOfArticle, linksOfTicket, type LinkRow } from '../db/queries/links.ts';
import { getTicket } from '../db/queries/tickets.ts';
import { requireStaff } from '../lib/middleware/auth.ts';
import { limitBody } from '../lib/http/body.ts';
import { jsonBody } from '../lib/http/request-parts.ts';
import { ApiError } from '../lib/http/errors.ts';
import { errorResponses } from '../lib/http/openapi.ts';
import { inOrder, newRouter } from '../lib/http/router.ts';
import { linkSchema, ticketIdSchema, TICKET_SOURCES, LINK_RELATIONS, type Link } from '../../core/tickets/ticket.ts';
import { articleIdSchema } from '../../core/content/article.ts';

const linkOutSchema = z
  .object({
    ticket: z.string(),
    source: z
      .string()
      .nullable()
      .openapi({ description: 'null when the link does not name a source (created-from links of tickets not imported yet)' }),
    article: z.string(),
    relation: z.enum(LINK_RELATIONS),
    createdAt: z.string(),
  })
  .openapi('LinkRecord');

const listQuery = z
  .object({ ticket: ticketIdSchema.optional(), source: z.enum(TICKET_SOURCES).optional(), article: articleIdSchema.optional() })
  .refine((q) => (q.ticket === undefined) !== (q.article === undefined), {
    message: 'give either ticket or article (one of them)',
    path: ['ticket'],
  });

const out = (l: LinkRow) => ({
  ticket: l.ticket,
  source: l.source || null,
  article: l.article,
  // Every stored link was written through linkSchema or the frontmatter sync, both of which take only these relations.
  relation: l.relation as (typeof LINK_RELATIONS)[number],
  createdAt: l.createdAt,
});

/** The ticket a link names, resolved to its source; 422 when unknown or ambiguous. */
async function resolveTicket(ctx: AppContext, link: Link): Promise<string> {
  const ticket = await getTicket(ctx.db, link.ticket, link.source);
  if (ticket === 'ambiguous') {
    throw new ApiError(422, 'ambiguous_ticket', `Ticket "${link.ticket}" exists in more than one source; say which with "source"`, [
      { field: 'source', message: 'required: the ticket id is not unique across sources' },
    ]);
  }
  if (!ticket) {
    const where = link.source ? ` from ${link.source}` : '';
    throw new ApiError(422, 'unknown_ticket', `No imported ticket${where} has the id "${link.ticket}"`, [
      { field: 'ticket', message: 'unknown ticket' },
    ]);
  }
  return ticket.source;
}

/** Created-from links follow the article's frontmatter; writing them here would be undone at the next start. */
function refuseProvenance(link: Link): void {
  if (link.relation !== 'created-from') return;
  throw new ApiError(
    422,
    'provenance_from_content',
    'created-from links come from the article\'s "tickets:" frontmatter; edit the article instead',
    [{ field: 'relation', message: 'use solved-by or referenced' }],
  );
}

export function linkRoutes(ctx: AppContext) {
  const router = newRouter();
  const agents = requireStaff(ctx.db, ctx.adminToken, 'agent');
  const limit = limitBody();
  const security = [{ bearer: [] }];

  const createLinkRoute = createRoute({
    method: 'post',
    path: '/',
    summary: 'Link a ticket to an article (agent); idempotent. created-from links come from article frontmatter instead',
    security,
    middleware: inOrder(agents, limit),
    request: { body: jsonBody(linkSchema) },
    responses: {
      201: { description: 'Link created' },
      200: { description: 'The link already existed' },
      ...errorResponses(400, 401, 403, 413, 415, 422),
    },
  });
  router.openapi(createLinkRoute, async (c) => {
    const link = c.req.valid('json');
    refuseProvenance(link);
    if (!ctx.catalog.byId.has(link.article))
      throw new ApiError(422, 'unknown_article', `No published article has the id "${link.article}"`, [
        { field: 'article', message: 'unknown article' },
      ]);
    const source = await resolveTicket(ctx, link);
    const created = await insertLink(ctx.db, { ticket: link.ticket, source, article: link.article, relation: link.relation }, ctx.now());
    return c.json({ ok: true, link: { ticket: link.ticket, source, article: link.article, relation: link.relation } }, created ? 201 : 200);
  });

  const deleteLinkRoute = createRoute({
    method: 'delete',
    path: '/',
    summary: 'Remove a ticket–article link (agent)',
    security,
    middleware: inOrder(agents, limit),
    request: { body: jsonBody(linkSchema) },
    responses: { 200: { description: 'Link removed' }, ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
  });
  router.openapi(deleteLinkRoute, async (c) => {
    const link = c.req.valid('json');
    refuseProvenance(link);
    // The article is not checked against the catalog: a link to an article since unpublished can still be removed.
    const source = await resolveTicket(ctx, link);
    const deleted = await deleteLinks(ctx.db, { ticket: link.ticket, source, article: link.article, relation: link.relation });
    if (deleted === 0) throw new ApiError(404, 'not_found', `Ticket "${link.ticket}" has no ${link.relation} link to "${link.article}"`);
    return c.json({ ok: true, deleted }, 200);
  });

  const listLinksRoute = createRoute({
    method: 'get',
    path: '/',
    summary: 'Links of one ticket (?ticket=, optional &source=) or of one article (?article=) (agent)',
    security,
    middleware: agents,
    request: { query: listQuery },
    responses: {
      200: { description: 'Links', content: { 'application/json': { schema: z.object({ links: z.array(linkOutSchema) }) } } },
      ...errorResponses(400, 401, 403),
    },
  });
  router.openapi(listLinksRoute, async (c) => {
    const q = c.req.valid('query');
    const rows = q.ticket !== undefined ? await linksOfTicket(ctx.db, q.ticket, q.source) : await linksOfArticle(ctx.db, q.article!);
    return c.json({ links: rows.map(out) }, 200);
  });
  return router;
}

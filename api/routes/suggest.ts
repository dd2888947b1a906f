/**
 * GET /api/suggest (mounted at /suggest; public: the contact form and the search box ask it
 * while the customer types) and GET /api/tickets/{id}/suggestions (mounted at /tickets;
 * agents: articles for a ticket).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../context.ts';
import { getTicket } from '../db/queries/tickets.ts';
import { requireStaff } from '../lib/middleware/auth.ts';
import { ApiError } from '../lib/http/errors.ts';
import { errorResponses } from '../lib/http/openapi.ts';
import { newRouter } from '../lib/http/router.ts';
import { TICKET_SOURCES } from '../../core/tickets/ticket.ts';
import { SuggestIndex, type Suggestion } from '../suggest/search.ts';
import { buildSuggestIndex } from '../suggest/build.ts';
import { ARTICLE_TYPES, AUDIENCES, KCS_STATES } from '../../core/content/article.ts';
import { guessLang } from '../suggest/tokenize.ts';
import { LANGS, TICKET_ID_PATTERN, type Lang } from '../../core/content/article.ts';
import { cleanTextSchema } from '../../core/contracts/clean-text.ts';

/** The part of a ticket's description used as the query: the problem is stated early. */
const TICKET_TEXT_CHARS = 1000;

const suggestionSchema = z
  .object({
    article: z.string().openapi({ example: 'zh-CN/reset-password' }),
    title: z.string(),
    url: z.string().openapi({ example: '/zh-CN/articles/reset-password/' }),
    score: z.number().openapi({ description: 'Relevance; only comparable within one answer' }),
  })
  .openapi('Suggestion');

const limitSchema = z.coerce.number().int().min(1).max(20).default(5).openapi({ description: 'How many suggestions, 1–20 (default 5)' });

const suggestRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'Articles that may answer what a customer typed (published public FAQ, manual and solution articles, best first)',
  request: {
    query: z.object({
      q: cleanTextSchema({ min: 1, max: 200 }).openapi({ description: 'What the customer typed', example: '构建时报错找不到 sharp' }),
      lang: z.enum(LANGS).openapi({ description: 'The language of the articles to suggest' }),
      limit: limitSchema,
    }),
  },
  responses: {
    200: {
      description: 'Articles that plausibly answer the question (docs/search.md, the relevance rule); an empty list when none does',
      content: { 'application/json': { schema: z.object({ results: z.array(suggestionSchema) }) } },
    },
    ...errorResponses(400, 503),
  },
});

const ticketRoute = createRoute({
  method: 'get',
  path: '/{id}/suggestions',
  summary: "Articles that may solve a ticket, from its subject and description (in the ticket's language)",
  security: [{ bearer: [] }],
  request: {
    params: z.object({
      id: z.string().regex(TICKET_ID_PATTERN, 'must be a ticket id such as INC0012345').openapi({ example: 'INC0012345' }),
    }),
    query: z.object({
      source: z.enum(TICKET_SOURCES).optional().openapi({ description: 'The helpdesk; needed when two helpdesks use the same id' }),
      limit: limitSchema,
    }),
  },
  responses: {
    200: {
      description: 'Suggestions for the ticket',
      content: {
        'application/json': {
          schema: z.object({
            ticket: z.object({ id: z.string(), source: z.string() }),
            lang: z.enum(LANGS),
            results: z.array(suggestionSchema),
          }),
        },
      },
    },
    ...errorResponses(400, 401, 403, 404, 409, 503),
  },
});

function unavailable(): never {
  throw new ApiError(503, 'unavailable', 'Suggestions are unavailable: this build has no suggestion index (run "npm run build")', [], {
    'Retry-After': '60',
  });
}

/** Searches the build's suggestion index among the articles `allowed` lets through; 503 without an index. */
function suggester(ctx: AppContext, index: SuggestIndex | undefined) {
  const { catalog } = ctx;
  // The index and the manifest come from the same build; checking the catalog as well
  // keeps an article the manifest does not list (archived, internal) out of every answer.
  const listed = (id: string) => {
    const article = catalog.byId.get(id);
    return !!article && article.listed && article.audience === 'public';
  };
  // Customers are offered answers (FAQ, manual, solution); training material is for agents.
  const forCustomers = (id: string) => listed(id) && catalog.byId.get(id)!.type !== 'training';
  const suggest = (text: string, lang: Lang, limit: number, allowed = listed): Suggestion[] =>
    (index ?? unavailable()).search(text, lang, limit, allowed);
  // Agents judge for themselves: after the answers they also see the weak matches.
  const forAgents = (text: string, lang: Lang, limit: number): Suggestion[] => {
    const { answers, related } = (index ?? unavailable()).judge(text, lang, limit, listed);
    return [...answers, ...related].slice(0, limit);
  };
  return { suggest, forAgents, forCustomers };
}

/** GET /api/suggest; `index` is absent when the build wrote none. */
export function suggestRoutes(ctx: AppContext, index: SuggestIndex | undefined) {
  const { suggest, forCustomers } = suggester(ctx, index);
  return newRouter().openapi(suggestRoute, (c) => {
    const { q, lang, limit } = c.req.valid('query');
    // Same question, same answer until the next deploy: let browsers and CDNs keep it.
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({ results: suggest(q, lang, limit, forCustomers) }, 200);
  });
}

const agentResultSchema = suggestionSchema
  .extend({
    audience: z.enum(AUDIENCES).openapi({ description: "internal articles exist only in the agents' edition; show them marked" }),
    type: z.enum(ARTICLE_TYPES),
    state: z.enum(KCS_STATES),
  })
  .openapi('AgentSearchResult');

const agentSearchRoute = createRoute({
  method: 'get',
  path: '/agents',
  summary: 'Search the served edition for agents: every listed article, internal ones included and marked (agent)',
  security: [{ bearer: [] }],
  request: {
    query: z.object({
      q: z.string().trim().min(1).max(200).openapi({ description: 'What the agent typed', example: 'E-LIC-0042' }),
      lang: z.enum(LANGS),
      limit: limitSchema,
    }),
  },
  responses: {
    200: {
      description: 'Articles, best first',
      content: { 'application/json': { schema: z.object({ results: z.array(agentResultSchema) }) } },
    },
    ...errorResponses(400, 401, 403),
  },
});

/**
 * GET /api/suggest/agents (issue 17: the ticket view's search box). The build's index holds
 * public articles only, with their bodies; an index of the served catalog's titles, summaries
 * and tags, built on first use, adds the agents' edition's internal articles. Catalog matches
 * come first, then body matches of the build's index.
 */
export function agentSearchRoutes(ctx: AppContext, index: SuggestIndex | undefined) {
  const { catalog } = ctx;
  let catalogIndex: SuggestIndex | undefined;
  const byCatalog = () =>
    (catalogIndex ??= new SuggestIndex(
      buildSuggestIndex(
        catalog.listed.map((a) => ({ id: a.id, lang: a.lang, title: a.title, summary: a.summary, tags: a.tags, body: '', url: a.url })),
      ),
    ));
  const router = newRouter();
  router.use('/agents', requireStaff(ctx.db, ctx.adminToken, 'agent'));
  router.openapi(agentSearchRoute, (c) => {
    const { q, lang, limit } = c.req.valid('query');
    const listed = (id: string) => catalog.byId.get(id)?.listed === true;
    const seen = new Set<string>();
    const results = [...byCatalog().search(q, lang, limit, listed), ...(index?.search(q, lang, limit, listed) ?? [])]
      .filter((r) => !seen.has(r.article) && seen.add(r.article))
      .slice(0, limit)
      .map((r) => {
        const a = catalog.byId.get(r.article)!;
        return { ...r, audience: a.audience, type: a.type, state: a.state };
      });
    c.header('Cache-Control', 'private, no-store');
    return c.json({ results }, 200);
  });
  return router;
}

/** GET /api/tickets/{id}/suggestions; `index` is absent when the build wrote none. */
export function ticketSuggestionRoutes(ctx: AppContext, index: SuggestIndex | undefined) {
  const { forAgents } = suggester(ctx, index);
  const router = newRouter();
  // Every method needs a token: without one, any request to this path is a 401 whatever its method.
  router.use('/:id/suggestions', requireStaff(ctx.db, ctx.adminToken, 'agent'));
  router.openapi(ticketRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { source, limit } = c.req.valid('query');
    const ticket = await getTicket(ctx.db, id, source);
    if (ticket === 'ambiguous') {
      throw new ApiError(
        409,
        'ambiguous_ticket',
        `Several helpdesks have a ticket "${id}": add ?source= (one of ${TICKET_SOURCES.join(', ')})`,
        [{ field: 'source', message: 'required when the id is not unique' }],
      );
    }
    if (!ticket)
      throw new ApiError(404, 'unknown_ticket', `No ticket "${id}"${source ? ` from ${source}` : ''}`, [
        { field: 'id', message: 'unknown ticket' },
      ]);
    const text = `${ticket.subject}\n${(ticket.description ?? '').slice(0, TICKET_TEXT_CHARS)}`;
    const lang = ticket.lang ?? guessLang(text);
    c.header('Cache-Control', 'private, no-store');
    return c.json({ ticket: { id: ticket.id, source: ticket.source }, lang, results: forAgents(text, lang, limit) }, 200);
  });
  return router;
}

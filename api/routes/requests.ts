/**
 * /api/requests (mounted at /requests): the requests inbox (issue 16, docs/design.md §7).
 * Staff (agent) list and work requests; the customer reads theirs and answers with the key of
 * the private link instead of a credential: a wrong key is the same 404 as an unknown
 * reference. Imported tickets are listed and shown but worked in their helpdesk (409 here).
 * The customer's reply and survey also come as plain form posts from the request page
 * without JavaScript, answered with a 303 back to it (Post/Redirect/Get).
 */
import { Hono, type Context } from 'hono';
import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../context.ts';
import { listRequestTickets, ticketRowOf } from '../db/queries/requests.ts';
import type { TicketsTable } from '../db/schema.ts';
import { requireStaff, type StaffIdentity } from '../lib/middleware/auth.ts';
import { readText } from '../lib/http/body.ts';
import { mediaTypeOf } from '../lib/http/request-headers.ts';
import { jsonBody } from '../lib/http/request-parts.ts';
import { ApiError } from '../lib/http/errors.ts';
import { errorResponses } from '../lib/http/openapi.ts';
import { inOrder, newRouter } from '../lib/http/router.ts';
import { notFound, refuseImported } from '../lib/requests/inbox.ts';
import { requestKeyMatches } from '../lib/requests/keys.ts';
import { readFormFields, replyByForm, surveyByForm, type FormFields } from '../lib/requests/forms.ts';
import { customerView, requestSummary, staffView } from '../lib/requests/views.ts';
import { plainText } from '../../core/text/plain-text.ts';
import {
  customerRequestSchema,
  requestActionSchema,
  requestKeySchema,
  requestListQuerySchema,
  requestListSchema,
  requestMessageSchema,
  requestSurveySchema,
  staffRequestSchema,
  type RequestActionInput,
} from '../../core/contracts/requests.ts';
import { TICKET_SOURCES } from '../../core/tickets/ticket.ts';
import type { RequestEvent } from '../../core/tickets/lifecycle.ts';
import { TICKET_ID_PATTERN } from '../../core/content/article.ts';

const FORM = 'application/x-www-form-urlencoded';
const MAX_BODY_BYTES = 64 * 1024;

const refParams = z.object({
  ref: z.string().regex(TICKET_ID_PATTERN, 'must be a request reference such as WEB-2026-000123').openapi({ example: 'WEB-2026-000123' }),
});

/** The staff member's agent id when the account has one (staff accounts), else their name: what `assign` to me writes. */
const agentOf = (staff: StaffIdentity) =>
  'agentId' in staff && typeof staff.agentId === 'string' && staff.agentId ? staff.agentId : staff.name;

/** The lifecycle event and the history's effects of a staff action. */
function actionEvent(
  action: RequestActionInput,
  staff: StaffIdentity,
): { event: RequestEvent; note?: string | undefined; article?: string | undefined } {
  switch (action.action) {
    case 'assign':
      return { event: { type: 'assign', assignee: plainText(action.assignee) ?? agentOf(staff) } };
    case 'set':
      return { event: { type: 'set', topic: action.topic, priority: action.priority } };
    case 'escalate':
      return { event: { type: 'escalate' }, note: plainText(action.note) ?? undefined };
    case 'resolve':
      return {
        event: { type: 'resolve' },
        note: plainText(action.note) ?? (action.asNew ? 'new: no article yet' : undefined),
        article: action.article,
      };
    case 'reopen':
      return { event: { type: 'reopen' }, note: plainText(action.note) ?? undefined };
  }
}

export function requestRoutes(ctx: AppContext) {
  const { db, inbox, sla } = ctx;
  const router = newRouter();
  const agents = requireStaff(db, ctx.adminToken, 'agent');
  const security = [{ bearer: [] }];

  /** The staff identity, checked here for routes that also take the customer's key. */
  async function staffOf(c: Context): Promise<StaffIdentity> {
    await agents(c as never, async () => {});
    return (c as Context<{ Variables: { staff: StaffIdentity } }>).get('staff');
  }

  /** The web request `ref` if `key` is one of its keys; otherwise the 404 of an unknown reference. */
  async function customerRequest(ref: string, key: string): Promise<TicketsTable> {
    // Both look-ups always run, so an unknown reference and a wrong key take alike.
    const [row, matches] = await Promise.all([ticketRowOf(db, 'web', ref), requestKeyMatches(db, ref, key)]);
    if (!row || !matches) throw notFound(ref);
    return row;
  }

  /** A ticket of any source for staff; 422 when the id is in several sources and none is named. */
  async function staffTicket(ref: string, source?: string): Promise<TicketsTable> {
    if (source) {
      const row = await ticketRowOf(db, source, ref);
      if (!row) throw notFound(ref);
      return row;
    }
    const web = await ticketRowOf(db, 'web', ref);
    if (web) return web;
    const rows = await db.selectFrom('tickets').selectAll().where('id', '=', ref).limit(2).execute();
    if (rows.length > 1)
      throw new ApiError(422, 'ambiguous_ticket', `Ticket "${ref}" exists in more than one source; say which with "source"`, [
        { field: 'source', message: 'required: the ticket id is not unique across sources' },
      ]);
    if (!rows[0]) throw notFound(ref);
    return rows[0];
  }

  const listRoute = createRoute({
    method: 'get',
    path: '/',
    summary: 'The inbox: web requests and imported tickets, filtered, sorted, a page at a time, each with its SLA clocks (agent)',
    description:
      'sort=newest (by creation) or urgent (unresolved first, then by priority, oldest first). SLA clocks use KB_SLA_TARGETS, in working hours when KB_BUSINESS_HOURS is set. assignee=none lists unassigned requests.',
    security,
    middleware: agents,
    request: { query: requestListQuerySchema },
    responses: {
      200: { description: 'One page of requests', content: { 'application/json': { schema: requestListSchema } } },
      ...errorResponses(400, 401, 403),
    },
  });
  router.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const { rows, total } = await listRequestTickets(db, q, q.sort, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
    const now = ctx.now();
    return c.json({ requests: rows.map((r) => requestSummary(r, sla, now)), total, page: q.page, pageSize: q.pageSize }, 200);
  });

  const getRoute = createRoute({
    method: 'get',
    path: '/{ref}',
    summary: "One request: the staff view (agent), or with ?k= the customer's view (no internal notes, no staff-only fields)",
    description: 'A wrong key is answered exactly like an unknown reference (404).',
    security: [{ bearer: [] }, {} as Record<string, string[]>],
    request: {
      params: refParams,
      query: z.object({
        k: requestKeySchema.optional(),
        source: z.enum(TICKET_SOURCES).optional().openapi({ description: 'Staff: the helpdesk, when two use the same id' }),
      }),
    },
    responses: {
      200: {
        description: 'The request',
        content: { 'application/json': { schema: z.union([staffRequestSchema, customerRequestSchema]) } },
      },
      ...errorResponses(400, 401, 403, 404, 422),
    },
  });
  router.openapi(getRoute, async (c) => {
    const { ref } = c.req.valid('param');
    const { k, source } = c.req.valid('query');
    c.header('Cache-Control', 'no-store');
    if (k !== undefined) return c.json(await customerView(db, await customerRequest(ref, k)), 200);
    await staffOf(c);
    return c.json(await staffView(db, await staffTicket(ref, source), sla, ctx.now(), inbox.mailConfigured), 200);
  });

  /** A form post from the request page (same origin only: a form post needs no CORS preflight). */
  async function formFields(c: Context): Promise<FormFields> {
    if (c.req.header('sec-fetch-site') === 'cross-site')
      throw new ApiError(403, 'cross_site', 'Replies are accepted from the help center itself only');
    return readFormFields(await readText(c, MAX_BODY_BYTES));
  }

  const messageRoute = createRoute({
    method: 'post',
    path: '/{ref}/messages',
    summary:
      "Add to the conversation: a staff reply or internal note { body, internal?, minutes? } (agent), or the customer's reply { k, body }",
    description:
      'A staff reply is e-mailed to the customer when KB_SMTP_URL is set; the first one is the first response. A customer reply on a resolved request reopens it. The request page posts the customer reply as a plain form too (303 back to the page).',
    security: [{ bearer: [] }, {} as Record<string, string[]>],
    request: { params: refParams, body: jsonBody(requestMessageSchema, { maxBytes: MAX_BODY_BYTES, handlerReads: [FORM] }) },
    responses: {
      201: { description: 'Stored', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } },
      303: { description: 'Form posts: back to the request page' },
      ...errorResponses(400, 401, 403, 404, 409, 413, 415),
    },
  });
  router.openapi(messageRoute, async (c) => {
    const { ref } = c.req.valid('param');
    if (mediaTypeOf(c) === FORM) {
      const fields = await formFields(c);
      const row = await customerRequest(ref, fields.k ?? '');
      return c.redirect(await replyByForm(inbox, row, fields.k!, fields), 303);
    }
    const input = c.req.valid('json');
    const body = plainText(input.body)!;
    if (input.k !== undefined) {
      const row = await customerRequest(ref, input.k);
      await customerReply(row.id, body);
      return c.json({ ok: true as const }, 201);
    }
    const staff = await staffOf(c);
    refuseImported(await staffTicket(ref));
    if (input.internal) {
      await inbox.apply(ref, null, { action: 'note', actor: staff.name, minutes: input.minutes, message: { kind: 'note', body } });
    } else {
      await inbox.apply(
        ref,
        { type: 'staff-reply' },
        { action: 'reply', actor: staff.name, minutes: input.minutes, message: { kind: 'reply', body }, mail: 'reply' },
      );
    }
    return c.json({ ok: true as const }, 201);
  });

  function customerReply(id: string, body: string) {
    return inbox.apply(
      id,
      { type: 'customer-reply' },
      { action: 'customer-reply', actor: 'customer', message: { kind: 'customer', body } },
    );
  }

  const actionRoute = createRoute({
    method: 'post',
    path: '/{ref}/actions',
    summary:
      'Work a web request (agent): assign, set topic/priority, escalate to tier 2 with a note, resolve with an article or as new, reopen',
    description:
      'Each action may record minutes spent and is kept in the history with the fields before and after. 409 for an imported ticket (worked in its helpdesk), an action its state does not allow, or a change made meanwhile.',
    security,
    middleware: inOrder(agents),
    request: { params: refParams, body: jsonBody(requestActionSchema) },
    responses: {
      200: { description: 'Done; the request as staff see it now', content: { 'application/json': { schema: staffRequestSchema } } },
      ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422),
    },
  });
  router.openapi(actionRoute, async (c) => {
    const { ref } = c.req.valid('param');
    const action = c.req.valid('json');
    const staff = c.get('staff');
    refuseImported(await staffTicket(ref));
    if (action.action === 'resolve' && action.article && !ctx.catalog.byId.has(action.article))
      throw new ApiError(422, 'unknown_article', `No published article has the id "${action.article}"`, [
        { field: 'article', message: 'unknown article' },
      ]);
    const { event, note, article } = actionEvent(action, staff);
    if (action.action === 'escalate') {
      // The note goes to tier 2 in the conversation too, as an internal note.
      await inbox.apply(ref, event, {
        action: 'escalate',
        actor: staff.name,
        minutes: action.minutes,
        note,
        message: { kind: 'note', body: note! },
      });
    } else {
      await inbox.apply(ref, event, {
        action: action.action,
        actor: staff.name,
        minutes: action.minutes,
        note,
        article,
        mail: action.action === 'resolve' ? 'resolved' : undefined,
      });
    }
    return c.json(await staffView(db, (await ticketRowOf(db, 'web', ref))!, sla, ctx.now(), inbox.mailConfigured), 200);
  });

  const surveyRoute = createRoute({
    method: 'post',
    path: '/{ref}/survey',
    summary:
      'The satisfaction survey (满意度调查) of a resolved request, once: { k, solved, rating 1–5, comment? }; "not solved" reopens it',
    description:
      "The rating becomes the ticket's csat. The request page posts it as a plain form too (solved=yes|no; 303 back to the page).",
    request: { params: refParams, body: jsonBody(requestSurveySchema, { handlerReads: [FORM] }) },
    responses: {
      201: { description: 'Recorded', content: { 'application/json': { schema: z.object({ ok: z.literal(true), status: z.string() }) } } },
      303: { description: 'Form posts: back to the request page' },
      ...errorResponses(400, 404, 409, 413, 415),
    },
  });
  router.openapi(surveyRoute, async (c) => {
    const { ref } = c.req.valid('param');
    if (mediaTypeOf(c) === FORM) {
      const fields = await formFields(c);
      const row = await customerRequest(ref, fields.k ?? '');
      return c.redirect(await surveyByForm(inbox, row, fields.k!, fields), 303);
    }
    const input = c.req.valid('json');
    const row = await customerRequest(ref, input.k);
    await inbox.answerSurvey(row.id, { solved: input.solved, rating: input.rating, comment: plainText(input.comment) });
    return c.json({ ok: true as const, status: input.solved ? 'closed' : 'open' }, 201);
  });

  return router;
}

/**
 * POST /<lang>/requests/<ref>/?k=<key>: the request page's forms without JavaScript (they have
 * no action, so the browser posts to the page's own address); `form` says which (reply or
 * survey). Not part of the API document: it is the page's, answered with a 303 back to it.
 */
export function requestPageRoutes(ctx: AppContext) {
  const router = new Hono();
  router.post('/:lang{en|zh-CN}/requests/:ref/', async (c) => {
    if (c.req.header('sec-fetch-site') === 'cross-site')
      throw new ApiError(403, 'cross_site', 'Replies are accepted from the help center itself only');
    if (mediaTypeOf(c) !== FORM) throw new ApiError(415, 'unsupported_media_type', `Send the page's form (${FORM})`);
    const ref = c.req.param('ref');
    const key = c.req.query('k') ?? '';
    const fields = readFormFields(await readText(c, MAX_BODY_BYTES));
    const [row, matches] = await Promise.all([ticketRowOf(ctx.db, 'web', ref), requestKeyMatches(ctx.db, ref, key)]);
    if (!row || !matches) throw notFound(ref);
    const back =
      fields.form === 'survey' ? await surveyByForm(ctx.inbox, row, key, fields) : await replyByForm(ctx.inbox, row, key, fields);
    return c.redirect(back, 303);
  });
  return router;
}

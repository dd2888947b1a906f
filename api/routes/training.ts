/**
 * /api/training (mounted at /training; issue #6): training records (trainers record
 * completions; any staff reads them), the agents (roster joined with ticket agents) and the
 * draft training plan — the need ranking of api/metrics/training.ts as a list or a CSV download.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../context.ts';
import { catchUpRollups } from '../db/queries/rollups.ts';
import {
  deleteTrainingRecord,
  insertTrainingRecord,
  listRoster,
  listTrainingRecords,
  ticketAgents,
  type TrainingRecord,
} from '../db/queries/training.ts';
import { requireStaff } from '../lib/middleware/auth.ts';
import { limitBody } from '../lib/http/body.ts';
import { ApiError } from '../lib/http/errors.ts';
import { errorResponses } from '../lib/http/openapi.ts';
import { jsonBody } from '../lib/http/request-parts.ts';
import { inOrder, newRouter } from '../lib/http/router.ts';
import { invalidRequest } from '../lib/http/validation.ts';
import { recordsToCsv } from '../metrics/csv.ts';
import { resolvePeriod } from '../metrics/period.ts';
import type { MetricEnv } from '../metrics/types.ts';
import { DAY_MS, trainingTopicsByArticle } from '../metrics/training/history.ts';
import { trainingReport } from '../metrics/training/report.ts';
import { agentNames, displayName } from '../metrics/agent-names.ts';
import {
  planQuerySchema,
  type PlanResponse,
  type PlanTopic,
  recordIdSchema,
  recordListQuerySchema,
  trainingRecordOutSchema,
  trainingRecordSchema,
} from '../../core/contracts/training.ts';

const PLAN_COLUMNS = [
  'topic',
  'name',
  'nameZh',
  'needScore',
  'label',
  'reasons',
  'reasonsZh',
  'tickets',
  'peopleCoverage',
  'ticketWeightedCoverage',
  'escalationRate',
  'untrainedAgents',
  'untrainedAgentNames',
] as const;

export function trainingRoutes(ctx: AppContext, env: MetricEnv) {
  const router = newRouter();
  const staff = requireStaff(ctx.db, ctx.adminToken, 'agent', 'trainer');
  const trainers = requireStaff(ctx.db, ctx.adminToken, 'trainer');
  const limit = limitBody();
  const security = [{ bearer: [] }];
  const validityMs = () => env.settings.trainingValidityDays * DAY_MS;
  const out = (r: TrainingRecord) => ({ ...r, expiresAt: new Date(Date.parse(r.completedAt) + validityMs()).toISOString() });

  const recordRoute = createRoute({
    method: 'post',
    path: '/records',
    security,
    summary: 'Record that an agent completed a training article (trainer or admin); an exact duplicate answers 200 with the stored record',
    middleware: inOrder(trainers, limit),
    request: { body: jsonBody(trainingRecordSchema) },
    responses: {
      201: {
        description: 'Recorded',
        content: { 'application/json': { schema: z.object({ ok: z.boolean(), duplicate: z.boolean(), record: trainingRecordOutSchema }) } },
      },
      200: { description: 'The same completion was already recorded' },
      ...errorResponses(400, 401, 403, 413, 415, 422),
    },
  });
  router.openapi(recordRoute, async (c) => {
    const body = c.req.valid('json');
    const article = ctx.catalog.byId.get(body.article);
    if (!article)
      throw new ApiError(422, 'unknown_article', `No article of this build has the id "${body.article}"`, [
        { field: 'article', message: 'unknown article' },
      ]);
    if (article.type !== 'training') {
      throw new ApiError(422, 'not_training', `"${body.article}" is a ${article.type} article, not training material (type: training)`, [
        { field: 'article', message: 'must be an article of type training' },
      ]);
    }
    if (Date.parse(body.completedAt) > ctx.now().getTime())
      throw invalidRequest([{ field: 'completedAt', message: 'must not be in the future' }]);
    const { record, created } = await insertTrainingRecord(ctx.db, body, { now: ctx.now(), createdBy: c.get('staff').name });
    // An exact duplicate (same agent, article and time) is the same fact: 200 with the stored record.
    return c.json({ ok: true, duplicate: !created, record: out(record) }, created ? 201 : 200);
  });

  const listRoute = createRoute({
    method: 'get',
    path: '/records',
    security,
    summary: 'Training records, newest first (?agent=&article=&topic=) (staff)',
    middleware: staff,
    request: { query: recordListQuerySchema },
    responses: {
      200: { description: 'Records', content: { 'application/json': { schema: z.object({ records: z.array(trainingRecordOutSchema) }) } } },
      ...errorResponses(400, 401, 403),
    },
  });
  router.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    let articles: string[] | undefined = q.article === undefined ? undefined : [q.article];
    if (q.topic !== undefined) {
      const covering = [...trainingTopicsByArticle(ctx.catalog)].filter(([, topics]) => topics.includes(q.topic!)).map(([id]) => id);
      articles = articles === undefined ? covering : articles.filter((a) => covering.includes(a));
    }
    const records = await listTrainingRecords(ctx.db, { agent: q.agent, articles });
    return c.json({ records: records.map(out) }, 200);
  });

  const deleteRoute = createRoute({
    method: 'delete',
    path: '/records/{id}',
    security,
    summary: 'Delete a training record (trainer or admin)',
    middleware: trainers,
    request: { params: recordIdSchema },
    responses: { 200: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404) },
  });
  router.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    const deleted = await deleteTrainingRecord(ctx.db, id);
    if (deleted === 0) throw new ApiError(404, 'not_found', `No training record has the id ${id}`);
    return c.json({ ok: true, deleted });
  });

  const agentsRoute = createRoute({
    method: 'get',
    path: '/agents',
    security,
    summary: 'Agents: the roster joined with the agents named on tickets, with their ticket counts (staff)',
    middleware: staff,
    responses: { 200: { description: 'Agents' }, ...errorResponses(401, 403) },
  });
  router.openapi(agentsRoute, async (c) => {
    const [roster, agents] = [await listRoster(ctx.db), await ticketAgents(ctx.db)];
    const tickets = new Map(agents.map((a) => [a.agent, a.tickets]));
    const rows = new Map(
      roster.map((r) => [
        r.agent,
        { agent: r.agent, name: r.name as string | null, team: r.team as string | null, tickets: tickets.get(r.agent) ?? 0 },
      ]),
    );
    for (const a of agents) if (!rows.has(a.agent)) rows.set(a.agent, { agent: a.agent, name: null, team: null, tickets: a.tickets });
    return c.json({ agents: [...rows.values()].sort((a, b) => a.agent.localeCompare(b.agent)) });
  });

  const planRoute = createRoute({
    method: 'get',
    path: '/plan',
    security,
    summary:
      'Draft training plan: topics by training need with reasons, label and untrained agents (?from=&to=&tz=&topic=&format=csv) (staff)',
    middleware: staff,
    request: { query: planQuerySchema },
    responses: { 200: { description: 'The plan (JSON, or CSV with format=csv)' }, ...errorResponses(400, 401, 403) },
  });
  router.openapi(planRoute, async (c) => {
    const { format = 'json', ...params } = c.req.valid('query');
    const query = resolvePeriod(params, ctx.now());
    await catchUpRollups(ctx.db);
    const report = await trainingReport(env, query);
    const names = await agentNames(ctx.db);
    const topics = report.topics.map((t): PlanTopic => ({
      topic: t.topic,
      name: t.name,
      nameZh: t.nameZh,
      needScore: t.needScore,
      label: t.label,
      reasons: t.reasons,
      reasonsZh: t.reasonsZh,
      tickets: t.tickets,
      peopleCoverage: t.peopleCoverage,
      ticketWeightedCoverage: t.ticketWeightedCoverage,
      escalationRate: t.escalationRate,
      untrainedAgents: t.untrainedAgents,
      untrainedAgentNames: t.untrainedAgents.map((agent) => displayName(names, agent)),
    }));
    if (format === 'csv') {
      // With no topics the download is the header alone, so a spreadsheet still shows the columns.
      const csv = topics.length ? recordsToCsv(topics) : `${PLAN_COLUMNS.join(',')}\r\n`;
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="training-plan_${query.from}_${query.to}.csv"`,
      });
    }
    return c.json({ from: query.from, to: query.to, tz: query.tz, topics } satisfies PlanResponse);
  });

  return router;
}

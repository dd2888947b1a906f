/**
 * /api/training (issue #6): training records (trainers record completions; any staff reads
 * them), the agents (roster joined with ticket agents) and the draft training plan — the
 * need ranking of api/metrics/training.ts as a list or a CSV download.
 */
import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Context } from 'hono';
import type { ZodType, ZodTypeDef } from 'zod';
import type { AppContext } from '../app.ts';
import { catchUpRollups } from '../db/queries/rollups.ts';
import {
  deleteTrainingRecord,
  insertTrainingRecord,
  listRoster,
  listTrainingRecords,
  ticketAgents,
  type TrainingRecord,
} from '../db/queries/training.ts';
import { requireStaff, type AuthEnv } from '../lib/middleware/auth.ts';
import { readJson, MAX_BODY_BYTES } from '../lib/http/body.ts';
import { ApiError } from '../lib/http/errors.ts';
import { errorResponses, tooLarge } from '../lib/http/openapi.ts';
import { newRouter } from '../lib/http/router.ts';
import { zodDetails } from '../lib/http/validation.ts';
import { recordsToCsv } from '../metrics/csv.ts';
import { parseMetricQuery } from '../metrics/period.ts';
import type { MetricEnv } from '../metrics/types.ts';
import { DAY_MS, trainingTopicsByArticle } from '../metrics/training/history.ts';
import { trainingReport } from '../metrics/training/report.ts';
import {
  PLAN_FORMATS,
  recordIdSchema,
  recordListQuerySchema,
  trainingRecordOutSchema,
  trainingRecordSchema,
} from '../../core/contracts/training.ts';

/** Query parameters the plan takes; any other is a 400 naming it (a typo should not silently widen the plan). */
const PLAN_PARAMS = new Set(['from', 'to', 'tz', 'topic', 'format']);

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
] as const;

function invalid(details: Array<{ field: string; message: string }>): ApiError {
  return new ApiError(400, 'invalid_request', `Invalid request: ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`, details);
}

function parseOr400<T>(schema: ZodType<T, ZodTypeDef, unknown>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(zodDetails(parsed.error).map((d) => ({ field: d.field ?? '(query)', message: d.message })));
  return parsed.data;
}

export function trainingRoutes(ctx: AppContext, env: MetricEnv) {
  const router = newRouter();
  const staff = requireStaff(ctx.db, ctx.adminToken, 'agent', 'trainer');
  const trainers = requireStaff(ctx.db, ctx.adminToken, 'trainer');
  const limit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge });
  const validityMs = () => env.settings.trainingValidityDays * DAY_MS;
  const out = (r: TrainingRecord) => ({ ...r, expiresAt: new Date(Date.parse(r.completedAt) + validityMs()).toISOString() });

  router.post('/training/records', trainers, limit, async (c: Context<AuthEnv>) => {
    const body = await readJson(c, trainingRecordSchema);
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
    if (Date.parse(body.completedAt) > ctx.now().getTime()) throw invalid([{ field: 'completedAt', message: 'must not be in the future' }]);
    const { record, created } = await insertTrainingRecord(ctx.db, body, { now: ctx.now(), createdBy: c.get('staff').name });
    // An exact duplicate (same agent, article and time) is the same fact: 200 with the stored record.
    return c.json({ ok: true, duplicate: !created, record: out(record) }, created ? 201 : 200);
  });

  router.get('/training/records', staff, async (c) => {
    const q = parseOr400(recordListQuerySchema, c.req.query());
    let articles: string[] | undefined = q.article === undefined ? undefined : [q.article];
    if (q.topic !== undefined) {
      const covering = [...trainingTopicsByArticle(ctx.catalog)].filter(([, topics]) => topics.includes(q.topic!)).map(([id]) => id);
      articles = articles === undefined ? covering : articles.filter((a) => covering.includes(a));
    }
    const records = await listTrainingRecords(ctx.db, { agent: q.agent, articles });
    return c.json({ records: records.map(out) });
  });

  router.delete('/training/records/:id', trainers, async (c) => {
    const { id } = parseOr400(recordIdSchema, { id: c.req.param('id') });
    const deleted = await deleteTrainingRecord(ctx.db, id);
    if (deleted === 0) throw new ApiError(404, 'not_found', `No training record has the id ${id}`);
    return c.json({ ok: true, deleted });
  });

  router.get('/training/agents', staff, async (c) => {
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

  router.get('/training/plan', staff, async (c) => {
    const raw = c.req.query();
    const unknown = Object.keys(raw).filter((k) => !PLAN_PARAMS.has(k));
    if (unknown.length)
      throw invalid(unknown.map((field) => ({ field, message: `unknown parameter (use ${[...PLAN_PARAMS].join(', ')})` })));
    const format = raw['format'] ?? 'json';
    if (!(PLAN_FORMATS as readonly string[]).includes(format)) throw invalid([{ field: 'format', message: 'must be json or csv' }]);
    const query = parseMetricQuery(raw, ctx.now());
    await catchUpRollups(ctx.db);
    const report = await trainingReport(env, query);
    const topics = report.topics.map((t) => ({
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
    }));
    if (format === 'csv') {
      // With no topics the download is the header alone, so a spreadsheet still shows the columns.
      const csv = topics.length ? recordsToCsv(topics) : `${PLAN_COLUMNS.join(',')}\r\n`;
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="training-plan_${query.from}_${query.to}.csv"`,
      });
    }
    return c.json({ from: query.from, to: query.to, tz: query.tz, topics });
  });

  const security = [{ bearer: [] }];
  router.openAPIRegistry.registerPath({
    method: 'post',
    path: '/training/records',
    security,
    summary: 'Record that an agent completed a training article (trainer or admin); an exact duplicate answers 200 with the stored record',
    request: { body: { content: { 'application/json': { schema: trainingRecordSchema } } } },
    responses: {
      201: {
        description: 'Recorded',
        content: { 'application/json': { schema: z.object({ ok: z.boolean(), duplicate: z.boolean(), record: trainingRecordOutSchema }) } },
      },
      200: { description: 'The same completion was already recorded' },
      ...errorResponses(400, 401, 403, 413, 415, 422),
    },
  });
  router.openAPIRegistry.registerPath({
    method: 'get',
    path: '/training/records',
    security,
    summary: 'Training records, newest first (?agent=&article=&topic=) (staff)',
    request: { query: recordListQuerySchema },
    responses: {
      200: { description: 'Records', content: { 'application/json': { schema: z.object({ records: z.array(trainingRecordOutSchema) }) } } },
      ...errorResponses(400, 401, 403),
    },
  });
  router.openAPIRegistry.registerPath({
    method: 'delete',
    path: '/training/records/{id}',
    security,
    summary: 'Delete a training record (trainer or admin)',
    request: { params: z.object({ id: z.string() }) },
    responses: { 200: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404) },
  });
  router.openAPIRegistry.registerPath({
    method: 'get',
    path: '/training/agents',
    security,
    summary: 'Agents: the roster joined with the agents named on tickets, with their ticket counts (staff)',
    responses: { 200: { description: 'Agents' }, ...errorResponses(401, 403) },
  });
  router.openAPIRegistry.registerPath({
    method: 'get',
    path: '/training/plan',
    security,
    summary:
      'Draft training plan: topics by training need with reasons, label and untrained agents (?from=&to=&tz=&topic=&format=csv) (staff)',
    request: {
      query: z.object({
        from: z.string().optional(),
        to: z.string().optional(),
        tz: z.string().optional(),
        topic: z.string().optional(),
        format: z.enum(PLAN_FORMATS).optional(),
      }),
    },
    responses: { 200: { description: 'The plan (JSON, or CSV with format=csv)' }, ...errorResponses(400, 401, 403) },
  });
  return router;
}

/**
 * Training records and roster rows as clients send them (issue #6). The API, the CSV
 * importers and the seed validate with these, so a rule changes in one place.
 */
import { z } from './zod.ts';
import { articleIdSchema, TOPIC_ID_PATTERN } from '../content/article.ts';
import { metricQuerySchema } from './metrics.ts';
import { dateOrDateTimeSchema } from './dates.ts';

/** A ticket `agent` value (the helpdesk's name or id of the agent). */
export const agentSchema = z.string().trim().min(1, 'must not be empty').max(200);

/**
 * When the training was completed: an ISO-8601 date-time with a zone, or a date
 * (YYYY-MM-DD, taken as 00:00 UTC that day). Stored as ISO UTC.
 */
export const completedAtSchema = dateOrDateTimeSchema;

/**
 * An object whose unknown keys fail with their own name as the field, so a typo is reported
 * where it is (zod's strict() reports them all under the object).
 */
function objectNamingUnknownKeys<T extends z.ZodRawShape>(shape: T, message = 'unknown field') {
  return z
    .object(shape)
    .passthrough()
    .superRefine((value, ctx) => {
      for (const key of Object.keys(value)) if (!(key in shape)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message });
    })
    .transform((value) => {
      const known: Record<string, unknown> = {};
      for (const key of Object.keys(shape)) if (value[key] !== undefined) known[key] = value[key];
      return known as z.objectOutputType<T, z.ZodTypeAny, 'strip'>;
    });
}

export const trainingRecordSchema = objectNamingUnknownKeys({
  /** The agent trained, as tickets name them (`agent`). */
  agent: agentSchema,
  /** Id of a `type: training` article, e.g. en/training-licence-activation. */
  article: articleIdSchema,
  /** Completion time. */
  completedAt: completedAtSchema,
}).openapi('TrainingRecordInput');

export type TrainingRecordBody = z.output<typeof trainingRecordSchema>;

export const trainingRecordOutSchema = z
  .object({
    id: z.number().int(),
    agent: z.string(),
    article: z.string(),
    completedAt: z.string(),
    /** completedAt + the validity window (KB_TRAINING_VALIDITY_DAYS, default 365 days). */
    expiresAt: z.string(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
  })
  .openapi('TrainingRecord');

export const recordListQuerySchema = objectNamingUnknownKeys({
  agent: agentSchema.optional(),
  article: articleIdSchema.optional(),
  /** Records of training articles covering this topic. */
  topic: z.string().regex(TOPIC_ID_PATTERN, 'must be a lowercase kebab-case topic id').max(80).optional(),
});

export const recordIdSchema = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, 'must be a positive whole number (the record id)')
    .transform(Number),
});

/** A roster row (agent, display name, team). */
export const rosterRowSchema = objectNamingUnknownKeys({
  agent: agentSchema,
  name: z.string().trim().min(1, 'must not be empty').max(200),
  team: z.string().trim().min(1, 'must not be empty').max(100),
});

export const PLAN_FORMATS = ['json', 'csv'] as const;

const planQueryShape = {
  ...metricQuerySchema.pick({ from: true, to: true, tz: true, topic: true }).shape,
  format: z
    .enum(PLAN_FORMATS, { errorMap: () => ({ message: 'must be json or csv' }) })
    .optional()
    .openapi({ description: 'json (default) or csv' }),
};

/** GET /api/training/plan's query; any other parameter is refused by name (a typo should not silently widen the plan). */
export const planQuerySchema = objectNamingUnknownKeys(planQueryShape, `unknown parameter (use ${Object.keys(planQueryShape).join(', ')})`);

/** One topic of GET /api/training/plan: its need, why, and the agents still to train. */
export const planTopicSchema = z
  .object({
    topic: z.string(),
    name: z.string(),
    nameZh: z.string(),
    needScore: z.number().nullable(),
    label: z.enum(['training-gap', 'content-gap', 'both']).nullable(),
    reasons: z.array(z.string()),
    reasonsZh: z.array(z.string()),
    tickets: z.number(),
    peopleCoverage: z.number().nullable(),
    ticketWeightedCoverage: z.number().nullable(),
    escalationRate: z.number().nullable(),
    /** Agent ids, as on the tickets. */
    untrainedAgents: z.array(z.string()),
    /** The same agents by display name (staff account, else roster, else the id), in the same order. */
    untrainedAgentNames: z.array(z.string()),
  })
  .openapi('PlanTopic');
export type PlanTopic = z.infer<typeof planTopicSchema>;

/** GET /api/training/plan as JSON: the draft plan of a period, most needed topic first. */
export const planResponseSchema = z
  .object({ from: z.string(), to: z.string(), tz: z.string(), topics: z.array(planTopicSchema) })
  .openapi('PlanResponse');
export type PlanResponse = z.infer<typeof planResponseSchema>;

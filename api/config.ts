/**
 * The server's settings, read once from the environment and validated, so a typo in a
 * variable stops the start with a message naming it (README lists them all).
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseSlaTargets } from './metrics/env.ts';
import type { MetricSettings } from './metrics/types.ts';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4321),
  HOST: z.string().min(1).default('127.0.0.1'),
  KB_DB: z.string().min(1).default('data/kb.sqlite'),
  // PostgreSQL instead of the SQLite file KB_DB (api/db/index.ts), and its pool's size.
  DATABASE_URL: z.union([z.literal(''), z.string().regex(/^postgres(ql)?:\/\//i, 'must be a postgres:// or postgresql:// URL')]).optional(),
  KB_DB_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  KB_DIST_DIR: z.string().min(1).optional(),
  KB_OUT_DIR: z.string().min(1).optional(),
  KB_CONTENT_DIR: z.string().min(1).default('content'),
  KB_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  KB_TRUSTED_PROXIES: z.string().default(''),
  KB_CORS_ORIGINS: z.string().default(''),
  KB_SITE_URL: z.string().url().default('http://127.0.0.1:4321'),
  // HMAC secrets of the helpdesk webhooks; a helpdesk without one has no webhook endpoint.
  KB_WEBHOOK_SECRET_ZENDESK: z.string().min(16, 'must be at least 16 characters').optional(),
  KB_WEBHOOK_SECRET_FRESHDESK: z.string().min(16, 'must be at least 16 characters').optional(),
  KB_WEBHOOK_SECRET_ZAMMAD: z.string().min(16, 'must be at least 16 characters').optional(),
  // Metric settings (api/metrics/env.ts): SLA targets as priority=firstResponseHours/resolutionHours,…
  KB_SLA_TARGETS: z
    .string()
    .default('')
    .superRefine((text, ctx) => {
      try {
        parseSlaTargets(text);
      } catch (error) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: (error as Error).message });
      }
    }),
  // Prefix of an article's source for edit links: <prefix><lang>/<slug>.mdx; empty for none.
  KB_EDIT_URL: z.union([z.literal(''), z.string().url()]).default(''),
  KB_TRAINING_VALIDITY_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  // Demo data on first start (an empty database); "off" for real installations and tests.
  // Seconds a computed metric is reused; 0 computes every request.
  KB_METRICS_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  KB_DEMO: z.enum(['on', 'off'], { message: 'must be "on" or "off"' }).default('on'),
  // WAL checkpoints in a background thread (api/db/checkpointer.ts); "off" leaves them to SQLite's commits.
  KB_CHECKPOINT_THREAD: z.enum(['on', 'off'], { message: 'must be "on" or "off"' }).default('on'),
});

const list = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

export interface ServerConfig {
  port: number;
  host: string;
  /** SQLite database file (used when databaseUrl is not set). */
  dbFile: string;
  /** DATABASE_URL: the PostgreSQL database; undefined for SQLite at dbFile. */
  databaseUrl: string | undefined;
  /** KB_DB_POOL_SIZE: connections in the PostgreSQL pool. */
  dbPoolSize: number;
  /** The built site the server serves and whose manifest the API reads. */
  distDir: string;
  contentDir: string;
  adminToken: string | undefined;
  trustedProxies: string[];
  corsOrigins: string[];
  /** The public host, mixed into visitor hashes. */
  site: string;
  /** Webhook secrets per helpdesk (KB_WEBHOOK_SECRET_ZENDESK/FRESHDESK/ZAMMAD). */
  webhookSecrets: { zendesk?: string; freshdesk?: string; zammad?: string };
  /** KB_SLA_TARGETS, KB_EDIT_URL, KB_TRAINING_VALIDITY_DAYS. */
  metricSettings: MetricSettings;
  /** KB_METRICS_CACHE_SECONDS: how long a computed metric result is reused. */
  metricsCacheSeconds: number;
  /** KB_DEMO: seed demo data when the server starts on an empty database. */
  demo: boolean;
  /** KB_CHECKPOINT_THREAD: run WAL checkpoints in a background thread. */
  checkpointThread: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dbFile: resolve(e.KB_DB),
    databaseUrl: e.DATABASE_URL || undefined,
    dbPoolSize: e.KB_DB_POOL_SIZE,
    distDir: resolve(e.KB_DIST_DIR ?? e.KB_OUT_DIR ?? 'dist'),
    contentDir: resolve(e.KB_CONTENT_DIR),
    adminToken: e.KB_ADMIN_TOKEN,
    trustedProxies: list(e.KB_TRUSTED_PROXIES),
    corsOrigins: list(e.KB_CORS_ORIGINS),
    site: new URL(e.KB_SITE_URL).host,
    webhookSecrets: { zendesk: e.KB_WEBHOOK_SECRET_ZENDESK, freshdesk: e.KB_WEBHOOK_SECRET_FRESHDESK, zammad: e.KB_WEBHOOK_SECRET_ZAMMAD },
    metricSettings: {
      slaTargets: parseSlaTargets(e.KB_SLA_TARGETS),
      editUrlBase: e.KB_EDIT_URL,
      trainingValidityDays: e.KB_TRAINING_VALIDITY_DAYS,
    },
    metricsCacheSeconds: e.KB_METRICS_CACHE_SECONDS,
    demo: e.KB_DEMO === 'on',
    checkpointThread: e.KB_CHECKPOINT_THREAD === 'on',
  };
}

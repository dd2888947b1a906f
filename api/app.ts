/**
 * Builds the API from its dependencies. It never listens (server.ts does), so tests
 * drive it through app.request() with a fresh database and an injected clock.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import type SQLite from 'better-sqlite3';
import type { Db } from './db/index.ts';
import { countDrops, type DropReason } from './db/queries/drops.ts';
import { eventWriter, recentSessions, type EventRow } from './db/queries/events.ts';
import { voteWriter, type VoteRow } from './db/queries/votes.ts';
import type { ArticleCatalog } from './lib/catalog/catalog.ts';
import { ApiError, handleError } from './lib/http/errors.ts';
import { secureHeaders } from './lib/middleware/secure-headers.ts';
import { GroupCommit } from './lib/ingest/group-commit.ts';
import { VisitorIdentifier } from './lib/ingest/identify.ts';
import { RateLimiter } from './lib/ingest/rate-limit.ts';
import { SessionTracker } from './lib/ingest/sessions.ts';
import { newRouter } from './lib/http/router.ts';
import { validationHook } from './lib/http/validation.ts';
import { healthRoutes } from './routes/health.ts';
import { articleRoutes } from './routes/articles.ts';
import { voteRoutes } from './routes/votes.ts';
import { eventRoutes } from './routes/events.ts';
import { adminRoutes } from './routes/admin.ts';
import { linkRoutes } from './routes/links.ts';
import { suggestRoutes } from './routes/suggest.ts';
import { ticketRoutes } from './routes/tickets.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { contactRoutes } from './routes/contact.ts';
import type { SuggestIndex } from './suggest/search.ts';
import { metricRoutes } from './routes/metrics.ts';
import { MetricCache } from './metrics/cache.ts';
import { trainingRoutes } from './routes/training.ts';
import { metricEnv } from './metrics/env.ts';
import type { MetricSettings } from './metrics/types.ts';
import type { TopicTree } from '../core/content/topics.ts';
import type { WebhookSecrets } from '../core/tickets/helpdesks.ts';

export interface AppDeps {
  db: Db;
  /** The SQLite connection under `db`, for the prepared hot-path writes (votes, events). */
  sqlite?: SQLite.Database;
  catalog: ArticleCatalog;
  /** The clock; tests inject one to cross UTC midnight. */
  now?: () => Date;
  /** Accepted as an admin token (KB_ADMIN_TOKEN). */
  adminToken?: string | undefined;
  /** Proxies whose X-Forwarded-For is trusted (KB_TRUSTED_PROXIES). */
  trustedProxies?: string[];
  /** Origins allowed to call the API from a browser (KB_CORS_ORIGINS). */
  corsOrigins?: string[];
  /** Mixed into visitor hashes (the site's host). */
  site?: string;
  /** Per-visitor limits per minute. */
  rateLimits?: { votes: number; events: number };
  /** The build's suggestion index (kb-build/suggest-index.json); without it /api/suggest answers 503. */
  suggest?: SuggestIndex | undefined;
  /** Per-helpdesk webhook secrets (KB_WEBHOOK_SECRET_<SOURCE>); a source without one has no webhook. */
  webhookSecrets?: WebhookSecrets;
  /** The topic taxonomy (content/topics.yaml), for topic names in metrics. */
  topics?: TopicTree | undefined;
  /** Metric settings (KB_SLA_TARGETS, KB_EDIT_URL, KB_TRAINING_VALIDITY_DAYS); defaults for what is missing. */
  metricSettings?: Partial<MetricSettings>;
  /** How long a computed metric result is reused (KB_METRICS_CACHE_SECONDS); 0, the default here, computes every request. */
  metricsCacheSeconds?: number;
}

/** What route modules get: the dependencies plus the shared write pipeline. */
export interface AppContext {
  db: Db;
  catalog: ArticleCatalog;
  now: () => Date;
  adminToken: string | undefined;
  identifier: VisitorIdentifier;
  sessions: SessionTracker;
  limits: { votes: RateLimiter; events: RateLimiter };
  writers: {
    vote(row: VoteRow): Promise<'created' | 'replaced'>;
    events(rows: EventRow[]): Promise<void>;
    drops(day: string, counts: Partial<Record<DropReason, number>>): Promise<void>;
  };
}

/** A failed write becomes a 503 (the transaction rolled back: nothing half-written). */
function unavailable(error: unknown): never {
  console.error('database write failed:', (error as Error).message);
  throw new ApiError(503, 'unavailable', 'The database is unavailable; nothing was recorded. Please try again.', [], {
    'Retry-After': '5',
  });
}

export function buildContext(deps: AppDeps): AppContext {
  const { db } = deps;
  const voteCommit = new GroupCommit<VoteRow, 'created' | 'replaced'>(voteWriter(db, deps.sqlite));
  const writeEvents = eventWriter(db, deps.sqlite);
  const eventCommit = new GroupCommit<EventRow[], void>(async (batches) => {
    await writeEvents(batches.flat());
    return batches.map(() => undefined);
  });
  return {
    db,
    catalog: deps.catalog,
    now: deps.now ?? (() => new Date()),
    adminToken: deps.adminToken || undefined,
    identifier: new VisitorIdentifier(db, { site: deps.site ?? 'kb', trustedProxies: new Set(deps.trustedProxies ?? []) }),
    sessions: new SessionTracker((since, until) => recentSessions(db, since, until)),
    limits: { votes: new RateLimiter(deps.rateLimits?.votes ?? 10), events: new RateLimiter(deps.rateLimits?.events ?? 60) },
    writers: {
      vote: (row) => voteCommit.submit(row).catch(unavailable),
      events: (rows) => eventCommit.submit(rows).catch(unavailable),
      drops: (day, counts) => countDrops(db, day, counts).catch(unavailable),
    },
  };
}

export function createApp(deps: AppDeps) {
  const ctx = buildContext(deps);
  const app = new OpenAPIHono({ defaultHook: validationHook });
  // Every response, pages included: nosniff, frame and referrer policies, HSTS.
  app.use('*', secureHeaders());
  const origins = new Set(deps.corsOrigins ?? []);
  // Without configured origins the API is same-origin only and needs no CORS headers at all.
  if (origins.size > 0) {
    app.use(
      '/api/*',
      cors({ origin: (origin) => (origins.has(origin) ? origin : null), allowHeaders: ['Content-Type', 'Authorization'], maxAge: 600 }),
    );
  }
  const api = newRouter();
  api.route('/', healthRoutes(deps));
  api.route('/', articleRoutes(deps));
  api.route('/', voteRoutes(ctx));
  api.route('/', eventRoutes(ctx));
  api.route('/', adminRoutes(ctx));
  api.route('/', linkRoutes(ctx));
  api.route('/', suggestRoutes(ctx, deps.suggest));
  api.route('/', ticketRoutes(ctx));
  api.route('/', webhookRoutes(ctx, deps.webhookSecrets ?? {}));
  api.route('/', contactRoutes(ctx, { trustedProxies: deps.trustedProxies ?? [] }));
  api.route(
    '/',
    metricRoutes(ctx, metricEnv({ ...deps, now: ctx.now }), new MetricCache(deps.metricsCacheSeconds ?? 0, () => ctx.now().getTime())),
  );
  api.route('/', trainingRoutes(ctx, metricEnv({ ...deps, now: ctx.now })));
  app.route('/api', api);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'Staff token (npm run token -- create)',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Knowledge base API',
      version: '1.0.0',
      description:
        'Articles, votes, events, tickets and metrics of the help center. Errors use one envelope: { error: { code, message, details } }.',
    },
  });
  app.all('/api/*', () => {
    throw new ApiError(404, 'not_found', 'No such API endpoint');
  });
  app.onError(handleError);
  return app;
}

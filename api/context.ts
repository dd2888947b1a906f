/**
 * What the API is built from (AppDeps: the database, the catalog, settings) and what every
 * route module gets (AppContext: those plus the shared write pipeline). Its own module so
 * that routes import it and app.ts imports the routes, with no cycle between them.
 */
import type SQLite from 'better-sqlite3';
import type { Db } from './db/index.ts';
import { countDrops, type DropReason } from './db/queries/drops.ts';
import { eventWriter, recentSessions, type EventRow } from './db/queries/events.ts';
import { voteWriter, type VoteRow } from './db/queries/votes.ts';
import type { ArticleCatalog } from './lib/catalog/catalog.ts';
import { ApiError } from './lib/http/errors.ts';
import { GroupCommit } from './lib/ingest/group-commit.ts';
import { VisitorIdentifier } from './lib/ingest/identify.ts';
import { RateLimiter } from './lib/ingest/rate-limit.ts';
import { SessionTracker } from './lib/ingest/sessions.ts';
import type { SuggestIndex } from './suggest/search.ts';
import type { MetricSettings } from './metrics/types.ts';
import type { WebhookSecrets } from '../core/tickets/helpdesks.ts';
import type { TopicTree } from '../core/content/topics.ts';

/** What the API is built from; server.ts reads them from the configuration, tests pass their own. */
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
  /** KB_REPO_URL and KB_REPO_BRANCH, for the drafts' "propose it" link; absent or url '' for none. */
  repo?: { url: string; branch: string };
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

/** The shared state of one app: visitor identification, sessions, rate limits and the group-committed writers. */
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

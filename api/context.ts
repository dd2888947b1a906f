/**
 * What the API is built from (AppDeps: the database, the catalog, settings) and what every
 * route module gets (AppContext: those plus the shared write pipeline). Its own module so
 * that routes import it and app.ts imports the routes, with no cycle between them.
 */
import type SQLite from 'better-sqlite3';
import type { Db } from './db/index.ts';
import { countDrops, type DropReason } from './db/queries/drops.ts';
import { eventWriter, type EventBatch, type EventRow } from './db/queries/events.ts';
import { voteWriter, type VoteRow } from './db/queries/votes.ts';
import type { ArticleCatalog } from './lib/catalog/catalog.ts';
import { ApiError } from './lib/http/errors.ts';
import { GroupCommit } from './lib/ingest/group-commit.ts';
import { VisitorIdentifier } from './lib/ingest/identify.ts';
import { DEFAULT_LIMITS, WriteLimiter } from './lib/ingest/rate-limit.ts';
import { newSessionId, SessionPruner } from './lib/ingest/sessions.ts';
import type { SuggestIndex } from './suggest/search.ts';
import type { MetricSettings } from './metrics/types.ts';
import type { WebhookSecrets } from '../core/tickets/helpdesks.ts';
import type { TopicTree } from '../core/content/topics.ts';
import { DEFAULT_SESSION_SETTINGS, type StaffSessionSettings } from './lib/staff/sessions.ts';
import type { SignInLimitSettings } from './lib/staff/sign-in-limits.ts';
import type { BusinessCalendar } from '../core/tickets/business-hours.ts';
import { DEFAULT_SLA_TARGETS, type SlaTargets } from '../core/tickets/sla-targets.ts';
import { MailOutbox, type MailSettings } from './lib/mail/outbox.ts';
import { RequestInbox } from './lib/requests/inbox.ts';

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
  /** Per-visitor limits per minute, and the per-address ceilings (defaults: DEFAULT_LIMITS, docs/security.md). */
  rateLimits?: { votes: number; events: number; votesPerAddress?: number; eventsPerAddress?: number };
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
  /** KB_SITE_URL's origin: cookie-authenticated writes from it pass the same-origin check (besides the request's own origin). */
  siteOrigin?: string;
  /** Staff sessions' time-outs (KB_SESSION_IDLE_MINUTES, KB_SESSION_MAX_HOURS) in ms and the cookie's Secure flag; defaults for what is missing. */
  staffSessions?: Partial<Pick<StaffSessionSettings, 'idleMs' | 'absoluteMs' | 'secureCookie'>>;
  /** Failed sign-ins allowed per account and per address in a window (api/lib/staff/sign-in-limits.ts); defaults for what is missing. */
  signInLimits?: Partial<SignInLimitSettings>;
  /** E-mail to customers (KB_SMTP_URL, KB_MAIL_FROM, KB_SITE_URL); without a transport no e-mail is stored or sent. */
  mail?: MailSettings;
  /** KB_BUSINESS_HOURS with KB_HOLIDAYS: the inbox's SLA clocks run in working hours. */
  businessCalendar?: BusinessCalendar | undefined;
}

/** What route modules get: the dependencies plus the shared write pipeline. */
export interface AppContext {
  db: Db;
  catalog: ArticleCatalog;
  now: () => Date;
  adminToken: string | undefined;
  /** Staff sessions' settings, with the app's clock. */
  staffSessions: StaffSessionSettings;
  identifier: VisitorIdentifier;
  limits: { votes: WriteLimiter; events: WriteLimiter };
  writers: {
    vote(row: VoteRow): Promise<'created' | 'replaced'>;
    /**
     * Records one request's events, all of `visitor` at `at`, in the session the database
     * decides (db/queries/sessions.ts): the one open for the visitor, or a new one.
     */
    events(visitor: string, at: Date, rows: Array<Omit<EventRow, 'session'>>): Promise<void>;
    drops(day: string, counts: Partial<Record<DropReason, number>>): Promise<void>;
  };
  /** The customer e-mail waiting to be sent. */
  outbox: MailOutbox;
  /** The requests inbox's operations. */
  inbox: RequestInbox;
  /** What the inbox's SLA clocks run against. */
  sla: { targets: SlaTargets; calendar: BusinessCalendar | undefined };
}

/** A failed write becomes a 503 (the transaction rolled back: nothing half-written). */
function unavailable(error: unknown): never {
  console.error('database write failed:', (error as Error).message);
  throw new ApiError(503, 'unavailable', 'The database is unavailable; nothing was recorded. Please try again.', [], {
    'Retry-After': '5',
  });
}

/** The shared state of one app: visitor identification, rate limits and the group-committed writers (sessions are the database's). */
export function buildContext(deps: AppDeps): AppContext {
  const { db } = deps;
  const voteCommit = new GroupCommit<VoteRow, 'created' | 'replaced'>(voteWriter(db, deps.sqlite));
  const writeEvents = eventWriter(db, deps.sqlite);
  const eventCommit = new GroupCommit<EventBatch, void>(async (batches) => {
    await writeEvents(batches);
    return batches.map(() => undefined);
  });
  const now = deps.now ?? (() => new Date());
  const sessionPruner = new SessionPruner(db);
  const outbox = new MailOutbox(db, deps.mail ?? { transport: undefined, from: '', siteUrl: '' }, now);
  return {
    db,
    catalog: deps.catalog,
    now,
    adminToken: deps.adminToken || undefined,
    staffSessions: { ...DEFAULT_SESSION_SETTINGS, ...deps.staffSessions, siteOrigin: deps.siteOrigin, now },
    identifier: new VisitorIdentifier(db, { site: deps.site ?? 'kb', trustedProxies: new Set(deps.trustedProxies ?? []) }),
    limits: {
      votes: new WriteLimiter({
        perVisitor: deps.rateLimits?.votes ?? DEFAULT_LIMITS.votes.perVisitor,
        perAddress: deps.rateLimits?.votesPerAddress ?? DEFAULT_LIMITS.votes.perAddress,
      }),
      events: new WriteLimiter({
        perVisitor: deps.rateLimits?.events ?? DEFAULT_LIMITS.events.perVisitor,
        perAddress: deps.rateLimits?.eventsPerAddress ?? DEFAULT_LIMITS.events.perAddress,
      }),
    },
    writers: {
      vote: (row) => voteCommit.submit(row).catch(unavailable),
      events: async (visitor, at, rows) => {
        const t = at.getTime();
        await eventCommit.submit({ claim: { visitor, session: newSessionId(t), at: t }, rows }).catch(unavailable);
        sessionPruner.maybePrune(t);
      },
      drops: (day, counts) => countDrops(db, day, counts).catch(unavailable),
    },
    outbox,
    inbox: new RequestInbox(db, outbox, now),
    sla: { targets: deps.metricSettings?.slaTargets ?? DEFAULT_SLA_TARGETS, calendar: deps.businessCalendar },
  };
}

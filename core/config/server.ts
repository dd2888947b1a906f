/**
 * The server's settings (`npm start`, `npm run api`), read once at start and validated, so a
 * mistake in a variable stops the start with a message naming it.
 */
import { resolve } from 'node:path';
import { WEBHOOK_HELPDESKS, webhookSecretVariable, type WebhookSecrets } from '../tickets/helpdesks.ts';
import type { SlaTargets } from '../tickets/sla-targets.ts';
import type { BusinessCalendar } from '../tickets/business-hours.ts';
import { processEnv, type Env } from './env.ts';
import { readVariables } from './read.ts';
import { namesReadBy } from './schema.ts';

/** What the server runs with. Paths are absolute. */
export interface ServerConfig {
  port: number;
  host: string;
  /** SQLite database file (KB_DB); unused when `databaseUrl` is set. */
  dbFile: string;
  /** PostgreSQL connection string (DATABASE_URL); undefined: SQLite at `dbFile`. */
  databaseUrl: string | undefined;
  /** Connections kept open to PostgreSQL (KB_DB_POOL_SIZE). */
  dbPoolSize: number;
  /** The built site the server serves and whose manifest the API reads (KB_DIST_DIR). */
  distDir: string;
  /** Where topics.yaml is read from (KB_CONTENT_DIR). */
  contentDir: string;
  /** Accepted as an admin token (KB_ADMIN_TOKEN). */
  adminToken: string | undefined;
  /** Proxies whose X-Forwarded-For is trusted (KB_TRUSTED_PROXIES). */
  trustedProxies: string[];
  /** Origins allowed to call the API from a browser (KB_CORS_ORIGINS). */
  corsOrigins: string[];
  /** The public host (KB_SITE_URL's), mixed into visitor hashes. */
  site: string;
  /** KB_SITE_URL's origin: cookie-authenticated writes must come from it (or the request's own origin). */
  siteOrigin: string;
  /** Staff sign-in sessions: KB_SESSION_IDLE_MINUTES and KB_SESSION_MAX_HOURS in ms; `Secure` cookies when KB_SITE_URL is https. */
  staffSessions: { idleMs: number; absoluteMs: number; secureCookie: boolean };
  /** Webhook secrets of the helpdesks that have one (KB_WEBHOOK_SECRET_<HELPDESK>). */
  webhookSecrets: WebhookSecrets;
  /** KB_SLA_TARGETS, KB_EDIT_URL ('' for none), KB_TRAINING_VALIDITY_DAYS, KB_METRICS_MATURITY_DAYS. */
  metricSettings: { slaTargets: SlaTargets; editUrlBase: string; trainingValidityDays: number; maturityDays: number };
  /** The public address (KB_SITE_URL, no trailing slash), for links in e-mail. */
  siteUrl: string;
  /** KB_BUSINESS_HOURS with KB_HOLIDAYS; undefined: the inbox's SLA clocks run in calendar hours. */
  businessCalendar: BusinessCalendar | undefined;
  /** KB_SMTP_URL (undefined: no e-mail) and KB_MAIL_FROM. */
  mail: { smtpUrl: string | undefined; from: string };
  /** KB_REPORT_RECIPIENTS ([] for none), KB_REPORT_PERIOD and KB_REPORT_LANG: the e-mailed period report. */
  reportMail: { recipients: string[]; period: 'month' | 'quarter'; lang: 'zh-CN' | 'en' };
  /** KB_REPO_URL and KB_REPO_BRANCH: where "propose it" sends a draft; url '' for none. */
  repo: { url: string; branch: string };
  /** KB_METRICS_CACHE_SECONDS: how long a computed metric result is reused. */
  metricsCacheSeconds: number;
  /** KB_DEMO: seed demo data when the server starts on an empty database. */
  demo: boolean;
  /** KB_CHECKPOINT_THREAD: run WAL checkpoints in a background thread. */
  checkpointThread: boolean;
}

/** The server's settings from `env` (this process's by default); throws a ConfigError naming every bad variable. */
export function serverConfig(env: Env = processEnv()): ServerConfig {
  const v = readVariables(namesReadBy('server'), env);
  const webhookSecrets: WebhookSecrets = {};
  for (const helpdesk of WEBHOOK_HELPDESKS) {
    const secret = v[webhookSecretVariable(helpdesk)];
    if (secret !== undefined) webhookSecrets[helpdesk] = secret;
  }
  return {
    port: v.PORT,
    host: v.HOST,
    dbFile: resolve(v.KB_DB),
    databaseUrl: v.DATABASE_URL,
    dbPoolSize: v.KB_DB_POOL_SIZE,
    distDir: resolve(v.KB_DIST_DIR),
    contentDir: resolve(v.KB_CONTENT_DIR),
    adminToken: v.KB_ADMIN_TOKEN,
    trustedProxies: v.KB_TRUSTED_PROXIES ?? [],
    corsOrigins: v.KB_CORS_ORIGINS ?? [],
    site: new URL(v.KB_SITE_URL).host,
    siteOrigin: new URL(v.KB_SITE_URL).origin,
    staffSessions: {
      idleMs: v.KB_SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: v.KB_SESSION_MAX_HOURS * 3_600_000,
      secureCookie: new URL(v.KB_SITE_URL).protocol === 'https:',
    },
    webhookSecrets,
    metricSettings: {
      slaTargets: v.KB_SLA_TARGETS,
      editUrlBase: v.KB_EDIT_URL ?? '',
      trainingValidityDays: v.KB_TRAINING_VALIDITY_DAYS,
      maturityDays: v.KB_METRICS_MATURITY_DAYS,
    },
    siteUrl: v.KB_SITE_URL,
    businessCalendar: v.KB_BUSINESS_HOURS ? { ...v.KB_BUSINESS_HOURS, holidays: v.KB_HOLIDAYS ?? new Set<string>() } : undefined,
    mail: { smtpUrl: v.KB_SMTP_URL, from: v.KB_MAIL_FROM },
    reportMail: { recipients: v.KB_REPORT_RECIPIENTS ?? [], period: v.KB_REPORT_PERIOD, lang: v.KB_REPORT_LANG },
    repo: { url: v.KB_REPO_URL ?? '', branch: v.KB_REPO_BRANCH },
    metricsCacheSeconds: v.KB_METRICS_CACHE_SECONDS,
    demo: v.KB_DEMO,
    checkpointThread: v.KB_CHECKPOINT_THREAD,
  };
}

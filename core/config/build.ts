/**
 * The build's settings (`npm run build`, the Astro config and the pages it renders), validated
 * so a mistake stops the build with a message naming the variable.
 */
import { resolve } from 'node:path';
import { processEnv, type Env } from './env.ts';
import { readVariables } from './read.ts';
import { namesReadBy } from './schema.ts';

/** What a build is made with. Paths are absolute. */
export interface BuildConfig {
  /** Where articles and topics.yaml are read from (KB_CONTENT_DIR). */
  contentDir: string;
  /** Where the site is written (KB_OUT_DIR). */
  outDir: string;
  /** The database the build syncs created-from links into, when it exists (KB_DB). */
  dbFile: string;
  /** PostgreSQL instead of `dbFile` (DATABASE_URL); undefined: SQLite. */
  databaseUrl: string | undefined;
  /** Connections to PostgreSQL (KB_DB_POOL_SIZE). */
  dbPoolSize: number;
  /** `internal` builds the agents' edition, which includes internal articles (KB_AUDIENCE). */
  audience: 'public' | 'internal';
  /** The public address without a trailing slash, for canonical, Open Graph and sitemap URLs (KB_SITE_URL). */
  siteUrl: string;
  /** The helpdesk's new-ticket form; '' when the team has none (KB_TICKET_URL). */
  ticketUrl: string;
  /** The form's query parameter that takes the subject (KB_TICKET_SUBJECT_PARAM). */
  ticketSubjectParam: string;
  /** Origin of the API the islands call; '' for the site's own origin (KB_API_ORIGIN). */
  apiOrigin: string;
}

/** The build's settings from `env` (this process's by default); throws a ConfigError naming every bad variable. */
export function buildConfig(env: Env = processEnv()): BuildConfig {
  const v = readVariables(namesReadBy('build'), env);
  return {
    contentDir: resolve(v.KB_CONTENT_DIR),
    outDir: resolve(v.KB_OUT_DIR),
    dbFile: resolve(v.KB_DB),
    databaseUrl: v.DATABASE_URL,
    dbPoolSize: v.KB_DB_POOL_SIZE,
    audience: v.KB_AUDIENCE,
    siteUrl: v.KB_SITE_URL,
    ticketUrl: v.KB_TICKET_URL ?? '',
    ticketSubjectParam: v.KB_TICKET_SUBJECT_PARAM,
    apiOrigin: v.KB_API_ORIGIN ?? '',
  };
}

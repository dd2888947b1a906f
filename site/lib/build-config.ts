/**
 * Settings that shape a build (core/config/build.ts, docs/configuration.md), read once and
 * validated. The Astro config, the content collection and the pages share them.
 */
import { buildConfig } from '../../core/config/build.ts';

const config = buildConfig();

/** Where articles and topics.yaml are read from. */
export const contentDir = config.contentDir;

/** Where the site is written. */
export const outDir = config.outDir;

/** `internal` builds the agents' edition, which includes internal articles (marked). */
export const audience = config.audience;

/** Where the helpdesk's new-ticket form lives, when the team uses one; '' otherwise. */
export const ticketUrl = config.ticketUrl;

/**
 * The query parameter of the helpdesk's new-ticket form that takes the subject
 * (KB_TICKET_SUBJECT_PARAM): the contact page forwards the visitor's problem in it.
 */
export const ticketSubjectParam = config.ticketSubjectParam;

/** The public origin, for sitemap, canonical and Open Graph URLs (no trailing slash). */
export const siteUrl = config.siteUrl;

/** Origin of the API the islands call; '' for the site's own origin. */
export const apiOrigin = config.apiOrigin;

/**
 * Settings that shape a build, read once from the environment (see README's
 * configuration table). The Astro config, the content collection and the pages share them.
 */
import { resolve } from 'node:path';

/** Where articles and topics.yaml are read from. */
export const contentDir = resolve(process.env.KB_CONTENT_DIR || 'content');

/** `internal` builds the agents' edition, which includes internal articles (marked). */
export const audience: 'public' | 'internal' = process.env.KB_AUDIENCE === 'internal' ? 'internal' : 'public';

/** Where the helpdesk's new-ticket form lives, when the team uses one. */
export const ticketUrl = process.env.KB_TICKET_URL || '';

/**
 * The query parameter of the helpdesk's new-ticket form that takes the subject
 * (KB_TICKET_SUBJECT_PARAM): the contact page forwards the visitor's problem in it.
 */
export const ticketSubjectParam = process.env.KB_TICKET_SUBJECT_PARAM || 'subject';

/** The public origin, for sitemap and Open Graph URLs. */
export const siteUrl = (process.env.KB_SITE_URL || 'http://127.0.0.1:4321').replace(/\/$/, '');

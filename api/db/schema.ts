/**
 * Table types for Kysely: the storage layer's view of the database. Each migration that
 * adds a table adds its interface here. Times are ISO-8601 UTC strings; days YYYY-MM-DD (UTC).
 */
import type { Generated } from 'kysely';

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface VotesTable {
  id: Generated<number>;
  article: string;
  /** Daily-salted visitor hash; never an IP or user agent. */
  visitor: string;
  day: string;
  helpful: number;
  reason: string | null;
  comment: string | null;
  lang: string | null;
  /** 1 when first cast, +1 each time the visitor replaces it the same day. */
  revision: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface EventsTable {
  id: Generated<number>;
  type: string;
  visitor: string;
  session: string;
  created_at: string;
  lang: string | null;
  article: string | null;
  path: string | null;
  referrer: string | null;
  query: string | null;
  query_norm: string | null;
  results: number | null;
  rank: number | null;
  /** JSON object of the search filters. */
  filters: string | null;
  /** JSON array of article ids (suggestions shown). */
  articles: string | null;
  ticket_ref: string | null;
}

export interface DropCountsTable {
  day: string;
  reason: string;
  count: number;
}

export interface VisitorSaltsTable {
  day: string;
  salt: string;
  created_at: string;
}

export interface StaffTokensTable {
  id: Generated<number>;
  name: string;
  role: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface TicketsTable {
  source: string;
  id: string;
  subject: string;
  description: string | null;
  resolution: string | null;
  topic: string | null;
  product: string | null;
  priority: string;
  status: string;
  channel: string | null;
  requester: string | null;
  agent: string | null;
  tier: number;
  escalated: number;
  created_at: string;
  first_response_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  csat: number | null;
  reopened: number | null;
  reassigned: number | null;
  sla_met: number | null;
  knowledge_used: number | null;
  lang: string | null;
  updated_at: string;
}

export interface TicketLinksTable {
  ticket_id: string;
  /** '' when the link does not say which source (ids unique across sources). */
  ticket_source: string;
  article: string;
  relation: string;
  created_at: string;
}

/** Helpdesk webhook deliveries already applied (migration 0004). */
export interface WebhookDeliveriesTable {
  source: string;
  delivery_id: string;
  ticket_id: string;
  /** The helpdesk's updated_at of the delivered ticket; '' when it sent none. */
  ticket_updated_at: string;
  received_at: string;
}

export interface Database {
  settings: SettingsTable;
  votes: VotesTable;
  events: EventsTable;
  drop_counts: DropCountsTable;
  visitor_salts: VisitorSaltsTable;
  staff_tokens: StaffTokensTable;
  tickets: TicketsTable;
  ticket_links: TicketLinksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}

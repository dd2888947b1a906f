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

/** Each visitor's open (or last) session, shared by every replica (migration 0010, queries/sessions.ts). */
export interface VisitorSessionsTable {
  visitor: string;
  session: string;
  /** Milliseconds since the epoch of the visitor's latest event. */
  last_seen_ms: number;
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

/** A person who signs in (migration 0011). */
export interface StaffUsersTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  role: string;
  team: string | null;
  agent_id: string | null;
  password_hash: string | null;
  disabled_at: string | null;
  created_at: string;
}

/** A signed-in browser (migration 0011); the cookie holds the id, the table its SHA-256. */
export interface StaffSessionsTable {
  id_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
}

/** A one-time link that sets a password (migration 0011). */
export interface StaffPasswordLinksTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
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
  /** Seconds from created_at to first_response_at, filled at upsert (migration 0006); null without a response. */
  first_response_seconds: number | null;
  /** Seconds from created_at to resolved_at (or closed_at lacking it); null while unresolved (migration 0006). */
  resolution_seconds: number | null;
  /** Minutes agents logged on the ticket, when the source records time (migration 0015). */
  minutes_logged: number | null;
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
  /** The helpdesk's updated_at of the delivered ticket, or the delivery's signed timestamp when it sent none (issue 14); '' for deliveries of older versions. */
  ticket_updated_at: string;
  received_at: string;
}

/** Training completions (migration 0007, issue #6). */
export interface TrainingRecordsTable {
  id: Generated<number>;
  agent: string;
  article: string;
  completed_at: string;
  created_at: string;
  created_by: string | null;
}

/** The optional roster: names and teams of ticket agents (migration 0007). */
export interface AgentRosterTable {
  agent: string;
  name: string;
  team: string;
  updated_at: string;
}

/** Metric roll-ups (migration 0005): counts per quarter-hour `bucket` (epoch ms / 900,000) or UTC `day` (bucket / 96). */
export interface MetricSessionBucketsTable {
  bucket: number;
  /** '' when the event had no lang. */
  lang: string;
  sessions: number;
}

export interface MetricContactBucketsTable {
  bucket: number;
  lang: string;
  contact_sessions: number;
  explicit: number;
  implicit: number;
  submitted: number;
}

export interface MetricSearchBucketsTable {
  bucket: number;
  lang: string;
  searches: number;
  no_result: number;
  clicked: number;
}

export interface MetricQueryQuartersTable {
  bucket: number;
  lang: string;
  query_norm: string;
  searches: number;
  no_result: number;
  clicked: number;
}

export interface MetricQueryDaysTable {
  day: number;
  lang: string;
  query_norm: string;
  searches: number;
  no_result: number;
  clicked: number;
}

export interface MetricViewQuartersTable {
  bucket: number;
  article: string;
  lang: string;
  views: number;
}

export interface MetricViewDaysTable {
  day: number;
  article: string;
  lang: string;
  views: number;
}

/** Agents' flags on articles (migration 0013, issue 17). */
export interface ArticleFlagsTable {
  id: Generated<number>;
  article: string;
  reason: string;
  note: string | null;
  /** open | closed */
  status: string;
  created_at: string;
  created_by: string;
  /** `<source>:<id>` of the ticket it was raised from. */
  ticket: string | null;
  closed_at: string | null;
  closed_by: string | null;
  /** fixed | dismissed */
  closed_how: string | null;
  close_note: string | null;
}

/** Which revision of a vote's comment staff have handled (migration 0013). */
export interface VoteCommentsHandledTable {
  vote_id: number;
  revision: number;
  handled_at: string;
  handled_by: string;
}

/** A web request's customer key (hashed) and survey answer (migration 0012, issue 16). */
export interface RequestAccessTable {
  ticket_id: string;
  survey_solved: number | null;
  survey_rating: number | null;
  survey_comment: string | null;
  survey_at: string | null;
  created_at: string;
}

/** A web request's customer keys, SHA-256 hashed: one per link handed out (migration 0012). */
export interface RequestKeysTable {
  ticket_id: string;
  key_hash: string;
  created_at: string;
}

/** A request's conversation (migration 0012): customer messages, staff replies, internal notes. */
export interface RequestMessagesTable {
  id: Generated<number>;
  ticket_source: string;
  ticket_id: string;
  kind: string;
  author: string;
  body: string;
  minutes: number | null;
  created_at: string;
}

/** Every action on a request (migration 0012); before/after are JSON objects. */
export interface RequestHistoryTable {
  id: Generated<number>;
  ticket_source: string;
  ticket_id: string;
  action: string;
  actor: string;
  minutes: number | null;
  note: string | null;
  before: string | null;
  after: string | null;
  created_at: string;
}

/** E-mail stored before it is sent (migration 0012). */
export interface MailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body: string;
  kind: string;
  ticket_id: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  sent_at: string | null;
  last_error: string | null;
  created_at: string;
}

export interface Database {
  settings: SettingsTable;
  votes: VotesTable;
  events: EventsTable;
  drop_counts: DropCountsTable;
  visitor_salts: VisitorSaltsTable;
  visitor_sessions: VisitorSessionsTable;
  staff_tokens: StaffTokensTable;
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  staff_password_links: StaffPasswordLinksTable;
  tickets: TicketsTable;
  ticket_links: TicketLinksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  metric_session_buckets: MetricSessionBucketsTable;
  metric_contact_buckets: MetricContactBucketsTable;
  metric_search_buckets: MetricSearchBucketsTable;
  metric_query_quarters: MetricQueryQuartersTable;
  metric_query_days: MetricQueryDaysTable;
  metric_view_quarters: MetricViewQuartersTable;
  metric_view_days: MetricViewDaysTable;
  training_records: TrainingRecordsTable;
  agent_roster: AgentRosterTable;
  article_flags: ArticleFlagsTable;
  vote_comments_handled: VoteCommentsHandledTable;
  request_access: RequestAccessTable;
  request_keys: RequestKeysTable;
  request_messages: RequestMessagesTable;
  request_history: RequestHistoryTable;
  mail_outbox: MailOutboxTable;
}

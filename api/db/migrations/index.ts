/**
 * Every migration, in order. Listed statically (not read from a folder) so that bundling
 * or a different working directory cannot change which ones run. Names are numbered.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001_settings.ts';
import * as m0002 from './0002_analytics.ts';
import * as m0003 from './0003_tickets.ts';
import * as m0004 from './0004_webhook_deliveries.ts';
import * as m0005 from './0005_metric_rollups.ts';
import * as m0006 from './0006_ticket_metrics.ts';
import * as m0007 from './0007_training.ts';
import * as m0008 from './0008_lean_ingestion_indexes.ts';
import * as m0009 from './0009_events_by_time.ts';
import * as m0010 from './0010_visitor_sessions.ts';
import * as m0011 from './0011_staff_accounts.ts';
import * as m0012 from './0012_requests.ts';
import * as m0013 from './0013_kcs.ts';
import * as m0015 from './0015_ticket_minutes.ts';
import * as m0018 from './0018_postgres_event_writer.ts';
import * as m0020 from './0020_not_helpful_votes.ts';

export const migrations: Record<string, Migration> = {
  '0001_settings': m0001,
  '0002_analytics': m0002,
  '0003_tickets': m0003,
  '0004_webhook_deliveries': m0004,
  '0005_metric_rollups': m0005,
  '0006_ticket_metrics': m0006,
  '0007_training': m0007,
  '0008_lean_ingestion_indexes': m0008,
  '0009_events_by_time': m0009,
  '0010_visitor_sessions': m0010,
  '0011_staff_accounts': m0011,
  '0012_requests': m0012,
  '0013_kcs': m0013,
  '0015_ticket_minutes': m0015,
  '0018_postgres_event_writer': m0018,
  '0020_not_helpful_votes': m0020,
};

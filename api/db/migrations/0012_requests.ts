/**
 * The requests inbox (issue 16, docs/design.md §7): a web request is a ticket (source `web`)
 * with its customer key, a conversation, a history of every action and an outbox for the
 * e-mail it sends. Nothing is overwritten: messages and history rows are only ever inserted;
 * the ticket's columns hold the current state the KPIs read (api/metrics/support.ts).
 */
import type { Kysely } from 'kysely';
import { rowId, text } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per web request: what only the inbox needs (the ticket row is shared with imports).
  await db.schema
    .createTable('request_access')
    .addColumn('ticket_id', text(db), (c) => c.primaryKey())
    .addColumn('survey_solved', 'integer')
    .addColumn('survey_rating', 'integer')
    .addColumn('survey_comment', text(db))
    .addColumn('survey_at', text(db))
    .addColumn('created_at', text(db), (c) => c.notNull())
    .execute();

  // The customer's keys: one per link sent (the confirmation page and every e-mail carry a
  // fresh one), each SHA-256 hashed; the keys themselves are never stored.
  await db.schema
    .createTable('request_keys')
    .addColumn('ticket_id', text(db), (c) => c.notNull())
    .addColumn('key_hash', text(db), (c) => c.notNull())
    .addColumn('created_at', text(db), (c) => c.notNull())
    .addPrimaryKeyConstraint('request_keys_pk', ['ticket_id', 'key_hash'])
    .execute();

  await db.schema
    .createTable('request_messages')
    .addColumn('id', ...rowId(db, { autoIncrement: true }))
    .addColumn('ticket_source', text(db), (c) => c.notNull())
    .addColumn('ticket_id', text(db), (c) => c.notNull())
    /** customer | reply | note (internal, never shown to the customer). */
    .addColumn('kind', text(db), (c) => c.notNull())
    /** The staff member's name, or '' for the customer. */
    .addColumn('author', text(db), (c) => c.notNull())
    .addColumn('body', text(db), (c) => c.notNull())
    .addColumn('minutes', 'integer')
    .addColumn('created_at', text(db), (c) => c.notNull())
    .execute();
  // A request's conversation, in order.
  await db.schema.createIndex('request_messages_ticket').on('request_messages').columns(['ticket_source', 'ticket_id', 'id']).execute();

  await db.schema
    .createTable('request_history')
    .addColumn('id', ...rowId(db, { autoIncrement: true }))
    .addColumn('ticket_source', text(db), (c) => c.notNull())
    .addColumn('ticket_id', text(db), (c) => c.notNull())
    /** create | reply | note | customer-reply | assign | set | escalate | resolve | reopen | survey | auto-close */
    .addColumn('action', text(db), (c) => c.notNull())
    /** Who: a staff name, 'customer' or 'system'. */
    .addColumn('actor', text(db), (c) => c.notNull())
    .addColumn('minutes', 'integer')
    .addColumn('note', text(db))
    /** JSON objects of the ticket fields the action changed, before and after. */
    .addColumn('before', text(db))
    .addColumn('after', text(db))
    .addColumn('created_at', text(db), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('request_history_ticket').on('request_history').columns(['ticket_source', 'ticket_id', 'id']).execute();

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', ...rowId(db, { autoIncrement: true }))
    .addColumn('to_address', text(db), (c) => c.notNull())
    .addColumn('subject', text(db), (c) => c.notNull())
    .addColumn('body', text(db), (c) => c.notNull())
    /** received | reply | resolved */
    .addColumn('kind', text(db), (c) => c.notNull())
    .addColumn('ticket_id', text(db), (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', text(db), (c) => c.notNull())
    .addColumn('sent_at', text(db))
    .addColumn('last_error', text(db))
    .addColumn('created_at', text(db), (c) => c.notNull())
    .execute();
  // The sender's scan: unsent mail that is due.
  await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['sent_at', 'next_attempt_at']).execute();
  // The auto-close sweep: resolved web requests by resolution time.
  await db.schema.createIndex('tickets_status_resolved').on('tickets').columns(['source', 'status', 'resolved_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('tickets_status_resolved').execute();
  await db.schema.dropTable('mail_outbox').execute();
  await db.schema.dropTable('request_history').execute();
  await db.schema.dropTable('request_messages').execute();
  await db.schema.dropTable('request_keys').execute();
  await db.schema.dropTable('request_access').execute();
}

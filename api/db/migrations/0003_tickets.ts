/** Tickets in canonical form and their links to articles (docs/design.md §1). */
import type { Kysely } from 'kysely';
import { text } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tickets')
    .addColumn('source', text(db), (c) => c.notNull())
    .addColumn('id', text(db), (c) => c.notNull())
    .addColumn('subject', text(db), (c) => c.notNull())
    .addColumn('description', text(db))
    .addColumn('resolution', text(db))
    .addColumn('topic', text(db))
    .addColumn('product', text(db))
    .addColumn('priority', text(db), (c) => c.notNull())
    .addColumn('status', text(db), (c) => c.notNull())
    .addColumn('channel', text(db))
    .addColumn('requester', text(db))
    .addColumn('agent', text(db))
    .addColumn('tier', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('escalated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text(db), (c) => c.notNull())
    .addColumn('first_response_at', text(db))
    .addColumn('resolved_at', text(db))
    .addColumn('closed_at', text(db))
    .addColumn('csat', 'integer')
    .addColumn('reopened', 'integer')
    .addColumn('reassigned', 'integer')
    .addColumn('sla_met', 'integer')
    .addColumn('knowledge_used', 'integer')
    .addColumn('lang', text(db))
    .addColumn('updated_at', text(db), (c) => c.notNull())
    .addPrimaryKeyConstraint('tickets_pk', ['source', 'id'])
    .execute();
  await db.schema.createIndex('tickets_created').on('tickets').column('created_at').execute();
  await db.schema.createIndex('tickets_topic_created').on('tickets').columns(['topic', 'created_at']).execute();
  await db.schema.createIndex('tickets_agent').on('tickets').columns(['agent', 'created_at']).execute();
  await db.schema.createIndex('tickets_id').on('tickets').column('id').execute();

  // A link names the ticket by id (and source when known); a created-from link may name a
  // ticket not imported yet, so there is no foreign key: it counts once the ticket arrives.
  await db.schema
    .createTable('ticket_links')
    .addColumn('ticket_id', text(db), (c) => c.notNull())
    .addColumn('ticket_source', text(db), (c) => c.notNull().defaultTo(''))
    .addColumn('article', text(db), (c) => c.notNull())
    .addColumn('relation', text(db), (c) => c.notNull())
    .addColumn('created_at', text(db), (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_links_pk', ['ticket_id', 'ticket_source', 'article', 'relation'])
    .execute();
  await db.schema.createIndex('ticket_links_article').on('ticket_links').column('article').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ticket_links').execute();
  await db.schema.dropTable('tickets').execute();
}

/**
 * Helpdesk webhook deliveries already applied: a redelivery (same delivery id) is
 * acknowledged without writing again, and an event older than one already applied for the
 * same ticket (helpdesks do not promise order) does not roll the ticket back.
 */
import type { Kysely } from 'kysely';
import { text } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('source', text(db), (c) => c.notNull())
    .addColumn('delivery_id', text(db), (c) => c.notNull())
    .addColumn('ticket_id', text(db), (c) => c.notNull())
    /** The helpdesk's updated_at of the ticket in this delivery ('' when it sent none). */
    .addColumn('ticket_updated_at', text(db), (c) => c.notNull())
    .addColumn('received_at', text(db), (c) => c.notNull())
    .addPrimaryKeyConstraint('webhook_deliveries_pk', ['source', 'delivery_id'])
    .execute();
  // latestDelivery(): the newest applied event of one ticket.
  await db.schema
    .createIndex('webhook_deliveries_ticket')
    .on('webhook_deliveries')
    .columns(['source', 'ticket_id', 'ticket_updated_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('webhook_deliveries').execute();
}

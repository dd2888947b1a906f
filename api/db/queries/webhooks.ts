/** Applied helpdesk webhook deliveries (redelivery and out-of-order detection). */
import type { Db } from '../index.ts';

/** Whether this delivery id of this source was applied before. */
export async function deliverySeen(db: Db, source: string, deliveryId: string): Promise<boolean> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .select('delivery_id')
    .where('source', '=', source)
    .where('delivery_id', '=', deliveryId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The helpdesk's updated_at of the newest event applied to one ticket, or null. */
export async function latestDelivery(db: Db, source: string, ticketId: string): Promise<string | null> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .select('ticket_updated_at')
    .where('source', '=', source)
    .where('ticket_id', '=', ticketId)
    .orderBy('ticket_updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? row.ticket_updated_at : null;
}

/** Records a delivery as applied; a second record of the same id is ignored. */
export async function recordDelivery(
  db: Db,
  d: { source: string; deliveryId: string; ticketId: string; ticketUpdatedAt: string; receivedAt: Date },
): Promise<void> {
  await db
    .insertInto('webhook_deliveries')
    .values({
      source: d.source,
      delivery_id: d.deliveryId,
      ticket_id: d.ticketId,
      ticket_updated_at: d.ticketUpdatedAt,
      received_at: d.receivedAt.toISOString(),
    })
    .onConflict((oc) => oc.columns(['source', 'delivery_id']).doNothing())
    .execute();
}

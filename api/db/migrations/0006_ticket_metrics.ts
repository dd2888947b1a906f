/**
 * Ticket and vote metrics (issue #5) stay cheap at 100,000 rows.
 * - tickets get `first_response_seconds` and `resolution_seconds`, filled at upsert
 *   (api/db/queries/tickets.ts) and backfilled here: durations then sort and aggregate in plain SQL
 *   on both databases (SQLite's julianday is SQLite-only, docs/design.md §6), and parsing two ISO
 *   times per ticket per request in JavaScript is not needed. resolution_seconds is set
 *   exactly when the ticket is resolved (resolvedAt, or closedAt lacking it, docs/design.md §4).
 * - tickets_metrics covers the support, KCS and content-gap queries (api/db/queries/metrics-tickets.ts):
 *   a range on created_at reads only index pages; source and id come last so the join to
 *   ticket_links needs no table look-up either.
 * - votes: votes_created (created_at) is replaced by a covering index with the columns the
 *   helpfulness metrics read, so votes keep the same number of indexes (ingestion speed).
 */
import type { Kysely } from 'kysely';

const SECOND = 1000;
const BACKFILL_CHUNK = 2000;

/** Whole seconds from `from` to `to` (ISO times); null when `to` is missing. Kept here, not imported, so the migration never changes. */
function secondsBetween(from: string, to: string | null | undefined): number | null {
  if (!to) return null;
  return Math.round((Date.parse(to) - Date.parse(from)) / SECOND);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('first_response_seconds', 'integer').execute();
  await db.schema.alterTable('tickets').addColumn('resolution_seconds', 'integer').execute();

  // Backfill in chunks by primary key, computing in JavaScript (portable).
  type Row = {
    source: string;
    id: string;
    created_at: string;
    first_response_at: string | null;
    resolved_at: string | null;
    closed_at: string | null;
  };
  const k = db as unknown as Kysely<{ tickets: Row & { first_response_seconds: number | null; resolution_seconds: number | null } }>;
  let after: { source: string; id: string } | null = null;
  for (;;) {
    let query = k.selectFrom('tickets').select(['source', 'id', 'created_at', 'first_response_at', 'resolved_at', 'closed_at']);
    if (after) {
      const { source, id } = after;
      query = query.where((eb) => eb.or([eb('source', '>', source), eb.and([eb('source', '=', source), eb('id', '>', id)])]));
    }
    const rows = await query.orderBy('source').orderBy('id').limit(BACKFILL_CHUNK).execute();
    if (rows.length === 0) break;
    const fill = async (trx: typeof k) => {
      for (const r of rows) {
        await trx
          .updateTable('tickets')
          .set({
            first_response_seconds: secondsBetween(r.created_at, r.first_response_at),
            resolution_seconds: secondsBetween(r.created_at, r.resolved_at ?? r.closed_at),
          })
          .where('source', '=', r.source)
          .where('id', '=', r.id)
          .execute();
      }
    };
    // One commit per chunk, not per ticket. Kysely runs migrations inside a transaction where the
    // database has transactional DDL (PostgreSQL); there the chunk joins it.
    if (k.isTransaction) await fill(k);
    else await k.transaction().execute((trx) => fill(trx));
    const last = rows[rows.length - 1]!;
    after = { source: last.source, id: last.id };
  }

  await db.schema
    .createIndex('tickets_metrics')
    .on('tickets')
    .columns([
      'created_at',
      'priority',
      'topic',
      'lang',
      'resolution_seconds',
      'first_response_seconds',
      'escalated',
      'reopened',
      'csat',
      'sla_met',
      'knowledge_used',
      'source',
      'id',
    ])
    .execute();

  await db.schema.createIndex('votes_created_covering').on('votes').columns(['created_at', 'article', 'helpful', 'reason']).execute();
  await db.schema.dropIndex('votes_created').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('votes_created').on('votes').column('created_at').execute();
  await db.schema.dropIndex('votes_created_covering').execute();
  await db.schema.dropIndex('tickets_metrics').execute();
  await db.schema.alterTable('tickets').dropColumn('resolution_seconds').execute();
  await db.schema.alterTable('tickets').dropColumn('first_response_seconds').execute();
}

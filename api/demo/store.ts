/**
 * The seed's reads and writes: whether a database already holds data, and bulk inserts of
 * generated rows in one transaction per batch, with queries written once in Kysely.
 */
import type SQLite from 'better-sqlite3';
import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../db/index.ts';
import type { LinkRow } from '../db/queries/links.ts';
import { serializeEventIds, type EventRow } from '../db/queries/events.ts';
import type { Database, TicketLinksTable, TicketsTable } from '../db/schema.ts';
import { prepareFromKysely } from '../db/driver/prepared.ts';
import { ticketToRow } from '../db/queries/tickets.ts';
import type { Ticket } from '../../core/tickets/ticket.ts';
import type { VoteInsert } from './votes.ts';

/** Values per INSERT statement, under SQLite's bound-value limit (32,766; PostgreSQL's is 65,535). */
const MAX_VALUES_PER_STATEMENT = 30_000;

/**
 * The tables that already hold data, in words ("events", "votes", "tickets", "links");
 * empty when the seed may run. Created-from links do not count: the server derives them
 * from the content's frontmatter on every start.
 */
export async function tablesWithData(db: Db): Promise<string[]> {
  const found: string[] = [];
  if (await db.selectFrom('events').select('id').limit(1).executeTakeFirst()) found.push('events');
  if (await db.selectFrom('votes').select('id').limit(1).executeTakeFirst()) found.push('votes');
  if (await db.selectFrom('tickets').select('id').limit(1).executeTakeFirst()) found.push('tickets');
  if (await db.selectFrom('ticket_links').select('ticket_id').where('relation', '!=', 'created-from').limit(1).executeTakeFirst())
    found.push('links');
  return found;
}

/** Rows generated for one stretch of time. */
export interface SeedBatch {
  events: EventRow[];
  votes: VoteInsert[];
  tickets: Ticket[];
  links: LinkRow[];
}

type SeedTable = 'events' | 'votes' | 'tickets' | 'ticket_links';
type TableRows = { [T in SeedTable]: Insertable<Database[T]>[] };

/** The batch as rows of each table (tickets through the storage layer's own mapping). */
function tableRows(batch: SeedBatch, now: Date): TableRows {
  const at = now.toISOString();
  return {
    events: batch.events,
    votes: batch.votes,
    tickets: batch.tickets.map((t): Insertable<TicketsTable> => ticketToRow(t, at)),
    ticket_links: batch.links.map((l): Insertable<TicketLinksTable> => ({
      ticket_id: l.ticket,
      ticket_source: l.source,
      article: l.article,
      relation: l.relation,
      created_at: l.createdAt,
    })),
  };
}

const TABLES: SeedTable[] = ['events', 'votes', 'tickets', 'ticket_links'];

/**
 * Returns a function that writes a batch in one transaction (all or nothing). With the
 * SQLite connection, each table's INSERT is compiled once by Kysely and run as a prepared
 * statement per row (about 5 µs a row); without it, as multi-row Kysely inserts (the
 * portable path, several times slower on SQLite because every statement is prepared anew).
 */
export function seedWriter(db: Db, sqlite?: SQLite.Database): (batch: SeedBatch, now: Date) => Promise<void> {
  if (!sqlite) {
    return async (batch, now) => {
      const rows = tableRows(batch, now);
      await db.transaction().execute(async (trx) => {
        await serializeEventIds(trx);
        for (const table of TABLES) await insertChunked(trx, table, rows[table]);
      });
    };
  }
  const prepared = new Map<string, ReturnType<typeof prepareFromKysely<string>>>();
  const statementFor = (table: SeedTable, keys: string[]) => {
    const id = `${table}\u0000${keys.join(',')}`;
    let p = prepared.get(id);
    if (!p) {
      p = prepareFromKysely(sqlite, keys, (s) => db.insertInto(table).values(s as never));
      prepared.set(id, p);
    }
    return p;
  };
  const writeAll = sqlite.transaction((rows: TableRows) => {
    for (const table of TABLES) {
      const list = rows[table] as Array<Record<string, unknown>>;
      if (list.length === 0) continue;
      const keys = Object.keys(list[0]!);
      const { statement, params } = statementFor(table, keys);
      for (const row of list) statement.run(params(row).map((v) => v ?? null));
    }
  });
  return async (batch, now) => writeAll(tableRows(batch, now));
}

async function insertChunked<T extends SeedTable>(trx: Transaction<Database>, table: T, rows: Insertable<Database[T]>[]) {
  if (rows.length === 0) return;
  const perStatement = Math.max(1, Math.floor(MAX_VALUES_PER_STATEMENT / Object.keys(rows[0]!).length));
  for (let i = 0; i < rows.length; i += perStatement) {
    // Kysely's generic insert needs the table's row type; the caller's T is that table.
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + perStatement) as never)
      .execute();
  }
}

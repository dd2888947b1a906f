/**
 * Ticket–article links (docs/design.md §1). A link names its ticket by id and, when known, by
 * source; `ticket_source` is '' when it does not (a created-from link synced from an
 * article's frontmatter may name a ticket that has not been imported yet).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** One link as the API and the sync see it. */
export interface LinkRow {
  ticket: string;
  /** '' when the link does not say which source. */
  source: string;
  article: string;
  relation: string;
  createdAt: string;
}

const columns = ['ticket_id', 'ticket_source', 'article', 'relation', 'created_at'] as const;
const toLink = (r: { ticket_id: string; ticket_source: string; article: string; relation: string; created_at: string }): LinkRow => ({
  ticket: r.ticket_id,
  source: r.ticket_source,
  article: r.article,
  relation: r.relation,
  createdAt: r.created_at,
});

/** Inserts a link unless the same one exists. Returns whether it was new. */
export async function insertLink(db: Executor, link: Omit<LinkRow, 'createdAt'>, now: Date): Promise<boolean> {
  const result = await db
    .insertInto('ticket_links')
    .values({
      ticket_id: link.ticket,
      ticket_source: link.source,
      article: link.article,
      relation: link.relation,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['ticket_id', 'ticket_source', 'article', 'relation']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/**
 * Deletes the links of a ticket id to an article with a relation; with `source`, only that
 * source's (or source-less) link. Returns how many were deleted.
 */
export async function deleteLinks(
  db: Executor,
  link: { ticket: string; source?: string | undefined; article: string; relation: string },
): Promise<number> {
  let query = db
    .deleteFrom('ticket_links')
    .where('ticket_id', '=', link.ticket)
    .where('article', '=', link.article)
    .where('relation', '=', link.relation);
  if (link.source !== undefined) query = query.where('ticket_source', '=', link.source);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The links of a ticket id (every source, or one source and the source-less ones). */
export async function linksOfTicket(db: Db, ticket: string, source?: string): Promise<LinkRow[]> {
  let query = db.selectFrom('ticket_links').select(columns).where('ticket_id', '=', ticket);
  if (source !== undefined) query = query.where('ticket_source', 'in', [source, '']);
  const rows = await query.orderBy('article').orderBy('relation').execute();
  return rows.map(toLink);
}

/** The links of an article, oldest first. */
export async function linksOfArticle(db: Db, article: string): Promise<LinkRow[]> {
  const rows = await db
    .selectFrom('ticket_links')
    .select(columns)
    .where('article', '=', article)
    .orderBy('created_at')
    .orderBy('ticket_id')
    .execute();
  return rows.map(toLink);
}

/** Every link of one relation (the sync reads all created-from links). */
export async function linksWithRelation(db: Executor, relation: string): Promise<LinkRow[]> {
  const rows = await db.selectFrom('ticket_links').select(columns).where('relation', '=', relation).execute();
  return rows.map(toLink);
}

/** A ticket subject beside the article it led to (the customers' words, issue 15). */
export interface ArticleSubjectRow {
  article: string;
  subject: string;
  requester: string | null;
  agent: string | null;
}

/**
 * Subjects of the tickets linked solved-by or created-from to an article, oldest link
 * first. A link without a source matches the ticket of that id in any source.
 */
export async function subjectsOfLinkedTickets(db: Db): Promise<ArticleSubjectRow[]> {
  return db
    .selectFrom('ticket_links')
    .innerJoin('tickets', (join) =>
      join
        .onRef('tickets.id', '=', 'ticket_links.ticket_id')
        .on((eb) => eb.or([eb('ticket_links.ticket_source', '=', ''), eb('ticket_links.ticket_source', '=', eb.ref('tickets.source'))])),
    )
    .select(['ticket_links.article as article', 'tickets.subject as subject', 'tickets.requester as requester', 'tickets.agent as agent'])
    .where('ticket_links.relation', 'in', ['solved-by', 'created-from'])
    .orderBy('ticket_links.created_at')
    .orderBy('ticket_links.ticket_id')
    .execute();
}

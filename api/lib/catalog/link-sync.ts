/**
 * Provenance from git: the `tickets:` frontmatter of the served build's articles becomes
 * `created-from` links (docs/design.md §1). The server runs this at start, after migrations, so a
 * rebuilt and restarted site agrees with its content: an id added to an article adds its link,
 * an id removed removes it. Only created-from links are touched; solved-by and referenced
 * links are the agents' and are never removed here.
 */
import type { Db } from '../../db/index.ts';
import { deleteLinks, insertLink, linksWithRelation } from '../../db/queries/links.ts';
import { TICKET_SOURCES } from '../../../core/tickets/ticket.ts';
import type { ArticleCatalog } from './catalog.ts';

const RELATION = 'created-from';

/** What a sync changed. */
export interface LinkSyncResult {
  added: number;
  removed: number;
}

/**
 * A frontmatter ticket id as a link names it: `zendesk:35436` names its source, a bare id
 * does not (source '' — ids are unique across sources, or the ticket is not imported yet).
 */
export function ticketRef(raw: string): { ticket: string; source: string } {
  const colon = raw.indexOf(':');
  const prefix = colon > 0 ? raw.slice(0, colon).toLowerCase() : '';
  if ((TICKET_SOURCES as readonly string[]).includes(prefix) && colon < raw.length - 1)
    return { ticket: raw.slice(colon + 1), source: prefix };
  return { ticket: raw, source: '' };
}

const keyOf = (l: { ticket: string; source: string; article: string }) => `${l.ticket}\u0000${l.source}\u0000${l.article}`;

/**
 * Makes the created-from links equal to the catalog's articles' `tickets`, in one
 * transaction (all or nothing). Every article of the build counts, archived ones included:
 * an archived article was still written from its tickets. Returns what was added and removed.
 */
export async function syncCreatedFromLinks(db: Db, catalog: ArticleCatalog, now = new Date()): Promise<LinkSyncResult> {
  const wanted = new Map<string, { ticket: string; source: string; article: string }>();
  for (const article of catalog.manifest.articles) {
    for (const raw of article.tickets) {
      const link = { ...ticketRef(raw), article: article.id };
      wanted.set(keyOf(link), link);
    }
  }
  return db.transaction().execute(async (trx) => {
    const existing = await linksWithRelation(trx, RELATION);
    const present = new Set(existing.map(keyOf));
    let removed = 0;
    for (const link of existing) {
      if (wanted.has(keyOf(link))) continue;
      removed += await deleteLinks(trx, { ...link, relation: RELATION });
    }
    let added = 0;
    for (const [key, link] of wanted) {
      if (present.has(key)) continue;
      if (await insertLink(trx, { ...link, relation: RELATION }, now)) added++;
    }
    return { added, removed };
  });
}

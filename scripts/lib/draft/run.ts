/**
 * What `npm run article:from-ticket` does, minus the command line: read the ticket, build the
 * draft, write it as a new file. It never overwrites an article.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from '../../../api/db/index.ts';
import { getTicket } from '../../../api/db/queries/tickets.ts';
import type { ArticleType, Lang } from '../../../core/content/article.ts';
import { loadTopicTree } from '../../../core/content/topics.ts';
import { todayIso } from '../import/cli.ts';
import { buildDraft, DraftError, type Draft } from '../../../core/drafting/draft.ts';

export interface FromTicketRequest {
  ticketId: string;
  source?: string | undefined;
  type: ArticleType;
  /** Defaults to the ticket's language, else zh-CN. */
  lang?: Lang | undefined;
  slug?: string | undefined;
  topic?: string | undefined;
  owner?: string | undefined;
  contentDir: string;
  now?: Date;
}

/** Drafts the article of one ticket into the content folder; returns the draft and its path. */
export async function articleFromTicket(db: Db, request: FromTicketRequest): Promise<{ draft: Draft; path: string }> {
  const ticket = await getTicket(db, request.ticketId, request.source);
  if (ticket === 'ambiguous') throw new DraftError(`Ticket "${request.ticketId}" exists in more than one source; say which with --source`);
  if (!ticket)
    throw new DraftError(
      `No ticket "${request.ticketId}"${request.source ? ` from ${request.source}` : ''} in the database; import it first`,
    );
  // The bare id is enough in `tickets:` unless another source uses it too.
  const ambiguous = request.source !== undefined && (await getTicket(db, ticket.id)) === 'ambiguous';
  const draft = buildDraft(
    ticket,
    {
      type: request.type,
      lang: request.lang ?? ticket.lang ?? 'zh-CN',
      ticketRef: ambiguous ? `${ticket.source}:${ticket.id}` : ticket.id,
      slug: request.slug,
      topic: request.topic,
      owner: request.owner,
      today: todayIso(request.now),
    },
    loadTopicTree(request.contentDir),
  );
  const path = join(request.contentDir, draft.file);
  const taken = [path, path.replace(/\.mdx$/, '.md')].find((p) => existsSync(p));
  if (taken) throw new DraftError(`${taken} already exists; choose another --slug (drafts never overwrite an article)`);
  mkdirSync(dirname(path), { recursive: true });
  // 'wx' fails if the file appeared since the check: still no overwrite.
  writeFileSync(path, draft.text, { flag: 'wx' });
  return { draft, path };
}

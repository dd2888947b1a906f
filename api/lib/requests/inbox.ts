/**
 * The requests inbox's operations (issue 16, docs/design.md §7): each one reads the ticket,
 * asks the lifecycle (core/tickets/lifecycle.ts) what changes, writes the ticket's columns,
 * the history entry, the message and the e-mail in one transaction, and sends the e-mail
 * after. Only web requests are worked here; imported tickets are worked in their helpdesk.
 */
import type { Db } from '../../db/index.ts';
import type { Database, TicketsTable } from '../../db/schema.ts';
import type { Transaction } from 'kysely';
import { rowToTicket } from '../../db/queries/tickets.ts';
import {
  insertHistory,
  insertMessage,
  recordSurveyAnswer,
  resolvedRequestsBefore,
  ticketRowOf,
  updateTicketIfUnchanged,
} from '../../db/queries/requests.ts';
import { enqueueMail } from '../../db/queries/mail-outbox.ts';
import { insertLink } from '../../db/queries/links.ts';
import { ApiError } from '../http/errors.ts';
import {
  LifecycleRefusal,
  transition,
  type RequestChanges,
  type RequestEvent,
  type RequestState,
} from '../../../core/tickets/lifecycle.ts';
import type { RequestMailKind } from '../../db/queries/mail-outbox.ts';
import type { MailOutbox } from '../mail/outbox.ts';
import { requestMail } from '../mail/templates.ts';
import { issueRequestKey, requestPageUrl } from './keys.ts';
import { SURVEY_WAIT_DAYS } from '../../../core/contracts/requests.ts';
import type { Lang } from '../../../core/content/article.ts';

type Trx = Transaction<Database>;

/** What an operation records besides the ticket's columns. */
export interface Effects {
  action: string;
  actor: string;
  minutes?: number | undefined;
  note?: string | undefined;
  /** A message of the conversation. */
  message?: { kind: 'customer' | 'reply' | 'note'; body: string } | undefined;
  /** The article a resolution links (solved-by). */
  article?: string | undefined;
  /** An e-mail to the customer, written once the ticket is known. */
  mail?: RequestMailKind | undefined;
  /** Extra writes in the same transaction (the survey answer); throwing rolls everything back. */
  also?: ((trx: Trx, ticket: TicketsTable) => Promise<void>) | undefined;
}

/** The fields of the state a change touches, before and after (the history's columns). */
function beforeAfter(state: RequestState, changes: RequestChanges) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(changes)) {
    before[field] = state[field as keyof RequestState] ?? null;
    after[field] = value;
  }
  return Object.keys(after).length > 0 ? { before, after } : { before: null, after: null };
}

export const notFound = (ref: string) => new ApiError(404, 'not_found', `No request has the reference "${ref}"`);

/** 409 for tickets worked in their helpdesk. */
export function refuseImported(row: TicketsTable): void {
  if (row.source === 'web') return;
  throw new ApiError(
    409,
    'read_only',
    `Ticket ${row.id} was imported from ${row.source} and is worked there; it is read-only here (link it to articles through /api/links)`,
  );
}

export class RequestInbox {
  constructor(
    private readonly db: Db,
    private readonly outbox: MailOutbox,
    private readonly now: () => Date,
  ) {}

  get mailConfigured(): boolean {
    return this.outbox.configured;
  }

  /** Stores `mail` about a request to be sent once the transaction commits, with a fresh key in its link. No e-mail configured: nothing. */
  async storeMail(trx: Trx, kind: RequestMailKind, ticket: TicketsTable, at: Date, extra: { reply?: string; key?: string } = {}) {
    if (!this.outbox.configured || !ticket.requester) return;
    const lang: Lang = ticket.lang === 'zh-CN' ? 'zh-CN' : 'en';
    const key = extra.key ?? (await issueRequestKey(trx, ticket.id, at));
    const url = `${this.outbox.settings.siteUrl}${requestPageUrl(lang, ticket.id, key)}`;
    const facts = { ref: ticket.id, subject: ticket.subject, url, ...(extra.reply ? { reply: extra.reply } : {}) };
    await enqueueMail(trx, requestMail(kind, lang, ticket.requester, facts), at);
  }

  /**
   * Applies `event` to web request `id` with its effects, all or nothing. 404 for an unknown
   * request, 409 for an imported ticket, a refusal of the lifecycle, or a change made meanwhile.
   */
  async apply(id: string, event: RequestEvent | null, effects: Effects): Promise<void> {
    const at = this.now();
    await this.db.transaction().execute(async (trx) => {
      const row = await ticketRowOf(trx, 'web', id);
      if (!row) throw notFound(id);
      const state = rowToTicket(row) as RequestState;
      let changes: RequestChanges = {};
      if (event) {
        try {
          changes = transition(state, event, at.toISOString());
        } catch (error) {
          if (!(error instanceof LifecycleRefusal)) throw error;
          throw new ApiError(409, 'conflict', error.message, error.field ? [{ field: error.field, message: error.message }] : []);
        }
      }
      const updated = await updateTicketIfUnchanged(
        trx,
        {
          source: row.source,
          id: row.id,
          createdAt: row.created_at,
          updatedAt: row.updated_at,
          resolvedAt: row.resolved_at,
          closedAt: row.closed_at,
        },
        changes,
        at,
        effects.minutes,
      );
      if (!updated) throw new ApiError(409, 'changed', `Request ${id} was changed meanwhile; reload it and try again`);
      const ticket = { source: row.source, id: row.id };
      const { before, after } = beforeAfter(state, changes);
      await insertHistory(
        trx,
        ticket,
        { action: effects.action, actor: effects.actor, minutes: effects.minutes ?? null, note: effects.note ?? null, before, after },
        at,
      );
      if (effects.message)
        await insertMessage(trx, ticket, { ...effects.message, author: effects.actor, minutes: effects.minutes ?? null }, at);
      if (effects.article)
        await insertLink(trx, { ticket: row.id, source: row.source, article: effects.article, relation: 'solved-by' }, at);
      if (effects.also) await effects.also(trx, row);
      if (effects.mail) await this.storeMail(trx, effects.mail, row, at, effects.message ? { reply: effects.message.body } : {});
    });
    if (effects.mail) void this.outbox.kick();
  }

  /** The survey answer, once per request; "not solved" reopens. */
  async answerSurvey(id: string, answer: { solved: boolean; rating: number; comment: string | null }): Promise<void> {
    await this.apply(
      id,
      { type: 'survey', solved: answer.solved, rating: answer.rating },
      {
        action: 'survey',
        actor: 'customer',
        note: answer.comment ?? undefined,
        also: async (trx) => {
          if (!(await recordSurveyAnswer(trx, id, answer, this.now())))
            throw new ApiError(409, 'already_answered', 'The survey of this request has been answered already', [
              { field: 'solved', message: 'answered already' },
            ]);
        },
      },
    );
  }

  /**
   * Closes web requests resolved more than 7 days ago and still not closed (no survey answer).
   * Each close is conditional on the row being unchanged since it was read, so replicas running
   * the sweep at once close each request once. Returns how many it closed.
   */
  async closeUnanswered(): Promise<number> {
    const at = this.now();
    const cutoff = new Date(at.getTime() - SURVEY_WAIT_DAYS * 86_400_000).toISOString();
    let closed = 0;
    for (const candidate of await resolvedRequestsBefore(this.db, cutoff, 500)) {
      try {
        await this.apply(candidate.id, { type: 'auto-close' }, { action: 'auto-close', actor: 'system' });
        closed++;
      } catch (error) {
        // Another replica closed it, or someone reopened it meanwhile.
        if (!(error instanceof ApiError && error.status === 409)) throw error;
      }
    }
    return closed;
  }

  /** Runs the sweep every `intervalMs` (the server's loop); returns a stop function. */
  startSweep(intervalMs = 600_000): () => void {
    const timer = setInterval(() => {
      this.closeUnanswered().catch((error: Error) => console.error('requests auto-close:', error.message));
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}

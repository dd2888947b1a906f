/**
 * The e-mail outbox (migration 0012): a message is stored first, in the same transaction as
 * what it tells of, and sent after (api/lib/mail/outbox.ts), so a failing SMTP server delays
 * it but never loses it. A sender claims a message with a conditional update before sending,
 * so several replicas never send the same one twice at once.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** What a request's customer is told by e-mail (api/lib/mail/templates.ts). */
export type RequestMailKind = 'received' | 'reply' | 'resolved';

/**
 * A message waiting to be sent. `report` is the e-mailed period report (api/lib/mail/report-mail.ts):
 * its body is an HTML document, its `ticketId` `report:<period>`.
 */
export interface OutgoingMail {
  to: string;
  subject: string;
  body: string;
  kind: RequestMailKind | 'report';
  ticketId: string;
}

export interface StoredMail extends OutgoingMail {
  id: number;
  attempts: number;
}

export async function enqueueMail(db: Executor, mail: OutgoingMail, at: Date): Promise<void> {
  await db
    .insertInto('mail_outbox')
    .values({
      to_address: mail.to,
      subject: mail.subject,
      body: mail.body,
      kind: mail.kind,
      ticket_id: mail.ticketId,
      next_attempt_at: at.toISOString(),
      created_at: at.toISOString(),
    })
    .execute();
}

/** Unsent messages due at `now`, oldest first. */
export async function dueMail(db: Executor, now: Date, limit: number): Promise<StoredMail[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['id', 'to_address', 'subject', 'body', 'kind', 'ticket_id', 'attempts'])
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    to: r.to_address,
    subject: r.subject,
    body: r.body,
    kind: r.kind as OutgoingMail['kind'],
    ticketId: r.ticket_id,
    attempts: Number(r.attempts),
  }));
}

/** Takes a message for one attempt (until `leaseUntil`); false when another sender took it first. */
export async function claimMail(db: Executor, mail: StoredMail, leaseUntil: Date): Promise<boolean> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ attempts: mail.attempts + 1, next_attempt_at: leaseUntil.toISOString() })
    .where('id', '=', mail.id)
    .where('attempts', '=', mail.attempts)
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks a message sent; `body` replaces the stored one (without the private link's key). */
export async function markMailSent(db: Executor, id: number, body: string, at: Date): Promise<void> {
  await db.updateTable('mail_outbox').set({ sent_at: at.toISOString(), body, last_error: null }).where('id', '=', id).execute();
}

/** Records a failed attempt and when to try again. */
export async function markMailFailed(db: Executor, id: number, error: string, retryAt: Date): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ last_error: error.slice(0, 500), next_attempt_at: retryAt.toISOString() })
    .where('id', '=', id)
    .execute();
}

/** Every message of a request, oldest first (tests and the inbox's mail status). */
export async function mailOfTicket(
  db: Executor,
  ticketId: string,
): Promise<Array<{ kind: string; to: string; sentAt: string | null; attempts: number; body: string }>> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['kind', 'to_address', 'sent_at', 'attempts', 'body'])
    .where('ticket_id', '=', ticketId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ kind: r.kind, to: r.to_address, sentAt: r.sent_at, attempts: Number(r.attempts), body: r.body }));
}

/**
 * What the inbox shows of a request: the list's row with its SLA clocks, the staff view, and
 * the customer's view (no internal notes, no staff-only fields, no names of staff).
 */
import type { Db } from '../../db/index.ts';
import type { TicketsTable } from '../../db/schema.ts';
import { historyOf, messagesOf, minutesSpent, surveyAnswer } from '../../db/queries/requests.ts';
import { linksOfTicket } from '../../db/queries/links.ts';
import { slaClocks } from '../../../core/tickets/sla-clock.ts';
import type { BusinessCalendar } from '../../../core/tickets/business-hours.ts';
import type { SlaTargets } from '../../../core/tickets/sla-targets.ts';
import type { CustomerRequest, RequestSummary, StaffRequest } from '../../../core/contracts/requests.ts';
import type { Ticket } from '../../../core/tickets/ticket.ts';

export interface SlaSettings {
  targets: SlaTargets;
  calendar: BusinessCalendar | undefined;
}

const langOf = (row: TicketsTable) => (row.lang === 'zh-CN' || row.lang === 'en' ? row.lang : null);

/** One row of the inbox list. */
export function requestSummary(row: TicketsTable, sla: SlaSettings, now: Date): RequestSummary {
  const priority = row.priority as Ticket['priority'];
  const resolvedAt = row.resolved_at ?? row.closed_at;
  return {
    ref: row.id,
    source: row.source as Ticket['source'],
    subject: row.subject,
    status: row.status as Ticket['status'],
    priority,
    topic: row.topic,
    assignee: row.agent,
    tier: row.tier,
    lang: langOf(row),
    createdAt: row.created_at,
    firstResponseAt: row.first_response_at,
    resolvedAt,
    readOnly: row.source !== 'web',
    sla: slaClocks(
      { priority, createdAt: row.created_at, firstResponseAt: row.first_response_at ?? undefined, resolvedAt: resolvedAt ?? undefined },
      sla.targets,
      now,
      sla.calendar,
    ),
  };
}

/** The staff view: everything, in order. */
export async function staffView(db: Db, row: TicketsTable, sla: SlaSettings, now: Date, mailConfigured: boolean): Promise<StaffRequest> {
  const [messages, history, survey, links, minutes] = await Promise.all([
    messagesOf(db, row.source, row.id),
    historyOf(db, row.source, row.id),
    row.source === 'web' ? surveyAnswer(db, row.id) : Promise.resolve(null),
    linksOfTicket(db, row.id, row.source),
    minutesSpent(db, row.source, row.id),
  ]);
  return {
    ...requestSummary(row, sla, now),
    description: row.description,
    requester: row.requester,
    escalated: row.escalated === 1,
    closedAt: row.closed_at,
    csat: row.csat,
    reopened: row.reopened ?? 0,
    messages,
    history,
    survey,
    articles: [...new Set(links.map((l) => l.article))],
    mailConfigured,
    minutes,
  };
}

/** The customer's view: their messages and the staff replies, never notes or who wrote them. */
export async function customerView(db: Db, row: TicketsTable): Promise<CustomerRequest> {
  const [messages, survey] = await Promise.all([messagesOf(db, row.source, row.id), surveyAnswer(db, row.id)]);
  return {
    ref: row.id,
    subject: row.subject,
    status: row.status as Ticket['status'],
    lang: langOf(row) ?? 'en',
    createdAt: row.created_at,
    messages: messages
      .filter((m) => m.kind !== 'note')
      .map((m) => ({ kind: m.kind as 'customer' | 'reply', body: m.body, createdAt: m.createdAt })),
    surveyOpen: row.status === 'solved' && survey === null,
    survey: survey ? { solved: survey.solved, rating: survey.rating } : null,
  };
}

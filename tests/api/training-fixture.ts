/**
 * A small, readable fixture for the training metrics and the plan: four topics, a few agents,
 * training records (one expired), votes and no-result searches. Expected values are computed
 * by hand in the tests that use it (tests/api/metrics-training.test.ts, training.test.ts).
 */
import type { Db } from '../../api/db/index.ts';
import { insertEvents } from '../../api/db/queries/events.ts';
import { catchUpRollups } from '../../api/db/queries/rollups.ts';
import { upsertTickets } from '../../api/db/queries/tickets.ts';
import { insertTrainingRecords, upsertRoster } from '../../api/db/queries/training.ts';
import { ticketSchema, type TicketInput } from '../../core/tickets/ticket.ts';
import { manifestArticle } from '../support/catalog.ts';

/** Catalog: licensing has training (also covering install-desktop) and a customer FAQ; billing only a validated internal solution; mobile nothing. */
export const trainingArticles = [
  manifestArticle('en/train-lic', { type: 'training', topic: 'licensing', topics: ['install-desktop'] }),
  manifestArticle('en/lic-faq', { type: 'faq', topic: 'licensing' }),
  manifestArticle('en/install-guide', { type: 'manual', topic: 'install-desktop', state: 'not-validated' }),
  manifestArticle('en/billing-internal', { type: 'solution', topic: 'billing', audience: 'internal' }),
  manifestArticle('en/reset-password'),
];

const hour = 3_600_000;
const at = (iso: string, plusHours = 0) => new Date(Date.parse(iso) + plusHours * hour).toISOString();

let n = 0;
export function ticket(
  topic: string,
  agent: string | undefined,
  created: string,
  resolveAfterHours: number | null,
  extra: Partial<TicketInput> = {},
): TicketInput {
  n++;
  return {
    id: `T${n}`,
    source: 'api',
    subject: `ticket ${n}`,
    topic,
    agent,
    priority: 'normal',
    status: resolveAfterHours === null ? 'open' : 'solved',
    createdAt: created,
    resolvedAt: resolveAfterHours === null ? undefined : at(created, resolveAfterHours),
    ...extra,
  };
}

export async function addTickets(db: Db, tickets: TicketInput[]) {
  await upsertTickets(
    db,
    tickets.map((t) => ticketSchema.parse(t)),
  );
}

/** The March 2026 fixture (period 2026-03-01 … 2026-03-31, tz UTC). */
export async function seedTrainingFixture(db: Db) {
  await insertTrainingRecords(db, [
    { agent: 'alice', article: 'en/train-lic', completedAt: '2026-03-01T00:00:00.000Z' },
    { agent: 'bob', article: 'en/train-lic', completedAt: '2026-03-10T12:00:00.000Z' },
    // Expired: 2025-02-01 + 365 days = 2026-02-01, before every ticket of the period.
    { agent: 'carol', article: 'en/train-lic', completedAt: '2025-02-01T00:00:00.000Z' },
    // Trained but resolves no tickets: must not count anywhere.
    { agent: 'dave', article: 'en/train-lic', completedAt: '2026-03-01T00:00:00.000Z' },
  ]);
  await upsertRoster(db, [
    { agent: 'alice', name: 'Alice An', team: 'Team A' },
    { agent: 'bob', name: 'Bob Bai', team: 'Team A' },
    { agent: 'carol', name: 'Carol Cao', team: 'Team B' },
    { agent: 'dave', name: 'Dave Du', team: 'Team B' },
  ]);
  await addTickets(db, [
    // licensing: 6 tickets, 3 escalated (L2, L4, L5), 5 resolved, hours 4, 130, 6, 2, 10
    ticket('licensing', 'alice', '2026-03-02T09:00:00.000Z', 4), // L1 covered (alice trained 03-01)
    ticket('licensing', 'bob', '2026-03-05T00:00:00.000Z', 130, { escalated: true, tier: 2 }), // L2 resolved 03-10T10:00, before bob's training at 12:00
    ticket('licensing', 'bob', '2026-03-11T00:00:00.000Z', 6, { reopened: 1 }), // L3 covered
    ticket('licensing', 'carol', '2026-03-03T00:00:00.000Z', 2, { escalated: true, tier: 2 }), // L4 carol's training expired
    ticket('licensing', 'erin', '2026-03-20T00:00:00.000Z', null, { escalated: true, tier: 2 }), // L5 unresolved
    { ...ticket('licensing', undefined, '2026-03-04T00:00:00.000Z', null), status: 'closed', closedAt: '2026-03-04T10:00:00.000Z' }, // L6 closed, no agent, 10 h
    ticket('licensing', 'alice', '2026-02-20T00:00:00.000Z', 1), // created before the period: left out
    // install-desktop: 2 tickets, hours 20 and 30; alice trained through en/train-lic's topics, frank not
    ticket('install-desktop', 'alice', '2026-03-06T00:00:00.000Z', 20),
    ticket('install-desktop', 'frank', '2026-03-07T00:00:00.000Z', 30),
    // billing: 5 tickets by grace, 2 escalated, 1 h each
    ticket('billing', 'grace', '2026-03-12T00:00:00.000Z', 1, { escalated: true, tier: 2 }),
    ticket('billing', 'grace', '2026-03-13T00:00:00.000Z', 1, { escalated: true, tier: 2 }),
    ticket('billing', 'grace', '2026-03-14T00:00:00.000Z', 1),
    ticket('billing', 'grace', '2026-03-15T00:00:00.000Z', 1),
    ticket('billing', 'grace', '2026-03-16T00:00:00.000Z', 1),
    // mobile: 1 escalated ticket, 3 h
    ticket('mobile', 'frank', '2026-03-20T00:00:00.000Z', 3, { escalated: true, tier: 2 }),
  ]);
  // Votes on en/lic-faq in March: 6 votes, 2 helpful → unhelpful share 4/6. en/install-guide: 3 votes (under 5 → null).
  const votes = [1, 1, 0, 0, 0, 0]
    .map((helpful, i) => ({ article: 'en/lic-faq', helpful, visitor: `v${i}` }))
    .concat([1, 0, 0].map((helpful, i) => ({ article: 'en/install-guide', helpful, visitor: `w${i}` })));
  await db
    .insertInto('votes')
    .values(
      votes.map((v) => ({
        ...v,
        day: '2026-03-08',
        lang: 'en',
        reason: null,
        comment: null,
        created_at: '2026-03-08T10:00:00.000Z',
        updated_at: '2026-03-08T10:00:00.000Z',
      })),
    )
    .execute();
  // No-result searches: 3 × "activation error" (licensing: "activation"), 1 × "mobile crash" (mobile); 2 searches with results do not count.
  const search = (query: string, results: number, i: number) => ({
    type: 'search',
    visitor: `s${i}`,
    session: `s${i}`,
    created_at: `2026-03-09T10:0${i}:00.000Z`,
    lang: 'en',
    query,
    query_norm: query,
    results,
    article: null,
    path: null,
    referrer: null,
    rank: null,
    filters: null,
    articles: null,
    ticket_ref: null,
  });
  await insertEvents(db, [
    search('activation error', 0, 1),
    search('activation error', 0, 2),
    search('activation error', 0, 3),
    search('mobile crash', 0, 4),
    search('activation error', 4, 5),
    search('activation error', 2, 6),
  ]);
  await catchUpRollups(db);
}

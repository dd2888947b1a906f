/**
 * The demo seed (issues #5 and #6): deterministic, refuses a database with data, meets the
 * requested volumes exactly, and writes only rows the API itself could have written.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Db } from '../../api/db/index.ts';
import { insertLink } from '../../api/db/queries/links.ts';
import { upsertVotes } from '../../api/db/queries/votes.ts';
import { eventSchema } from '../../core/contracts/events.ts';
import { ticketSchema } from '../../core/tickets/ticket.ts';
import { VOTE_REASONS } from '../../core/contracts/vote-values.ts';
import { normalizeQuery } from '../../core/search/query.ts';
import { readDemoMarker } from '../../api/db/queries/demo-marker.ts';
import { DEMO_AGENTS, SeedRefusedError, seedDatabase, type SeedOptions } from '../../api/demo/index.ts';
import { freshDatabase, queryRows, queryValue, testDialect } from '../support/database.ts';
import { catalog, NOW, SMALL } from './seed-fixture.ts';

async function seeded(options: Partial<SeedOptions> = {}) {
  const { db, sqlite } = await freshDatabase();
  const summary = await seedDatabase(db, { ...SMALL, sqlite, ...options });
  return { db, sqlite, summary };
}

/** SHA-256 of every seeded table, rows in primary-key order. */
async function dumpHash(db: Db): Promise<string> {
  const hash = createHash('sha256');
  for (const [table, order] of [
    ['events', 'id'],
    ['votes', 'id'],
    ['tickets', 'source, id'],
    ['ticket_links', 'ticket_id, article, relation'],
    ['training_records', 'id'],
    ['agent_roster', 'agent'],
  ]) {
    hash.update(JSON.stringify(await queryRows(db, `select * from ${table} order by ${order}`)));
  }
  return hash.digest('hex');
}

describe('the demo marker', () => {
  it("records that the database holds demo data, and which days, for the reports' banner", async () => {
    const { db, summary } = await seeded();
    expect(await readDemoMarker(db)).toEqual({ seededAt: SMALL.now.toISOString(), from: summary.from, to: summary.to });
  });
});

describe('seedDatabase', () => {
  it('writes identical databases for the same seed and different ones for another seed', async () => {
    const a = await seeded();
    const b = await seeded();
    const c = await seeded({ seed: 43 });
    expect(await dumpHash(a.db)).toBe(await dumpHash(b.db));
    expect(await dumpHash(c.db)).not.toBe(await dumpHash(a.db));
  });

  // On SQLite the seed has two write paths; on PostgreSQL one, which must write what SQLite does.
  it(
    testDialect === 'sqlite'
      ? 'writes the same rows through the portable Kysely path as through prepared statements'
      : 'writes the same rows on PostgreSQL as on SQLite',
    async () => {
      const here = await seeded({ sqlite: undefined });
      const sqlite = openDatabase(':memory:');
      await migrate(sqlite.db);
      await seedDatabase(sqlite.db, { ...SMALL, sqlite: sqlite.sqlite });
      expect(await dumpHash(here.db)).toBe(await dumpHash(sqlite.db));
    },
  );

  it('meets the requested volumes exactly', async () => {
    const { summary, db } = await seeded();
    const count = (table: string) => queryValue<number>(db, `select count(*) n from ${table}`);
    expect([summary.events, summary.votes, summary.tickets]).toEqual([3000, 300, 200]);
    expect([await count('events'), await count('votes'), await count('tickets')]).toEqual([3000, 300, 200]);
    expect(await count('ticket_links')).toBe(summary.links);
  });

  it('defaults to 1,200 events, 45 votes and 30 tickets a day', async () => {
    const { summary } = await seeded({ scale: undefined });
    // 7 days × 1,200 = 8,400 events; 7 × 45 = 315 votes; 7 × 30 = 210 tickets.
    expect([summary.events, summary.votes, summary.tickets]).toEqual([8400, 315, 210]);
    // The window is the 7 × 24 hours before now.
    expect([summary.from, summary.to]).toEqual(['2026-11-20T10:00:00.000Z', '2026-11-27T10:00:00.000Z']);
  });

  it('refuses a database that already has a vote, and writes nothing', async () => {
    const { db, sqlite } = await freshDatabase();
    await upsertVotes(db, [
      {
        article: 'en/reset-password',
        visitor: 'v1',
        day: '2026-11-27',
        helpful: true,
        reason: null,
        comment: null,
        lang: 'en',
        at: NOW.toISOString(),
      },
    ]);
    await expect(seedDatabase(db, { ...SMALL, sqlite })).rejects.toThrow(SeedRefusedError);
    await expect(seedDatabase(db, { ...SMALL, sqlite })).rejects.toThrow(/already has data \(votes\)/);
    expect(await queryValue(db, 'select count(*) n from events')).toBe(0);
  });

  it('seeds a database whose only rows are created-from links synced from the content', async () => {
    const { db, sqlite } = await freshDatabase();
    await insertLink(db, { ticket: 'INC0031422', source: '', article: 'en/reset-password', relation: 'created-from' }, NOW);
    const summary = await seedDatabase(db, { ...SMALL, sqlite });
    expect(summary.events).toBe(3000);
  });

  it('rejects a window of 0 days', async () => {
    const { db } = await freshDatabase();
    await expect(seedDatabase(db, { ...SMALL, days: 0 })).rejects.toThrow(/days must be a whole number from 1 to 731/);
  });

  it('stores only events the events route would accept, as it would store them', async () => {
    const { db } = await seeded();
    const rows = await queryRows<Record<string, string | number | null>>(db, 'select * from events order by id');
    const windowStart = Date.parse('2026-11-20T10:00:00.000Z');
    for (const r of rows) {
      // The event as a client would have sent it, rebuilt from its columns.
      const event: Record<string, unknown> = { type: r.type, lang: r.lang };
      if (r.article !== null) event.article = r.article;
      if (r.path !== null) event.path = r.path;
      if (r.referrer !== null) event.referrer = r.referrer;
      if (r.query !== null) event.query = r.query;
      if (r.results !== null) event.results = r.results;
      if (r.rank !== null) event.rank = r.rank;
      if (r.filters !== null) event.filters = JSON.parse(String(r.filters));
      if (r.articles !== null) event.articles = JSON.parse(String(r.articles));
      if (r.ticket_ref !== null) event.ticket = r.ticket_ref;
      const parsed = eventSchema.safeParse(event);
      expect(parsed.success, `${JSON.stringify(event)}: ${parsed.error?.message}`).toBe(true);
      expect(r.query_norm).toBe(r.query === null ? null : normalizeQuery(String(r.query)));
      for (const id of [r.article, ...(r.articles ? JSON.parse(String(r.articles)) : [])])
        if (id !== null) expect(catalog.byId.get(id)?.listed).toBe(true);
      expect(r.visitor).toMatch(/^[0-9a-f]{32}$/);
      expect(r.session).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(r.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      const at = Date.parse(String(r.created_at));
      expect(at >= windowStart && at < NOW.getTime()).toBe(true);
    }
    // Each outcome of the contact form happens.
    const types = new Set(rows.map((r) => r.type));
    for (const type of [
      'page_view',
      'search',
      'search_click',
      'contact_view',
      'suggestion_shown',
      'suggestion_click',
      'contact_solved',
      'contact_submitted',
    ])
      expect(types).toContain(type);
    expect(rows.some((r) => r.type === 'search' && r.results === 0)).toBe(true);
  });

  it('keeps each session to one visitor and one UTC day, with gaps under 30 minutes', async () => {
    const { db } = await seeded();
    const rows = await queryRows<{ session: string; visitor: string; created_at: string }>(
      db,
      'select session, visitor, created_at from events order by session, created_at, id',
    );
    for (let i = 1; i < rows.length; i++) {
      const [prev, cur] = [rows[i - 1]!, rows[i]!];
      if (prev.session !== cur.session) continue;
      expect(cur.visitor).toBe(prev.visitor);
      expect(cur.created_at.slice(0, 10)).toBe(prev.created_at.slice(0, 10));
      expect(Date.parse(cur.created_at) - Date.parse(prev.created_at)).toBeLessThanOrEqual(30 * 60_000);
    }
  });

  it('casts one vote per visitor, article and UTC day, with reasons only on not-helpful votes', async () => {
    const { db } = await seeded();
    const votes = await queryRows<{
      visitor: string;
      article: string;
      day: string;
      helpful: number;
      reason: string | null;
      created_at: string;
    }>(db, 'select * from votes');
    expect(new Set(votes.map((v) => `${v.visitor}/${v.article}/${v.day}`)).size).toBe(votes.length);
    for (const v of votes) {
      expect(v.day).toBe(v.created_at.slice(0, 10));
      if (v.helpful === 1) expect(v.reason).toBeNull();
      else if (v.reason !== null) expect(VOTE_REASONS).toContain(v.reason);
      expect(catalog.byId.get(v.article)?.listed).toBe(true);
    }
  });

  it('writes tickets valid under the canonical schema, a content-gap topic included, with links to articles of their topic', async () => {
    const { db } = await seeded();
    const tickets = await queryRows<Record<string, string | number | null>>(db, 'select * from tickets order by id');
    for (const [i, t] of tickets.entries()) {
      // Ids count up in creation order: DEMO-000001, DEMO-000002, …
      expect(t.id).toBe(`DEMO-${String(i + 1).padStart(6, '0')}`);
      expect(t.source).toBe('demo');
      const ticket = {
        id: t.id,
        source: 'api',
        subject: t.subject,
        topic: t.topic,
        priority: t.priority,
        status: t.status,
        tier: t.tier,
        escalated: t.escalated === 1,
        createdAt: t.created_at,
        ...(t.first_response_at ? { firstResponseAt: t.first_response_at } : {}),
        ...(t.resolved_at ? { resolvedAt: t.resolved_at } : {}),
        ...(t.closed_at ? { closedAt: t.closed_at } : {}),
        ...(t.csat !== null ? { csat: t.csat } : {}),
      };
      expect(ticketSchema.safeParse(ticket).success, JSON.stringify(ticket)).toBe(true);
      expect(DEMO_AGENTS.map((a) => a.agent)).toContain(t.agent);
      expect(String(t.requester)).toMatch(/^customer-\d{4}@example\.com$/);
      expect(t.tier).toBe(t.escalated === 1 ? 2 : 1);
      if (t.resolved_at !== null) expect(Date.parse(String(t.resolved_at))).toBeLessThanOrEqual(NOW.getTime());
    }
    expect(tickets.some((t) => t.topic === 'install')).toBe(true);
    const links = await queryRows<{ article: string; topic: string; resolved_at: string | null }>(
      db,
      'select l.article, t.topic, t.resolved_at from ticket_links l join tickets t on t.id = l.ticket_id',
    );
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      const a = catalog.byId.get(l.article)!;
      expect([a.topic, ...a.topics]).toContain(l.topic);
      expect(a.type).not.toBe('training');
      expect(l.resolved_at).not.toBeNull();
    }
    // Every contact form sent within the ticket volume names the ticket it became.
    const refs = await queryRows<{ ticket_ref: string }>(
      db,
      "select ticket_ref from events where type = 'contact_submitted' and ticket_ref is not null",
    );
    const ids = new Set(tickets.map((t) => t.id));
    for (const r of refs) expect(ids.has(r.ticket_ref)).toBe(true);
  });

  it('writes training records on training articles only, leaves three agents untrained, and the roster of twelve', async () => {
    const { db, summary } = await seeded();
    const records = await queryRows<{ agent: string; article: string }>(db, 'select agent, article from training_records');
    expect(records.length).toBe(summary.trainingRecords);
    for (const r of records) expect(catalog.byId.get(r.article)?.type).toBe('training');
    // 12 agents, 3 never trained: at most 9 distinct agents have records.
    const trained = new Set(records.map((r) => r.agent));
    expect(trained.size).toBeGreaterThan(0);
    expect(trained.size).toBeLessThanOrEqual(9);
    expect(summary.rosterAgents).toBe(12);
  });

  it('shows trained agents escalating less after their training than before', async () => {
    const { db } = await seeded({ days: 90, scale: { events: 0, votes: 0, tickets: 6000 } });
    // Tickets of a trained agent in a topic their training covers, within 30 days of the completion, split at it.
    const pairs = await queryRows<{ escalated: number; created_at: string; completed_at: string }>(
      db,
      `select t.escalated, t.created_at, r.completed_at from tickets t
       join training_records r on r.agent = t.agent and t.topic in ('licensing', 'accounts-password')`,
    );
    const DAYS_30 = 30 * 86_400_000;
    const rows = pairs
      .map((p) => ({ escalated: p.escalated, offset: Date.parse(p.created_at) - Date.parse(p.completed_at) }))
      .filter((p) => p.offset >= -DAYS_30 && p.offset < DAYS_30)
      .map((p) => ({ escalated: p.escalated, after: p.offset >= 0 }));
    const rate = (after: boolean) => {
      const side = rows.filter((r) => r.after === after);
      return side.reduce((s, r) => s + r.escalated, 0) / side.length;
    };
    expect(rows.filter((r) => !r.after).length).toBeGreaterThan(20);
    expect(rate(true)).toBeLessThan(rate(false));
  });
});

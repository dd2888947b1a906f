/**
 * The demo seed (issues #5 and #6): deterministic, refuses a database with data, meets the
 * requested volumes exactly, and writes only rows the API itself could have written.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { openDatabase } from '../../api/db/index.ts';
import { insertLink } from '../../api/db/queries/links.ts';
import { upsertVotes } from '../../api/db/queries/votes.ts';
import { eventSchema } from '../../core/contracts/events.ts';
import { ticketSchema } from '../../core/tickets/ticket.ts';
import { VOTE_REASONS } from '../../core/contracts/vote-values.ts';
import type { ManifestArticle } from '../../core/content/manifest.ts';
import { buildTopicTree } from '../../core/content/topics.ts';
import { normalizeQuery } from '../../core/search/query.ts';
import { DEMO_AGENTS, SeedRefusedError, seedDatabase, type SeedOptions } from '../../api/demo/index.ts';
import { manifestArticle, testCatalog, writeManifest } from '../support/catalog.ts';
import { runScript } from '../support/cli.ts';
import { tempDir } from '../support/temp-dir.ts';
import { migratedDatabase } from '../support/database.ts';

/** A small taxonomy: "install" has no article at all (a content gap). */
const topics = buildTopicTree([
  {
    id: 'accounts',
    name: { 'zh-CN': '账户', en: 'Accounts' },
    children: [{ id: 'accounts-password', name: { 'zh-CN': '密码', en: 'Passwords' } }],
  },
  { id: 'licensing', name: { 'zh-CN': '许可证', en: 'Licensing' } },
  { id: 'install', name: { 'zh-CN': '安装', en: 'Installation' } },
]);

const articles: ManifestArticle[] = [
  ...['zh-CN', 'en'].flatMap((lang) => [
    manifestArticle(`${lang}/reset-password`, { topic: 'accounts-password', tags: ['password', '密码'], translationKey: 'reset-password' }),
    manifestArticle(`${lang}/activation`, { topic: 'licensing', type: 'solution', tags: ['E-LIC-0042'], translationKey: 'activation' }),
    manifestArticle(`${lang}/training-activation`, {
      topic: 'licensing',
      topics: ['accounts-password'],
      type: 'training',
      translationKey: 'training-activation',
    }),
  ]),
  manifestArticle('en/old-server', { topic: 'licensing', state: 'archived', listed: false }),
];
const catalog = testCatalog(articles);
const NOW = new Date('2026-11-27T10:00:00.000Z');
const SMALL = { days: 7, seed: 42, now: NOW, catalog, topics, scale: { events: 3000, votes: 300, tickets: 200 } } satisfies SeedOptions;

async function seeded(options: Partial<SeedOptions> = {}) {
  const { db, sqlite } = await migratedDatabase();
  const summary = await seedDatabase(db, { ...SMALL, sqlite, ...options });
  return { db, sqlite, summary };
}

/** SHA-256 of every seeded table, rows in primary-key order. */
function dumpHash(sqlite: ReturnType<typeof openDatabase>['sqlite']): string {
  const hash = createHash('sha256');
  for (const [table, order] of [
    ['events', 'id'],
    ['votes', 'id'],
    ['tickets', 'source, id'],
    ['ticket_links', 'ticket_id, article, relation'],
    ['training_records', 'id'],
    ['agent_roster', 'agent'],
  ]) {
    hash.update(JSON.stringify(sqlite.prepare(`select * from ${table} order by ${order}`).all()));
  }
  return hash.digest('hex');
}

describe('seedDatabase', () => {
  it('writes identical databases for the same seed and different ones for another seed', async () => {
    const a = await seeded();
    const b = await seeded();
    const c = await seeded({ seed: 43 });
    expect(dumpHash(a.sqlite)).toBe(dumpHash(b.sqlite));
    expect(dumpHash(c.sqlite)).not.toBe(dumpHash(a.sqlite));
  });

  it('writes the same rows through the portable Kysely path as through prepared statements', async () => {
    const fast = await seeded();
    const portable = await seeded({ sqlite: undefined });
    expect(dumpHash(portable.sqlite)).toBe(dumpHash(fast.sqlite));
  });

  it('meets the requested volumes exactly', async () => {
    const { summary, sqlite } = await seeded();
    const count = (table: string) => (sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
    expect([summary.events, summary.votes, summary.tickets]).toEqual([3000, 300, 200]);
    expect([count('events'), count('votes'), count('tickets')]).toEqual([3000, 300, 200]);
    expect(count('ticket_links')).toBe(summary.links);
  });

  it('defaults to 1,200 events, 45 votes and 30 tickets a day', async () => {
    const { summary } = await seeded({ scale: undefined });
    // 7 days × 1,200 = 8,400 events; 7 × 45 = 315 votes; 7 × 30 = 210 tickets.
    expect([summary.events, summary.votes, summary.tickets]).toEqual([8400, 315, 210]);
    // The window is the 7 × 24 hours before now.
    expect([summary.from, summary.to]).toEqual(['2026-11-20T10:00:00.000Z', '2026-11-27T10:00:00.000Z']);
  });

  it('refuses a database that already has a vote, and writes nothing', async () => {
    const { db, sqlite } = await migratedDatabase();
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
    expect((sqlite.prepare('select count(*) n from events').get() as { n: number }).n).toBe(0);
  });

  it('seeds a database whose only rows are created-from links synced from the content', async () => {
    const { db, sqlite } = await migratedDatabase();
    await insertLink(db, { ticket: 'INC0031422', source: '', article: 'en/reset-password', relation: 'created-from' }, NOW);
    const summary = await seedDatabase(db, { ...SMALL, sqlite });
    expect(summary.events).toBe(3000);
  });

  it('rejects a window of 0 days', async () => {
    const { db } = await migratedDatabase();
    await expect(seedDatabase(db, { ...SMALL, days: 0 })).rejects.toThrow(/days must be a whole number from 1 to 731/);
  });

  it('stores only events the events route would accept, as it would store them', async () => {
    const { sqlite } = await seeded();
    const rows = sqlite.prepare('select * from events order by id').all() as Array<Record<string, string | number | null>>;
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
    const { sqlite } = await seeded();
    const rows = sqlite.prepare('select session, visitor, created_at from events order by session, created_at, id').all() as Array<{
      session: string;
      visitor: string;
      created_at: string;
    }>;
    for (let i = 1; i < rows.length; i++) {
      const [prev, cur] = [rows[i - 1]!, rows[i]!];
      if (prev.session !== cur.session) continue;
      expect(cur.visitor).toBe(prev.visitor);
      expect(cur.created_at.slice(0, 10)).toBe(prev.created_at.slice(0, 10));
      expect(Date.parse(cur.created_at) - Date.parse(prev.created_at)).toBeLessThanOrEqual(30 * 60_000);
    }
  });

  it('casts one vote per visitor, article and UTC day, with reasons only on not-helpful votes', async () => {
    const { sqlite } = await seeded();
    const votes = sqlite.prepare('select * from votes').all() as Array<{
      visitor: string;
      article: string;
      day: string;
      helpful: number;
      reason: string | null;
      created_at: string;
    }>;
    expect(new Set(votes.map((v) => `${v.visitor}/${v.article}/${v.day}`)).size).toBe(votes.length);
    for (const v of votes) {
      expect(v.day).toBe(v.created_at.slice(0, 10));
      if (v.helpful === 1) expect(v.reason).toBeNull();
      else if (v.reason !== null) expect(VOTE_REASONS).toContain(v.reason);
      expect(catalog.byId.get(v.article)?.listed).toBe(true);
    }
  });

  it('writes tickets valid under the canonical schema, a content-gap topic included, with links to articles of their topic', async () => {
    const { sqlite } = await seeded();
    const tickets = sqlite.prepare('select * from tickets order by id').all() as Array<Record<string, string | number | null>>;
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
    const links = sqlite
      .prepare('select l.article, t.topic, t.resolved_at from ticket_links l join tickets t on t.id = l.ticket_id')
      .all() as Array<{ article: string; topic: string; resolved_at: string | null }>;
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      const a = catalog.byId.get(l.article)!;
      expect([a.topic, ...a.topics]).toContain(l.topic);
      expect(a.type).not.toBe('training');
      expect(l.resolved_at).not.toBeNull();
    }
    // Every contact form sent within the ticket volume names the ticket it became.
    const refs = sqlite
      .prepare("select ticket_ref from events where type = 'contact_submitted' and ticket_ref is not null")
      .all() as Array<{ ticket_ref: string }>;
    const ids = new Set(tickets.map((t) => t.id));
    for (const r of refs) expect(ids.has(r.ticket_ref)).toBe(true);
  });

  it('writes training records on training articles only, leaves three agents untrained, and the roster of twelve', async () => {
    const { sqlite, summary } = await seeded();
    const records = sqlite.prepare('select agent, article from training_records').all() as Array<{ agent: string; article: string }>;
    expect(records.length).toBe(summary.trainingRecords);
    for (const r of records) expect(catalog.byId.get(r.article)?.type).toBe('training');
    // 12 agents, 3 never trained: at most 9 distinct agents have records.
    const trained = new Set(records.map((r) => r.agent));
    expect(trained.size).toBeGreaterThan(0);
    expect(trained.size).toBeLessThanOrEqual(9);
    expect(summary.rosterAgents).toBe(12);
  });

  it('shows trained agents escalating less after their training than before', async () => {
    const { sqlite } = await seeded({ days: 90, scale: { events: 0, votes: 0, tickets: 6000 } });
    // Tickets of a trained agent in a topic their training covers, split at the completion.
    const rows = sqlite
      .prepare(
        `select t.escalated, t.created_at >= r.completed_at as after from tickets t
         join training_records r on r.agent = t.agent and t.topic in ('licensing', 'accounts-password')
         where t.created_at >= datetime(r.completed_at, '-30 days') and t.created_at < datetime(r.completed_at, '+30 days')`,
      )
      .all() as Array<{ escalated: number; after: number }>;
    const rate = (after: number) => {
      const side = rows.filter((r) => r.after === after);
      return side.reduce((s, r) => s + r.escalated, 0) / side.length;
    };
    expect(rows.filter((r) => r.after === 0).length).toBeGreaterThan(20);
    expect(rate(1)).toBeLessThan(rate(0));
  });
});

describe('npm run seed', () => {
  let work: string;
  let dist: string;
  beforeEach(() => {
    work = tempDir('kb-seed-');
    dist = join(work, 'dist');
    writeManifest(dist, articles);
  });
  const run = (args: string[], env: Record<string, string> = {}) =>
    runScript('scripts/seed.ts', args, { env: { KB_DIST_DIR: dist, ...env } });

  it('rejects a bad --days with exit 2, naming the flag', () => {
    const result = run(['--days', 'ninety', '--db', join(work, 'bad.sqlite')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--days must be a whole number from 1 to 731, got "ninety"/);
  });

  it('seeds an empty database, then refuses it with exit 2', () => {
    const db = join(work, 'kb.sqlite');
    const first = run(['--days', '2', '--seed', '7', '--now', '2026-11-27T10:00:00Z', '--db', db]);
    expect(first.status, first.stderr).toBe(0);
    // 2 days × 1,200 = 2,400 events; 2 × 45 = 90 votes; 2 × 30 = 60 tickets.
    expect(first.stdout).toMatch(/2400 events in \d+ sessions, 90 votes, 60 tickets/);
    const second = run(['--days', '2', '--db', db]);
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(/already has data \(events, votes, tickets/);
  });

  it('asks for a build when there is none, with exit 1', () => {
    const result = run(['--db', join(work, 'none.sqlite')], { KB_DIST_DIR: join(work, 'no-dist') });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Run "npm run build" first/);
  });
});

/**
 * The scorecards as computed (counts folded per agent in SQL, durations as per-agent lists,
 * links from the links' side: api/db/queries/scorecards.ts) against a straightforward reference:
 * every ticket of the period read as a row and every figure counted ticket by ticket in
 * JavaScript, as docs/design.md §8 words it. A random fixture of a few hundred tickets (seeded,
 * so a failure repeats): several agents in teams and one off the roster, tickets without an agent
 * or a topic, open ones too recent to judge, the helpdesk's slaMet, CSAT, reopenings, minutes,
 * knowledgeUsed and links of every relation (some naming no source).
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../api/db/index.ts';
import { insertLink } from '../../api/db/queries/links.ts';
import { upsertTickets } from '../../api/db/queries/tickets.ts';
import { upsertRoster } from '../../api/db/queries/training.ts';
import { agentDirectory, computeScorecards, MIN_RESOLVED_TO_JUDGE, type Figures } from '../../api/metrics/scorecards.ts';
import { maturityOf, ticketFilterOf } from '../../api/metrics/support.ts';
import { parseMetricQuery } from '../../api/metrics/period.ts';
import { UNASSIGNED_TEAM } from '../../api/metrics/training.ts';
import type { MetricEnv, MetricQuery } from '../../api/metrics/types.ts';
import { buildTopicTree } from '../../core/content/topics.ts';
import { mean, median, percentile, ratio } from '../../core/stats.ts';
import { ticketSchema, type TicketInput } from '../../core/tickets/ticket.ts';
import { migratedDatabase } from '../support/database.ts';
import { METRIC_NOW, metricTestEnv } from '../support/metrics.ts';

const H = 3_600_000;
const HOUR = 3600;

/** mulberry32: a small seeded generator. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AGENTS = ['ann', 'bo', 'cy', 'dee', 'eli', 'fay', 'gus', 'off-roster'];
const TOPICS = ['billing', 'install', 'install-linux', 'accounts', undefined];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
const ARTICLES = ['en/a1', 'en/a2', 'en/a3', 'zh-CN/b1', 'zh-CN/b2'];

/** Tickets created from 2026-10-20 to 2026-11-27 (the period is November; now is 11-27T10:00Z). */
function fixture(seed: number, count: number) {
  const r = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const tickets: TicketInput[] = [];
  const links: Array<{
    ticket: string;
    source: 'api' | undefined;
    article: string;
    relation: 'created-from' | 'solved-by' | 'referenced';
  }> = [];
  for (let i = 0; i < count; i++) {
    const created = Date.UTC(2026, 9, 20) + Math.floor(r() * 38 * 24) * H + Math.floor(r() * 3600) * 1000;
    if (created > METRIC_NOW.getTime() - H) continue;
    const resolved = r() < 0.75;
    // Whole minutes and hours, and a few equal values, so medians meet ties.
    const res = resolved ? Math.min(Math.round(r() * r() * 120 * 60) / 60 + 0.25, (METRIC_NOW.getTime() - created) / H - 0.01) : undefined;
    const fr = r() < 0.85 ? Math.round(r() * 16 * 4) / 4 : undefined;
    const topic = pick(TOPICS);
    const id = `T${i}`;
    tickets.push({
      id,
      source: 'api',
      subject: `ticket ${i}`,
      ...(r() < 0.07 ? {} : { agent: pick(AGENTS) }),
      ...(topic ? { topic } : {}),
      priority: pick(PRIORITIES),
      status: res === undefined ? 'open' : r() < 0.5 ? 'solved' : 'closed',
      createdAt: new Date(created).toISOString(),
      ...(fr === undefined || (res !== undefined && fr > res) ? {} : { firstResponseAt: new Date(created + fr * H).toISOString() }),
      ...(res === undefined
        ? {}
        : r() < 0.2
          ? { closedAt: new Date(created + res * H).toISOString() }
          : { resolvedAt: new Date(created + res * H).toISOString() }),
      ...(r() < 0.4 ? { csat: 1 + Math.floor(r() * 5) } : {}),
      ...(r() < 0.15 ? { escalated: true, tier: 2 as const } : {}),
      ...(r() < 0.1 ? { reopened: 1 + Math.floor(r() * 2) } : r() < 0.1 ? { reopened: 0 } : {}),
      ...(r() < 0.2 ? { slaMet: r() < 0.6 } : {}),
      ...(r() < 0.3 ? { minutesLogged: Math.floor(r() * 90) } : {}),
      ...(r() < 0.15 ? { knowledgeUsed: r() < 0.7 } : {}),
    });
    const linksOf = r() < 0.3 ? 1 + Math.floor(r() * 2) : 0;
    for (let k = 0; k < linksOf; k++)
      links.push({
        ticket: id,
        source: r() < 0.2 ? undefined : 'api',
        article: pick(ARTICLES),
        relation: pick(['created-from', 'solved-by', 'referenced'] as const),
      });
  }
  return { tickets, links };
}

interface Row {
  source: string;
  id: string;
  agent: string | null;
  topic: string | null;
  priority: string;
  createdAt: string;
  resolvedAt: string | null;
  fr: number | null;
  res: number | null;
  escalated: boolean;
  reopened: boolean;
  csat: number | null;
  slaMet: boolean | null;
  minutes: number | null;
  linked: boolean;
}

/** The reference: every ticket read as a row, every figure counted in JavaScript. */
async function referenceCards(env: MetricEnv, query: MetricQuery) {
  const filter = ticketFilterOf(env, query);
  const allLinks = await env.db.selectFrom('ticket_links').selectAll().execute();
  const linksOf = (t: { source: string; id: string }) =>
    allLinks.filter((l) => l.ticket_id === t.id && (l.ticket_source === t.source || l.ticket_source === ''));
  const allTickets = await env.db.selectFrom('tickets').selectAll().execute();
  const rows = allTickets
    .filter((t) => t.created_at >= filter.start && t.created_at < filter.end && (!filter.topics || filter.topics.includes(t.topic!)))
    .map((t): Row => ({
      source: t.source,
      id: t.id,
      agent: t.agent,
      topic: t.topic,
      priority: t.priority,
      createdAt: t.created_at,
      resolvedAt: t.resolution_seconds === null ? null : (t.resolved_at ?? t.closed_at),
      fr: t.first_response_seconds === null ? null : Number(t.first_response_seconds),
      res: t.resolution_seconds === null ? null : Number(t.resolution_seconds),
      escalated: Number(t.escalated) === 1,
      reopened: Number(t.reopened ?? 0) > 0,
      csat: t.csat === null ? null : Number(t.csat),
      slaMet: t.sla_met === null ? null : Number(t.sla_met) === 1,
      minutes: t.minutes_logged === null ? null : Number(t.minutes_logged),
      linked: Number(t.knowledge_used ?? 0) === 1 || linksOf(t).length > 0,
    }));
  const directory = await agentDirectory(env);
  const teamOf = (agent: string) => directory.get(agent)?.team ?? UNASSIGNED_TEAM;
  const now = env.now().getTime();
  const maturity = maturityOf(env, query);

  // The mix reference over every resolved ticket of the period.
  const resolvedRows = rows.filter((t) => t.res !== null);
  const secondsOf = (list: Row[]) => list.map((t) => t.res!);
  const referenceOf = (t: Row) => {
    const cell = resolvedRows.filter((u) => (u.topic ?? '') === (t.topic ?? '') && u.priority === t.priority);
    const topic = resolvedRows.filter((u) => (u.topic ?? '') === (t.topic ?? ''));
    return cell.length >= 5 ? median(secondsOf(cell)) : topic.length >= 5 ? median(secondsOf(topic)) : median(secondsOf(resolvedRows));
  };
  const overall = median(secondsOf(resolvedRows));

  const sla = (t: Row): boolean | null => {
    if (t.slaMet !== null) return t.slaMet;
    const target = env.settings.slaTargets[t.priority as (typeof PRIORITIES)[number]];
    const age = (now - Date.parse(t.createdAt)) / 1000;
    if ((t.res ?? 0) > target.resolutionHours * HOUR || (t.fr ?? 0) > target.firstResponseHours * HOUR) return false;
    if (t.res !== null) return true;
    if (age > target.resolutionHours * HOUR) return false;
    if (t.fr === null && age > target.firstResponseHours * HOUR) return false;
    return null;
  };
  // Who each article was created from: the agents of the tickets linked created-from (any time).
  // Links of the period's tickets that have an agent, with that agent.
  const periodLinks = rows.filter((t) => t.agent !== null).flatMap((t) => linksOf(t).map((l) => ({ ...l, agent: t.agent! })));
  const authorsOf = (article: string) =>
    new Set(
      allLinks
        .filter((l) => l.article === article && l.relation === 'created-from')
        .flatMap((l) => allTickets.filter((t) => t.id === l.ticket_id && (l.ticket_source === t.source || l.ticket_source === '')))
        .map((t) => t.agent)
        .filter((a): a is string => a !== null),
    );
  const hours = (s: number | null) => (s === null ? null : s / HOUR);
  const figures = (list: Row[], articlesCreated: number, reuseByOthers: number): Figures => {
    const resolved = list.filter((t) => t.res !== null);
    const tooRecent = list.filter((t) => t.res === null && t.createdAt >= maturity.openSince).length;
    const outcomes = list.map(sla);
    const rated = list.filter((t) => t.csat !== null);
    const judged = resolved.filter((t) => t.resolvedAt === null || t.resolvedAt < maturity.resolvedSince);
    const ratios = resolved.map((t) => {
      const ref = referenceOf(t);
      return ref ? t.res! / ref : null;
    });
    const mixIndex = median(ratios.filter((x): x is number => x !== null));
    const withMinutes = list.filter((t) => t.minutes !== null);
    const frs = list.filter((t) => t.fr !== null).map((t) => t.fr!);
    return {
      tickets: list.length,
      resolved: resolved.length,
      resolutionRate: ratio(resolved.length, list.length - tooRecent),
      tooRecent,
      firstResponseMedianHours: hours(median(frs)),
      firstResponseP90Hours: hours(percentile(frs, 0.9)),
      resolutionMedianHours: hours(median(secondsOf(resolved))),
      resolutionP90Hours: hours(percentile(secondsOf(resolved), 0.9)),
      mixIndex,
      mixAdjustedResolutionHours: mixIndex === null || overall === null ? null : (mixIndex * overall) / HOUR,
      slaAttainment: ratio(outcomes.filter((o) => o === true).length, outcomes.filter((o) => o !== null).length),
      csatMean: mean(
        rated.reduce((s, t) => s + t.csat!, 0),
        rated.length,
      ),
      csatSatisfiedShare: ratio(rated.filter((t) => t.csat! >= 4).length, rated.length),
      csatResponses: rated.length,
      escalationRate: ratio(list.filter((t) => t.escalated).length, list.length),
      reopenRate: ratio(judged.filter((t) => t.reopened).length, judged.length),
      minutesLogged: withMinutes.length ? withMinutes.reduce((s, t) => s + t.minutes!, 0) : null,
      linkRate: ratio(resolved.filter((t) => t.linked).length, resolved.length),
      articlesCreated,
      reuseByOthers,
    };
  };

  const agents = [...new Set(rows.map((t) => t.agent).filter((a): a is string => a !== null))];
  const agentCards = agents
    .map((agent) => {
      const created = new Set(periodLinks.filter((l) => l.agent === agent && l.relation === 'created-from').map((l) => l.article));
      const reuse = periodLinks.filter((l) => l.agent !== agent && authorsOf(l.article).has(agent)).length;
      const f = figures(
        rows.filter((t) => t.agent === agent),
        created.size,
        reuse,
      );
      return {
        agent,
        name: directory.get(agent)?.name ?? agent,
        team: teamOf(agent),
        figures: f,
        judged: f.resolved! >= MIN_RESOLVED_TO_JUDGE,
      };
    })
    .sort((a, b) => a.team.localeCompare(b.team) || a.name.localeCompare(b.name) || a.agent.localeCompare(b.agent));
  const teams = [...new Set(agentCards.map((a) => a.team))].sort().map((team) => {
    const members = new Set(agentCards.filter((a) => a.team === team).map((a) => a.agent));
    const created = new Set(periodLinks.filter((l) => members.has(l.agent) && l.relation === 'created-from').map((l) => l.article));
    const reuse = periodLinks.filter((l) => !members.has(l.agent) && [...authorsOf(l.article)].some((a) => members.has(a))).length;
    const f = figures(
      rows.filter((t) => t.agent !== null && members.has(t.agent)),
      created.size,
      reuse,
    );
    return {
      team,
      agents: members.size,
      judgedAgents: agentCards.filter((a) => a.team === team && a.judged).length,
      figures: f,
      judged: f.resolved! >= MIN_RESOLVED_TO_JUDGE,
    };
  });
  return { agents: agentCards, teams, overallMedianResolutionHours: hours(overall) };
}

async function seeded(db: Db, seed: number) {
  const { tickets, links } = fixture(seed, 400);
  await upsertTickets(
    db,
    tickets.map((t) => ticketSchema.parse(t)),
  );
  await upsertRoster(db, [
    { agent: 'ann', name: 'Ann An', team: 'Team A' },
    { agent: 'bo', name: 'Bo Bai', team: 'Team A' },
    { agent: 'cy', name: 'Cy Cao', team: 'Team B' },
    { agent: 'dee', name: 'Dee Du', team: 'Team B' },
    { agent: 'eli', name: 'Eli Ek', team: 'Team B' },
    { agent: 'fay', name: 'Fay Fu', team: 'Team C' },
    { agent: 'gus', name: 'Gus Go', team: 'Team C' },
  ]);
  for (const l of links)
    await insertLink(db, { ticket: l.ticket, source: l.source ?? '', article: l.article, relation: l.relation }, METRIC_NOW);
  return tickets.length;
}

describe('scorecards against the ticket-by-ticket reference', () => {
  it.each([
    [1, undefined],
    [2, undefined],
    [3, 'install'],
  ])('agree on every figure of every card (seed %i, topic %s)', async (seed, topic) => {
    const { db } = await migratedDatabase();
    expect(await seeded(db, seed)).toBeGreaterThan(300);
    const env = metricTestEnv(db, {
      topics: buildTopicTree([
        {
          id: 'install',
          name: { en: 'Install', 'zh-CN': '安装' },
          children: [{ id: 'install-linux', name: { en: 'Linux', 'zh-CN': 'Linux' } }],
        },
      ]),
    });
    const query = parseMetricQuery({ from: '2026-11-01', to: '2026-11-30', tz: 'UTC', ...(topic ? { topic } : {}) }, METRIC_NOW);
    const cards = await computeScorecards(env, query);
    const reference = await referenceCards(env, query);
    expect(cards.agents.length).toBeGreaterThan(topic ? 3 : 6);
    expect(cards).toEqual(reference);
  });
});

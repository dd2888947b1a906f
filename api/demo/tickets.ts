/**
 * Demo tickets and their article links. Topics get different volumes and escalation rates;
 * topics without any article (a content gap) still get tickets; agents are assigned by
 * team, some markedly worse on some topics, and escalate less once trained on a topic.
 * Durations are log-normal by priority (long tails). Resolved tickets link to articles of
 * their topic at a KCS link rate rising from about 40% to about 60% over the window.
 */
import type { ArticleCatalog } from '../lib/catalog/catalog.ts';
import type { LinkRow } from '../db/queries/links.ts';
import type { Ticket } from '../../core/tickets/ticket.ts';
import type { Lang } from '../../core/content/article.ts';
import type { TopicTree } from '../../core/content/topics.ts';
import { DEMO_AGENTS, DEMO_TEAMS, teamOfTopic, type DemoAgent } from './agents.ts';
import { HOUR_MS, isoOf, type Slot } from './clock.ts';
import { type Random, WeightedSampler } from './random.ts';
import { subjectsOf } from './subjects.ts';
import type { TrainingPlan } from './training.ts';
import type { ContactSubmission } from './traffic.ts';

/** The source of every demo ticket (not a helpdesk: it tells demo data apart from imported). */
export const DEMO_SOURCE = 'demo' as Ticket['source'];

/** Relative ticket volume of the demo taxonomy's topics; other topics draw one. */
const TOPIC_VOLUME: Record<string, number> = {
  licensing: 14,
  'accounts-password': 12,
  'install-desktop': 10,
  data: 10,
  billing: 8,
  reports: 8,
  'install-upgrade': 7,
  performance: 6,
  'accounts-sso': 5,
  'accounts-users': 5,
  'integrations-api': 5,
  mobile: 5,
  'integrations-webhooks': 4,
  'support-process': 2,
};
/** Topics with no article get this volume: enough to stand out as a content gap. */
const GAP_VOLUME = 4;

const PRIORITY_WEIGHTS = { low: 20, normal: 55, high: 20, urgent: 5 } as const;
type Priority = keyof typeof PRIORITY_WEIGHTS;
/** Median hours to first response and to resolution by priority. */
const MEDIAN_HOURS: Record<Priority, { firstResponse: number; resolution: number }> = {
  urgent: { firstResponse: 0.4, resolution: 5 },
  high: { firstResponse: 1.5, resolution: 16 },
  normal: { firstResponse: 4, resolution: 36 },
  low: { firstResponse: 10, resolution: 80 },
};
/** The helpdesk's own SLA, for the tickets where it recorded whether it was met. */
const HELPDESK_SLA_HOURS: Record<Priority, { firstResponse: number; resolution: number }> = {
  urgent: { firstResponse: 1, resolution: 8 },
  high: { firstResponse: 4, resolution: 24 },
  normal: { firstResponse: 8, resolution: 72 },
  low: { firstResponse: 24, resolution: 120 },
};
/** Solved tickets close automatically three days later. */
const AUTO_CLOSE_MS = 72 * HOUR_MS;

export interface TicketTopic {
  id: string;
  team: number;
  escalationRate: number;
  subjects: Record<Lang, string[]>;
  /** Customer articles (not training) covering the topic, per language, for links. */
  articles: Record<Lang, string[]>;
}

interface AgentProfile {
  agent: DemoAgent;
  /** Topics the agent handles badly (escalates about 2.5 times as often). */
  weakTopics: Set<string>;
  /** Overall escalation factor: seniors below 1. */
  skill: number;
}

export interface TicketWorld {
  topics: TicketTopic[];
  topicSampler: WeightedSampler;
  agentsByTeam: AgentProfile[][];
  training: TrainingPlan;
  requesterSampler: WeightedSampler;
  now: number;
}

/** Topics that get tickets: every leaf, and every topic no listed article covers. */
export function ticketWorld(
  rng: Random,
  tree: TopicTree,
  catalog: ArticleCatalog,
  training: TrainingPlan,
  expectedTickets: number,
  now: number,
): TicketWorld {
  const covering = (topic: string, lang?: Lang) =>
    catalog.listed
      .filter((a) => a.type !== 'training' && (!lang || a.lang === lang) && (a.topic === topic || a.topics.includes(topic)))
      .map((a) => a.id)
      .sort();
  const roots = tree.topics.filter((t) => t.parent === null).map((t) => t.id);
  const rootOf = (id: string): string => {
    let t = tree.byId.get(id)!;
    while (t.parent) t = tree.byId.get(t.parent)!;
    return t.id;
  };
  const anyArticle = (id: string) => catalog.listed.some((a) => a.topic === id || a.topics.includes(id));
  const topics: TicketTopic[] = [];
  const volumes: number[] = [];
  for (const t of tree.topics) {
    const gap = !anyArticle(t.id);
    if (t.children.length > 0 && !gap) continue;
    const root = rootOf(t.id);
    topics.push({
      id: t.id,
      team: teamOfTopic(root, roots.indexOf(root)),
      // Without an article agents have nothing to follow: gaps escalate most.
      escalationRate: gap ? 0.3 + rng.next() * 0.1 : 0.06 + rng.next() * 0.2,
      subjects: { 'zh-CN': subjectsOf(t, 'zh-CN'), en: subjectsOf(t, 'en') },
      articles: { 'zh-CN': covering(t.id, 'zh-CN'), en: covering(t.id, 'en') },
    });
    volumes.push(gap ? GAP_VOLUME : (TOPIC_VOLUME[t.id] ?? rng.int(2, 10)));
  }
  const topicIds = topics.map((t) => t.id);
  // Half the agents have a weak spot among the topics training covers, so training has something to fix.
  const trainable = topicIds.filter((id) => training.coveredTopics.has(id));
  const agentsByTeam: AgentProfile[][] = DEMO_TEAMS.map(() => []);
  for (const agent of DEMO_AGENTS) {
    const team = (DEMO_TEAMS as readonly string[]).indexOf(agent.team);
    const weak = new Set<string>([rng.pick(topicIds)]);
    if (trainable.length && rng.chance(0.5)) weak.add(rng.pick(trainable));
    agentsByTeam[team]!.push({ agent, weakTopics: weak, skill: rng.chance(0.25) ? 0.6 : 1 });
  }
  // Some customers write often: requester popularity is Zipf-like over a pool of about 40% of the tickets.
  const requesters = Math.max(20, Math.round(expectedTickets * 0.4));
  const requesterWeights = Array.from({ length: requesters }, (_, i) => 1 / Math.pow(i + 1, 0.5));
  return {
    topics,
    topicSampler: new WeightedSampler(volumes),
    agentsByTeam,
    training,
    requesterSampler: new WeightedSampler(requesterWeights),
    now,
  };
}

export interface DayTickets {
  tickets: Ticket[];
  links: LinkRow[];
}

/**
 * The day's `quota` tickets: first the contact forms sent that day (web tickets, whose
 * event then names the ticket), then email, chat and phone tickets in office hours.
 * Ids continue from `nextNumber` in creation order.
 */
export function dayTickets(
  rng: Random,
  world: TicketWorld,
  slots: Slot[],
  quota: number,
  submissions: ContactSubmission[],
  nextNumber: number,
): DayTickets {
  type Seed = { at: number; lang: Lang; channel: string; topic: string | null; submission?: ContactSubmission };
  const seeds: Seed[] = submissions.slice(0, quota).map((s) => ({ at: s.at, lang: s.lang, channel: 'web', topic: s.topic, submission: s }));
  const slotSampler = slots.some((s) => s.ticketWeight > 0) ? new WeightedSampler(slots.map((s) => s.ticketWeight)) : null;
  while (seeds.length < quota && slotSampler) {
    const slot = slots[slotSampler.draw(rng)]!;
    seeds.push({
      at: slot.start + Math.floor(rng.next() * (slot.end - slot.start)),
      lang: rng.chance(0.6) ? 'zh-CN' : 'en',
      channel: rng.weighted({ email: 45, chat: 30, phone: 25 }),
      topic: null,
    });
  }
  seeds.sort((a, b) => a.at - b.at);
  const out: DayTickets = { tickets: [], links: [] };
  seeds.forEach((seed, i) => {
    const id = `DEMO-${String(nextNumber + i).padStart(6, '0')}`;
    if (seed.submission) seed.submission.row.ticket_ref = id;
    const topic = world.topics.find((t) => t.id === seed.topic) ?? world.topics[world.topicSampler.draw(rng)]!;
    const ticket = makeTicket(rng, world, id, seed.at, seed.lang, seed.channel, topic);
    out.tickets.push(ticket);
    out.links.push(...linksOf(rng, ticket, topic, slots[0]!.progress));
  });
  return out;
}

function makeTicket(
  rng: Random,
  world: TicketWorld,
  id: string,
  createdAt: number,
  lang: Lang,
  channel: string,
  topic: TicketTopic,
): Ticket {
  const team = rng.chance(0.8) ? topic.team : rng.int(0, world.agentsByTeam.length - 1);
  const profile = rng.pick(world.agentsByTeam[team]!);
  const agent = profile.agent.agent;
  const priority = rng.weighted(PRIORITY_WEIGHTS);
  const trained = world.training.isTrained(agent, topic.id, createdAt);
  const weak = profile.weakTopics.has(topic.id);
  const escalationRate = Math.min(0.9, topic.escalationRate * profile.skill * (weak ? 2.5 : 1) * (trained ? 0.45 : 1));
  const escalated = rng.chance(escalationRate);
  const median = MEDIAN_HOURS[priority];
  const firstResponseHours = rng.logNormal(median.firstResponse, 0.8);
  const resolutionHours = Math.max(
    firstResponseHours + 0.05,
    rng.logNormal(median.resolution, 0.9) * (escalated ? 2 : 1) * (weak ? 1.3 : 1) * (trained ? 0.85 : 1),
  );
  const firstResponseAt = createdAt + Math.round(firstResponseHours * HOUR_MS);
  // A few tickets wait on the customer for good and never resolve.
  const stuck = rng.chance(0.015);
  const resolvedAt = stuck ? Infinity : createdAt + Math.round(resolutionHours * HOUR_MS);
  const resolved = resolvedAt <= world.now;
  const closed = resolved && resolvedAt + AUTO_CLOSE_MS <= world.now;
  const reopened = resolved ? (rng.chance(escalated ? 0.12 : 0.04) ? (rng.chance(0.2) ? 2 : 1) : 0) : 0;
  const sla = HELPDESK_SLA_HOURS[priority];
  const ticket: Ticket = {
    id,
    source: DEMO_SOURCE,
    subject: rng.pick(topic.subjects[lang]),
    description: lang === 'zh-CN' ? '演示工单（自动生成）。' : 'Demo ticket (generated).',
    topic: topic.id,
    product: topic.id.startsWith('mobile') ? 'Lumen Mobile' : topic.id.startsWith('integrations') ? 'Lumen API' : 'Lumen Desktop',
    priority,
    status: closed ? 'closed' : resolved ? 'solved' : firstResponseAt <= world.now ? (rng.chance(0.7) ? 'open' : 'pending') : 'new',
    channel,
    requester: `customer-${String(world.requesterSampler.draw(rng) + 1).padStart(4, '0')}@example.com`,
    agent,
    tier: escalated ? 2 : 1,
    escalated,
    createdAt: isoOf(createdAt),
    lang,
    reassigned: escalated ? rng.int(1, 2) : rng.chance(0.1) ? 1 : 0,
  };
  if (firstResponseAt <= world.now) ticket.firstResponseAt = isoOf(firstResponseAt);
  if (resolved) {
    ticket.resolvedAt = isoOf(resolvedAt);
    if (closed) ticket.closedAt = isoOf(resolvedAt + AUTO_CLOSE_MS);
    ticket.reopened = reopened;
    // About 30% of customers answer the satisfaction survey.
    if (rng.chance(0.3))
      ticket.csat = Math.max(
        1,
        Math.min(5, Math.round(4.4 - (escalated ? 0.8 : 0) - (resolutionHours > 72 ? 0.7 : 0) - reopened + rng.normal() * 0.8)),
      );
    // The helpdesk recorded its SLA verdict on about 60%; the others are left to the configured targets.
    if (rng.chance(0.6)) ticket.slaMet = firstResponseHours <= sla.firstResponse && resolutionHours <= sla.resolution;
  }
  return ticket;
}

/** Article links of a resolved ticket; knowledgeUsed on some tickets the agent did not link. */
function linksOf(rng: Random, ticket: Ticket, topic: TicketTopic, progress: number): LinkRow[] {
  if (!ticket.resolvedAt) return [];
  const candidates = topic.articles[ticket.lang ?? 'en'].length
    ? topic.articles[ticket.lang ?? 'en']
    : topic.articles[ticket.lang === 'en' ? 'zh-CN' : 'en'];
  if (candidates.length === 0 || !rng.chance(0.4 + 0.2 * progress)) {
    if (rng.chance(0.1)) ticket.knowledgeUsed = true;
    return [];
  }
  const first = rng.pick(candidates);
  const link = (article: string, relation: string): LinkRow => ({
    ticket: ticket.id,
    source: DEMO_SOURCE,
    article,
    relation,
    createdAt: ticket.resolvedAt!,
  });
  const links = [link(first, rng.chance(0.7) ? 'solved-by' : 'referenced')];
  const others = candidates.filter((a) => a !== first);
  if (others.length && rng.chance(0.15)) links.push(link(rng.pick(others), 'referenced'));
  return links;
}

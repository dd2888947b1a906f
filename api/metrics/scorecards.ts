/**
 * Scorecards (考核, docs/design.md §8): per agent and per team, for a period, the support
 * team's own appraisal figures, each beside the team's median, with a mix-adjusted resolution
 * time so an agent who takes the hard topics is not penalised. Under MIN_RESOLVED_TO_JUDGE
 * resolved tickets a card reads "too few to judge" and has no rank. Who sees which card is
 * decided by the route (visibleAgentRows / visibleTeamRows), from the caller's role.
 *
 * Tickets are those created in the period (docs/design.md §4) that have an agent; the display
 * name and team are the staff account's with that agent id, else the roster's (`npm run
 * import:roster`), else the agent id and "unassigned". The like-for-like rule of the support KPIs applies
 * to the resolution and reopen rates (support.ts maturityOf).
 */
import {
  agentTicketsOf,
  articleAuthors,
  cellKey,
  cellTopic,
  periodTicketLinks,
  type AgentTickets,
  type ScorecardTicket,
} from '../db/queries/scorecards.ts';
import type { SlaRule } from '../db/queries/metrics-tickets.ts';
import { listStaffUsers } from '../db/queries/staff-users.ts';
import { listRoster } from '../db/queries/training.ts';
import { isRole, roleSatisfies } from '../../core/contracts/roles.ts';
import { mean, median, medianOfSorted, percentileOfSorted, ratio } from '../../core/stats.ts';
import { maturityOf, ticketFilterOf } from './support.ts';
import { UNASSIGNED_TEAM } from './training.ts';
import {
  PRIORITIES,
  type MetricDefinition,
  type MetricEnv,
  type MetricNumber,
  type MetricQuery,
  type MetricRow,
  type MetricSettings,
} from './types.ts';

/** Fewer resolved tickets than this: "too few to judge", never ranked (docs/design.md §8). */
export const MIN_RESOLVED_TO_JUDGE = 10;
/** A (topic, priority) cell, or a topic, needs this many resolved tickets to be the mix reference. */
export const MIN_CELL_TICKETS = 5;

const HOUR = 3600;
const DAY_MS = 86_400_000;

/** The figures of a card, in the order of the CSV's columns. */
export const SCORECARD_FIGURES = [
  'tickets',
  'resolved',
  'resolutionRate',
  'tooRecent',
  'firstResponseMedianHours',
  'firstResponseP90Hours',
  'resolutionMedianHours',
  'resolutionP90Hours',
  'mixIndex',
  'mixAdjustedResolutionHours',
  'slaAttainment',
  'csatMean',
  'csatSatisfiedShare',
  'csatResponses',
  'escalationRate',
  'reopenRate',
  'minutesLogged',
  'linkRate',
  'articlesCreated',
  'reuseByOthers',
] as const;
export type ScorecardFigure = (typeof SCORECARD_FIGURES)[number];
export type Figures = Record<ScorecardFigure, MetricNumber>;

/** The mix reference: each resolved ticket's time ÷ the median of its cell (docs/design.md §8). */
export interface MixReference {
  /** Median resolution seconds of all resolved tickets of the period. */
  overallMedianSeconds: number | null;
  /** The ratio of a resolved ticket of `cell` (cellKey); null when its reference median is 0. */
  ratio(cell: string, seconds: number): number | null;
  /** The same for one ticket; null when it is unresolved. */
  ratioOf(t: Pick<ScorecardTicket, 'topic' | 'priority' | 'resolutionSeconds'>): number | null;
}

/** The resolved tickets the mix reference is built from: parallel lists of seconds and cell (cellKey). */
interface ResolvedLists {
  resolution: readonly number[];
  resolutionCell: readonly string[];
}

/**
 * The reference medians: of the ticket's topic and priority; of its topic alone when that
 * cell has fewer than MIN_CELL_TICKETS resolved tickets; of all tickets when the topic has
 * fewer than MIN_CELL_TICKETS too.
 */
function mixReferenceOf(lists: Iterable<ResolvedLists>): MixReference {
  const byCell = new Map<string, number[]>();
  const all: number[] = [];
  for (const l of lists)
    for (let i = 0; i < l.resolution.length; i++) {
      const seconds = l.resolution[i]!;
      const key = l.resolutionCell[i]!;
      let list = byCell.get(key);
      if (!list) byCell.set(key, (list = []));
      list.push(seconds);
      all.push(seconds);
    }
  // A topic's times are its cells' (medians do not depend on the order).
  const byTopic = new Map<string, number[]>();
  for (const [cell, seconds] of byCell) {
    const topic = cellTopic(cell);
    let list = byTopic.get(topic);
    if (!list) byTopic.set(topic, (list = []));
    for (const s of seconds) list.push(s);
  }
  const overall = median(all);
  // The reference of each cell, decided once.
  const references = new Map<string, number | null>();
  for (const [cell, seconds] of byCell) {
    const inTopic = byTopic.get(cellTopic(cell))!;
    references.set(
      cell,
      seconds.length >= MIN_CELL_TICKETS ? median(seconds) : inTopic.length >= MIN_CELL_TICKETS ? median(inTopic) : overall,
    );
  }
  const ratioOf = (cell: string, seconds: number) => {
    const reference = references.get(cell);
    return reference ? seconds / reference : null;
  };
  return {
    overallMedianSeconds: overall,
    ratio: ratioOf,
    ratioOf: (t) => (t.resolutionSeconds === null ? null : ratioOf(cellKey(t.topic, t.priority), t.resolutionSeconds)),
  };
}

/** The mix reference of a list of tickets (their resolved ones). */
export function mixReference(tickets: ReadonlyArray<Pick<ScorecardTicket, 'topic' | 'priority' | 'resolutionSeconds'>>): MixReference {
  const resolved = tickets.filter((t) => t.resolutionSeconds !== null);
  return mixReferenceOf([
    { resolution: resolved.map((t) => t.resolutionSeconds!), resolutionCell: resolved.map((t) => cellKey(t.topic, t.priority)) },
  ]);
}

/** SLA targets as the storage layer takes them (seconds). */
export const slaRulesOf = (settings: MetricSettings): SlaRule[] =>
  PRIORITIES.map((priority) => ({
    priority,
    firstResponseSeconds: settings.slaTargets[priority].firstResponseHours * HOUR,
    resolutionSeconds: settings.slaTargets[priority].resolutionHours * HOUR,
  }));

const hoursOf = (sorted: Float64Array) => {
  const h = (s: number | null) => (s === null ? null : s / HOUR);
  return { median: h(medianOfSorted(sorted)), p90: h(percentileOfSorted(sorted, 0.9)) };
};

/** A card's tickets: one agent's, or a team's (its members' pooled), with each resolved ticket's mix ratio. */
interface CardTickets {
  counts: Omit<AgentTickets, 'agent' | 'firstResponse' | 'resolution' | 'resolutionCell'>;
  firstResponse: number[];
  resolution: number[];
  ratios: number[];
  /** Resolved tickets linked by a link alone (no knowledgeUsed). */
  linkedByLinks: number;
}

/** Every figure of a card. */
function figuresOf(
  card: CardTickets,
  overallMedianSeconds: number | null,
  kcs: { articlesCreated: number; reuseByOthers: number },
): Figures {
  const c = card.counts;
  // A typed array sorts numerically without a comparator.
  const fr = hoursOf(Float64Array.from(card.firstResponse).sort());
  const res = hoursOf(Float64Array.from(card.resolution).sort());
  const mixIndex = median(card.ratios);
  return {
    tickets: c.tickets,
    resolved: c.resolved,
    resolutionRate: ratio(c.resolved, c.tickets - c.tooRecent),
    tooRecent: c.tooRecent,
    firstResponseMedianHours: fr.median,
    firstResponseP90Hours: fr.p90,
    resolutionMedianHours: res.median,
    resolutionP90Hours: res.p90,
    mixIndex,
    mixAdjustedResolutionHours: mixIndex === null || overallMedianSeconds === null ? null : (mixIndex * overallMedianSeconds) / HOUR,
    slaAttainment: ratio(c.slaMet, c.slaMet + c.slaMissed),
    csatMean: mean(c.csatSum, c.csatResponses),
    csatSatisfiedShare: ratio(c.csatSatisfied, c.csatResponses),
    csatResponses: c.csatResponses,
    escalationRate: ratio(c.escalated, c.tickets),
    reopenRate: ratio(c.reopened, c.reopenJudged),
    minutesLogged: c.minutes,
    linkRate: ratio(c.knowledgeResolved + card.linkedByLinks, c.resolved),
    articlesCreated: kcs.articlesCreated,
    reuseByOthers: kcs.reuseByOthers,
  };
}

/** Several cards' tickets pooled (a team's). */
function pooled(cards: readonly CardTickets[]): CardTickets {
  const counts = { ...cards[0]!.counts };
  for (const card of cards.slice(1))
    for (const key of Object.keys(counts) as Array<keyof CardTickets['counts']>) {
      if (key === 'minutes') {
        if (card.counts.minutes !== null) counts.minutes = (counts.minutes ?? 0) + card.counts.minutes;
      } else counts[key] += card.counts[key];
    }
  const concat = (pick: (c: CardTickets) => number[]) => {
    const all: number[] = [];
    for (const c of cards) for (const v of pick(c)) all.push(v);
    return all;
  };
  return {
    counts,
    firstResponse: concat((c) => c.firstResponse),
    resolution: concat((c) => c.resolution),
    ratios: concat((c) => c.ratios),
    linkedByLinks: cards.reduce((s, c) => s + c.linkedByLinks, 0),
  };
}

/** The figures a team median is shown beside (the counts of KCS participation included). */
const teamMedianOf = (cards: Array<{ figures: Figures }>, figure: ScorecardFigure): MetricNumber =>
  median(cards.map((c) => c.figures[figure]).filter((v): v is number => v !== null));

interface AgentCard {
  agent: string;
  name: string;
  team: string;
  figures: Figures;
  judged: boolean;
}

export interface Scorecards {
  agents: AgentCard[];
  teams: Array<{ team: string; agents: number; judgedAgents: number; figures: Figures; judged: boolean }>;
  overallMedianResolutionHours: number | null;
}

/**
 * Every agent's and every team's card for the period (the route keeps what the caller may see).
 * The period's tickets are read once, folded per agent in SQL (agentTicketsOf); a team's card
 * pools its members' folds.
 */
export async function computeScorecards(env: MetricEnv, query: MetricQuery): Promise<Scorecards> {
  const filter = ticketFilterOf(env, query);
  const now = env.now();
  const byAgent = await agentTicketsOf(env.db, filter, { maturity: maturityOf(env, query), slaRules: slaRulesOf(env.settings), now });
  const [links, authors, directory] = [await periodTicketLinks(env.db, filter), await articleAuthors(env.db), await agentDirectory(env)];
  const teamOf = (agent: string) => directory.get(agent)?.team ?? UNASSIGNED_TEAM;

  // KCS participation: articles created from the agent's tickets of the period (distinct), and
  // links from other agents' tickets of the period to articles created from the agent's tickets (any time).
  const created = new Map<string, Set<string>>();
  const reuse = new Map<string, number>();
  // Resolved tickets without knowledgeUsed that link an article: linked by their links (counted once per ticket).
  const linkedTickets = new Map<string, Set<string>>();
  for (const l of links) {
    if (l.relation === 'created-from') {
      let set = created.get(l.agent);
      if (!set) created.set(l.agent, (set = new Set()));
      set.add(l.article);
    }
    for (const author of authors.get(l.article) ?? []) if (author !== l.agent) reuse.set(author, (reuse.get(author) ?? 0) + 1);
    if (l.linksOnly) {
      let set = linkedTickets.get(l.agent);
      if (!set) linkedTickets.set(l.agent, (set = new Set()));
      set.add(l.ticket);
    }
  }

  // The mix reference stands on every resolved ticket of the period, those without an agent included.
  const mix = mixReferenceOf(byAgent.values());
  const cardTickets = new Map<string, CardTickets>();
  for (const [agent, a] of byAgent) {
    if (agent === null) continue;
    const { firstResponse, resolution, resolutionCell, agent: _, ...counts } = a;
    const ratios: number[] = [];
    for (let i = 0; i < resolution.length; i++) {
      const r = mix.ratio(resolutionCell[i]!, resolution[i]!);
      if (r !== null) ratios.push(r);
    }
    cardTickets.set(agent, { counts, firstResponse, resolution, ratios, linkedByLinks: linkedTickets.get(agent)?.size ?? 0 });
  }

  const overall = mix.overallMedianSeconds;
  const agents: AgentCard[] = [...cardTickets]
    .map(([agent, card]) => {
      const figures = figuresOf(card, overall, { articlesCreated: created.get(agent)?.size ?? 0, reuseByOthers: reuse.get(agent) ?? 0 });
      return {
        agent,
        name: directory.get(agent)?.name ?? agent,
        team: teamOf(agent),
        figures,
        judged: (figures.resolved ?? 0) >= MIN_RESOLVED_TO_JUDGE,
      };
    })
    .sort((a, b) => a.team.localeCompare(b.team) || a.name.localeCompare(b.name) || a.agent.localeCompare(b.agent));

  const members = new Map<string, AgentCard[]>();
  for (const a of agents) {
    let list = members.get(a.team);
    if (!list) members.set(a.team, (list = []));
    list.push(a);
  }
  // Reuse by others, for a team: links from tickets of agents outside the team to articles created
  // from the team's tickets — the team's members being the agents with a card of the period.
  const teamReuse = new Map<string, number>();
  for (const l of links) {
    const authorTeams = new Set<string>();
    for (const author of authors.get(l.article) ?? []) if (cardTickets.has(author)) authorTeams.add(teamOf(author));
    for (const team of authorTeams) if (team !== teamOf(l.agent)) teamReuse.set(team, (teamReuse.get(team) ?? 0) + 1);
  }
  const teams = [...members.keys()].sort().map((team) => {
    const list = members.get(team)!;
    const articles = new Set(list.flatMap((m) => [...(created.get(m.agent) ?? [])]));
    const figures = figuresOf(pooled(list.map((m) => cardTickets.get(m.agent)!)), overall, {
      articlesCreated: articles.size,
      reuseByOthers: teamReuse.get(team) ?? 0,
    });
    return {
      team,
      agents: list.length,
      judgedAgents: list.filter((m) => m.judged).length,
      figures,
      judged: (figures.resolved ?? 0) >= MIN_RESOLVED_TO_JUDGE,
    };
  });
  return { agents, teams, overallMedianResolutionHours: overall === null ? null : overall / HOUR };
}

/** The rows of GET /api/metrics/agent-scorecards: every figure, then the team's median of it. */
export function agentRows(cards: Scorecards): MetricRow[] {
  // Ranks go to judged cards only, by the mix-adjusted index (lower = faster than typical).
  const ranked = cards.agents
    .filter((a) => a.judged && a.figures.mixIndex !== null)
    .sort(
      (a, b) => a.figures.mixIndex! - b.figures.mixIndex! || b.figures.resolved! - a.figures.resolved! || a.agent.localeCompare(b.agent),
    );
  const rankOf = new Map(ranked.map((a, i) => [a.agent, i + 1]));
  const judgedByTeam = new Map<string, AgentCard[]>();
  for (const a of cards.agents) if (a.judged) judgedByTeam.set(a.team, [...(judgedByTeam.get(a.team) ?? []), a]);
  return cards.agents.map((a) => {
    const row: MetricRow = {
      agent: a.agent,
      name: a.name,
      team: a.team,
      judgement: a.judged ? 'judged' : 'too-few-to-judge',
      rank: rankOf.get(a.agent) ?? null,
    };
    const teamCards = judgedByTeam.get(a.team) ?? [];
    for (const f of SCORECARD_FIGURES) {
      row[f] = a.figures[f];
      row[`${f}TeamMedian`] = teamMedianOf(teamCards, f);
    }
    return row;
  });
}

/** The rows of GET /api/metrics/team-scorecards: a team's pooled figures, and the median over its judged agents beside each. */
export function teamRows(cards: Scorecards): MetricRow[] {
  return cards.teams.map((t) => {
    const row: MetricRow = {
      team: t.team,
      agents: t.agents,
      judgedAgents: t.judgedAgents,
      judgement: t.judged ? 'judged' : 'too-few-to-judge',
    };
    const members = cards.agents.filter((a) => a.team === t.team && a.judged);
    for (const f of SCORECARD_FIGURES) {
      row[f] = t.figures[f];
      row[`${f}AgentMedian`] = teamMedianOf(members, f);
    }
    return row;
  });
}

/** Who asks: the role, and the agent id and team the cards are matched against. */
export interface ScorecardViewer {
  role: string;
  agentId: string | null;
  team: string | null;
}

/** The agent cards a viewer may see: an agent their own; a lead their team's; a manager or admin all (roleSatisfies). */
export function visibleAgentRows(viewer: ScorecardViewer, rows: MetricRow[]): MetricRow[] {
  if (!isRole(viewer.role)) return [];
  if (roleSatisfies(viewer.role, 'manager')) return rows;
  const own = (r: MetricRow) => viewer.agentId !== null && r['agent'] === viewer.agentId;
  if (roleSatisfies(viewer.role, 'lead')) return rows.filter((r) => (viewer.team !== null && r['team'] === viewer.team) || own(r));
  if (roleSatisfies(viewer.role, 'agent')) return rows.filter(own);
  return [];
}

/** The team cards a viewer may see: an agent or a lead their team's aggregate; a manager or admin all. */
export function visibleTeamRows(viewer: ScorecardViewer, rows: MetricRow[]): MetricRow[] {
  if (!isRole(viewer.role)) return [];
  if (roleSatisfies(viewer.role, 'manager')) return rows;
  if (roleSatisfies(viewer.role, 'agent')) return viewer.team === null ? [] : rows.filter((r) => r['team'] === viewer.team);
  return [];
}

/**
 * The viewer of a staff identity: its agent id and team when it carries them (a staff
 * account), else — for a bearer token — the agent whose id is the token's name, and that
 * agent's team (agentDirectory).
 */
export async function viewerOf(
  env: MetricEnv,
  staff: { name: string; role: string; agentId?: string | null; team?: string | null },
): Promise<ScorecardViewer> {
  const directory = await agentDirectory(env);
  const agentId = staff.agentId ?? (directory.has(staff.name) ? staff.name : null);
  const team = staff.team ?? (agentId === null ? null : (directory.get(agentId)?.team ?? null));
  return { role: staff.role, agentId, team };
}

/**
 * One display name and team per agent id: the staff account's (an enabled account with that
 * agent id), else the roster's (docs/design.md §8: one display name per agent).
 */
export async function agentDirectory(env: MetricEnv): Promise<Map<string, { name: string; team: string }>> {
  const directory = new Map<string, { name: string; team: string }>();
  for (const r of await listRoster(env.db)) directory.set(r.agent, { name: r.name, team: r.team });
  for (const u of await listStaffUsers(env.db)) {
    if (u.agentId === null || u.disabled) continue;
    const roster = directory.get(u.agentId);
    directory.set(u.agentId, { name: u.displayName, team: u.team ?? roster?.team ?? UNASSIGNED_TEAM });
  }
  return directory;
}

const FIGURE_TEXT_EN =
  'tickets (created in the period, with this agent), resolved, resolution rate (young open tickets apart as too recent), median and p90 hours to first response and to resolution, the mix index and mix-adjusted resolution time, SLA attainment, CSAT (mean, share 4–5, answers), escalation rate, reopen rate, minutes logged, and KCS participation: link rate of resolved tickets, articles created from the tickets, links from other agents’ tickets to articles created from this agent’s tickets';
const FIGURE_TEXT_ZH =
  '工单数（本时间段内创建、由该客服处理）、已解决数、解决率（太新的未解决工单单独列出）、首次响应和解决用时的中位数与第 90 百分位数（小时）、难度指数与难度调整后的解决时间、SLA 达成率、客户满意度（平均分、4–5 分占比、回复数）、升级率、重开率、记录的工时（分钟），以及 KCS 参与度：已解决工单的关联率、由其工单创建的文章数、其他客服的工单关联到由其工单创建的文章的次数';
const MIX_TEXT_EN = `Mix adjustment: each resolved ticket's time is divided by the median time of the period's resolved tickets of the same topic and priority (the same topic alone when that cell has fewer than ${MIN_CELL_TICKETS}, all tickets when the topic has fewer than ${MIN_CELL_TICKETS}); the index is the median of those ratios (1.0 = typical, below 1 = faster) and the mix-adjusted time is the index × the overall median.`;
const MIX_TEXT_ZH = `难度调整：每张已解决工单的用时除以本时间段内相同主题和优先级的已解决工单用时的中位数（该组少于 ${MIN_CELL_TICKETS} 张时改用同一主题，主题也少于 ${MIN_CELL_TICKETS} 张时改用全部工单）；难度指数为这些比值的中位数（1.0 = 一般水平，低于 1 = 更快），难度调整后的解决时间 = 难度指数 × 全部工单的中位数。`;

/** One request computes both kinds of card; the two metrics share the computation while it runs. */
const inFlight = new WeakMap<object, Map<string, Promise<Scorecards>>>();
function sharedScorecards(env: MetricEnv, query: MetricQuery): Promise<Scorecards> {
  const key = [query.start, query.end, query.lang ?? '', query.topic ?? '', Math.floor(env.now().getTime() / DAY_MS)].join('|');
  let running = inFlight.get(env.db);
  if (!running) inFlight.set(env.db, (running = new Map()));
  const shared = running.get(key);
  if (shared) return shared;
  const cards = computeScorecards(env, query).finally(() => running.delete(key));
  running.set(key, cards);
  return cards;
}

const agentScorecards: MetricDefinition = {
  id: 'agent-scorecards',
  group: 'scorecards',
  title: { 'zh-CN': '客服考核', en: 'Agent scorecards' },
  definition: {
    'zh-CN': `每位客服一行：${FIGURE_TEXT_ZH}；每项旁边是所在团队（依据人员名册；不在名册中的客服归入“未分配”）可评判客服的中位数。${MIX_TEXT_ZH}已解决工单少于 ${MIN_RESOLVED_TO_JUDGE} 张的客服显示为“太少，暂不评判”，不参与排名；排名按难度指数从低到高。客服只看到自己的考核和团队汇总，组长看到本团队的考核，经理和管理员看到全部。`,
    en: `One row per agent: ${FIGURE_TEXT_EN}; beside each figure, the median of the judged agents of the agent's team (from the roster; "${UNASSIGNED_TEAM}" when not in it). ${MIX_TEXT_EN} Under ${MIN_RESOLVED_TO_JUDGE} resolved tickets a card reads too few to judge and is not ranked; ranks go by the mix index, lowest first. An agent sees their own card (and their team's aggregate), a lead their team's cards, a manager or admin all.`,
  },
  formula:
    'per agent: figures over their tickets; mixIndex = median(resolution time ÷ median of its topic × priority cell); value = judged cards',
  unit: 'count',
  window: 'Tickets created in the period that have an agent; resolved at any time up to now.',
  filters: ['lang', 'topic'],
  async compute(env, query) {
    const cards = await sharedScorecards(env, query);
    const rows = agentRows(cards);
    return {
      value: cards.agents.filter((a) => a.judged).length,
      parts: {
        agents: cards.agents.length,
        judged: cards.agents.filter((a) => a.judged).length,
        overallMedianResolutionHours: cards.overallMedianResolutionHours,
      },
      rows,
    };
  },
};

const teamScorecards: MetricDefinition = {
  id: 'team-scorecards',
  group: 'scorecards',
  title: { 'zh-CN': '团队考核', en: 'Team scorecards' },
  definition: {
    'zh-CN': `每个团队（依据人员名册）一行：同客服考核的各项指标，按团队全部客服的工单合计计算；每项旁边是团队内可评判客服的中位数。难度指数为团队全部已解决工单比值的中位数。已解决工单少于 ${MIN_RESOLVED_TO_JUDGE} 张的团队显示为“太少，暂不评判”。客服和组长看到本团队，经理和管理员看到全部。`,
    en: `One row per team (from the roster): the figures of the agent scorecards over all the team's tickets pooled, and beside each the median of the team's judged agents. The mix index is the median ratio over all the team's resolved tickets. Under ${MIN_RESOLVED_TO_JUDGE} resolved tickets a team reads too few to judge. An agent or a lead sees their team, a manager or admin all.`,
  },
  formula: 'per team: figures over its agents’ tickets pooled; value = judged teams',
  unit: 'count',
  window: 'Tickets created in the period that have an agent; resolved at any time up to now.',
  filters: ['lang', 'topic'],
  async compute(env, query) {
    const cards = await sharedScorecards(env, query);
    return {
      value: cards.teams.filter((t) => t.judged).length,
      parts: { teams: cards.teams.length, judged: cards.teams.filter((t) => t.judged).length },
      rows: teamRows(cards),
    };
  },
};

export const metrics: MetricDefinition[] = [agentScorecards, teamScorecards];

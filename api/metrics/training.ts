/**
 * Training metrics (issue #6, DESIGN.md §5; choices explained in docs/training.md):
 * coverage per topic, the topic × team matrix, the need ranking and the effectiveness of
 * trainings. Tickets are those created in the period; "trained" is read at resolution time
 * with completions valid for settings.trainingValidityDays. Only the topic filter applies.
 */
import { listRoster } from '../db/training.ts';
import { trainingRecordsCompletedIn } from '../db/training.ts';
import { agentTicketsInWindows } from '../db/training-queries.ts';
import { effectivenessRows, pooledEffect, ticketWindows, MIN_TICKETS_PER_SIDE, EFFECT_WINDOW_DAYS } from '../training/effectiveness.ts';
import { trainingTopicsByArticle } from '../training/history.ts';
import { TRAINING_GAP_ESCALATION } from '../training/need.ts';
import { trainingReport } from '../training/report.ts';
import { ratio } from '../training/stats.ts';
import type { MetricDefinition, MetricRow } from './types.ts';

/** Team shown for agents who are not in the roster. */
export const UNASSIGNED_TEAM = 'unassigned';

const coverage: MetricDefinition = {
  id: 'training-coverage',
  group: 'training',
  title: { 'zh-CN': '培训覆盖率', en: 'Training coverage' },
  definition:
    'Per topic: content coverage (published training and customer articles), people coverage (agents who resolved tickets of the topic and were trained on it at their latest resolution ÷ those agents) and ticket-weighted coverage (resolved tickets whose agent was trained on the topic at resolution time ÷ resolved tickets), with escalation and reopen rates, median resolution time, the unhelpful share of votes on its articles and no-result searches matched to it.',
  formula: 'value = resolved tickets resolved by an agent trained on their topic at that time ÷ resolved tickets (all topics)',
  unit: 'ratio',
  window: 'tickets created in the period; training valid at each ticket\'s resolution (completion + validity days)',
  filters: ['topic'],
  async compute(env, query) {
    const report = await trainingReport(env, query);
    let resolved = 0;
    let covered = 0;
    let agentTopics = 0;
    let trainedAgentTopics = 0;
    const agents = new Map<string, boolean>(); // agent → trained on every topic they resolved
    for (const t of report.topics) {
      resolved += t.resolved;
      covered += t.coveredTickets;
      agentTopics += t.agents;
      trainedAgentTopics += t.trainedAgents;
      for (const [agent, trained] of t.agentTrained) agents.set(agent, (agents.get(agent) ?? true) && trained);
    }
    const tickets = report.topics.reduce((s, t) => s + t.tickets, 0);
    const trainedAgents = [...agents.values()].filter(Boolean).length;
    const rows: MetricRow[] = report.topics
      .map((t) => ({
        topic: t.topic, name: t.name, nameZh: t.nameZh, tickets: t.tickets, resolved: t.resolved, agents: t.agents, trainedAgents: t.trainedAgents,
        peopleCoverage: t.peopleCoverage, ticketWeightedCoverage: t.ticketWeightedCoverage, hasTrainingArticle: t.hasTrainingArticle,
        hasCustomerArticle: t.hasCustomerArticle, escalationRate: t.escalationRate, reopenRate: t.reopenRate,
        medianResolutionHours: t.medianResolutionHours, unhelpfulShare: t.unhelpfulShare, noResultSearches: t.noResultSearches,
      }))
      .sort((a, b) => b.tickets - a.tickets || a.topic.localeCompare(b.topic));
    return {
      value: ratio(covered, resolved),
      // peopleCoverage pools the topics: trained (agent, topic) pairs ÷ (agent, topic) pairs;
      // trainedAgents counts the agents trained on every topic they resolved.
      parts: { tickets, resolvedTickets: resolved, coveredTickets: covered, agents: agents.size, trainedAgents, agentTopics, trainedAgentTopics, peopleCoverage: ratio(trainedAgentTopics, agentTopics) },
      rows,
    };
  },
};

const matrix: MetricDefinition = {
  id: 'training-matrix',
  group: 'training',
  title: { 'zh-CN': '培训覆盖矩阵（主题 × 团队）', en: 'Training matrix (topic × team)' },
  definition: `People coverage per topic and team: of the agents of a team (from the roster; "${UNASSIGNED_TEAM}" when an agent is not in it) who resolved tickets of the topic, those trained on it at their latest resolution.`,
  formula: 'coverage = trained agents ÷ agents who resolved ≥ 1 ticket of the topic, per team',
  unit: 'ratio',
  window: 'tickets created in the period and resolved',
  filters: ['topic'],
  async compute(env, query) {
    const [report, roster] = [await trainingReport(env, query), await listRoster(env.db)];
    const teamOf = new Map(roster.map((r) => [r.agent, r.team]));
    const rows: MetricRow[] = [];
    for (const t of [...report.topics].sort((a, b) => a.topic.localeCompare(b.topic))) {
      const teams = new Map<string, { agents: number; trained: number }>();
      for (const [agent, trained] of t.agentTrained) {
        const team = teamOf.get(agent) ?? UNASSIGNED_TEAM;
        const cell = teams.get(team) ?? { agents: 0, trained: 0 };
        cell.agents++;
        if (trained) cell.trained++;
        teams.set(team, cell);
      }
      for (const [team, cell] of [...teams].sort(([a], [b]) => a.localeCompare(b))) {
        rows.push({ topic: t.topic, name: t.name, nameZh: t.nameZh, team, agents: cell.agents, trainedAgents: cell.trained, coverage: ratio(cell.trained, cell.agents) });
      }
    }
    return { value: null, rows };
  },
};

const need: MetricDefinition = {
  id: 'training-need',
  group: 'training',
  title: { 'zh-CN': '培训需求排名', en: 'Training need ranking' },
  definition: `Topics ranked by a need score (0–100) built from ticket volume, lack of coverage, escalation and reopen rates, resolution time against the overall median, unhelpful votes and no-result searches (formula in docs/training.md), with the reasons in words and a label: training gap (≥ ${Math.round(TRAINING_GAP_ESCALATION * 100)}% escalated although a validated article covers the topic), content gap (no published training or customer article), or both.`,
  formula: 'need = 100 × (0.25 volume + 0.25 (1 − ticket-weighted coverage) + 0.20 escalation + 0.10 reopen + 0.10 slowness + 0.05 unhelpful share + 0.05 no-result searches); value = topics with a label',
  unit: 'score',
  window: 'tickets created in the period; votes and searches in the period',
  filters: ['topic'],
  async compute(env, query) {
    const report = await trainingReport(env, query);
    const rows: MetricRow[] = report.topics.map((t) => ({
      topic: t.topic, name: t.name, nameZh: t.nameZh, needScore: t.needScore, label: t.label, reasons: t.reasons, reasonsZh: t.reasonsZh,
      tickets: t.tickets, escalationRate: t.escalationRate, reopenRate: t.reopenRate, medianResolutionHours: t.medianResolutionHours,
      overallMedianResolutionHours: t.overallMedianResolutionHours, peopleCoverage: t.peopleCoverage, ticketWeightedCoverage: t.ticketWeightedCoverage,
      unhelpfulShare: t.unhelpfulShare, noResultSearches: t.noResultSearches, hasTrainingArticle: t.hasTrainingArticle,
      hasValidatedArticle: t.hasValidatedArticle, hasCustomerArticle: t.hasCustomerArticle, untrainedAgents: t.untrainedAgents,
    }));
    return { value: report.topics.filter((t) => t.label !== null).length, rows };
  },
};

const effectiveness: MetricDefinition = {
  id: 'training-effectiveness',
  group: 'training',
  title: { 'zh-CN': '培训效果（前后对比）', en: 'Training effectiveness (before and after)' },
  definition: `For each training completed in the period and each topic its article covers: the agent's tickets of that topic created in the ${EFFECT_WINDOW_DAYS} days before against the ${EFFECT_WINDOW_DAYS} days after the completion, with escalation rate and median resolution hours on each side. Fewer than ${MIN_TICKETS_PER_SIDE} tickets on a side = too few tickets (left out of the pooled rates).`,
  formula: 'value = pooled escalation rate after − pooled escalation rate before (over rows with enough tickets)',
  unit: 'ratio',
  window: `trainings completed in the period; tickets created ${EFFECT_WINDOW_DAYS} days either side`,
  filters: ['topic'],
  async compute(env, query) {
    const completions = await trainingRecordsCompletedIn(env.db, query.start, query.end);
    const topicsByArticle = trainingTopicsByArticle(env.catalog);
    const topics = [...new Set(completions.flatMap((c) => topicsByArticle.get(c.article) ?? []))].filter((t) => query.topic === undefined || t === query.topic);
    const [tickets, roster] = [await agentTicketsInWindows(env.db, ticketWindows(completions), topics), await listRoster(env.db)];
    const people = new Map(roster.map((r) => [r.agent, r]));
    const rows = effectivenessRows(completions, topicsByArticle, tickets, query.topic);
    const pooled = pooledEffect(rows);
    return {
      value: pooled.change,
      parts: { trainings: pooled.trainings, evaluated: pooled.evaluated, beforeEscalationRate: pooled.beforeEscalationRate, afterEscalationRate: pooled.afterEscalationRate },
      rows: rows.map((r) => ({
        agent: r.agent, name: people.get(r.agent)?.name ?? r.agent, team: people.get(r.agent)?.team ?? UNASSIGNED_TEAM, topic: r.topic, article: r.article,
        trainedAt: r.trainedAt, beforeTickets: r.beforeTickets, beforeEscalationRate: r.beforeEscalationRate, beforeMedianResolutionHours: r.beforeMedianResolutionHours,
        afterTickets: r.afterTickets, afterEscalationRate: r.afterEscalationRate, afterMedianResolutionHours: r.afterMedianResolutionHours, tooFewTickets: r.tooFewTickets,
      })),
    };
  },
};

export const metrics: MetricDefinition[] = [coverage, matrix, need, effectiveness];

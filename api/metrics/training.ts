/**
 * Training metrics (issue #6, docs/design.md §5; choices explained in docs/training.md):
 * coverage per topic, the topic × team matrix, the need ranking and the effectiveness of
 * trainings. Tickets are those created in the period; "trained" is read at resolution time
 * with completions valid for settings.trainingValidityDays. Only the topic filter applies.
 */
import { listRoster } from '../db/queries/training.ts';
import { agentNames, displayName } from './agent-names.ts';
import { trainingRecordsCompletedIn } from '../db/queries/training.ts';
import { agentTicketsInWindows } from '../db/queries/training-tickets.ts';
import { effectivenessRows, pooledEffect, ticketWindows, MIN_TICKETS_PER_SIDE, EFFECT_WINDOW_DAYS } from './training/effectiveness.ts';
import { trainingTopicsByArticle } from './training/history.ts';
import { TRAINING_GAP_ESCALATION } from './training/need.ts';
import { trainingReport } from './training/report.ts';
import { ratio } from '../../core/stats.ts';
import { topicAncestry } from '../../core/content/topics.ts';
import type { MetricDefinition, MetricRow } from './types.ts';

/** Team shown for agents who are not in the roster. */
export const UNASSIGNED_TEAM = 'unassigned';

const coverage: MetricDefinition = {
  id: 'training-coverage',
  group: 'training',
  title: { 'zh-CN': '培训覆盖率', en: 'Training coverage' },
  definition: {
    'zh-CN':
      '按主题统计：内容覆盖（已发布的培训文章和客户文章）、人员覆盖率（解决过该主题工单、且在其最近一次解决时已受过该主题培训的客服 ÷ 解决过该主题工单的客服）和工单加权覆盖率（解决时处理客服已受过该主题培训的已解决工单 ÷ 已解决工单），并附升级率、重新打开率、解决时间中位数、该主题文章所获投票中“没有帮助”的占比，以及匹配到该主题的无结果搜索。',
    en: 'Per topic: content coverage (published training and customer articles), people coverage (agents who resolved tickets of the topic and were trained on it at their latest resolution ÷ those agents) and ticket-weighted coverage (resolved tickets whose agent was trained on the topic at resolution time ÷ resolved tickets), with escalation and reopen rates, median resolution time, the unhelpful share of votes on its articles and no-result searches matched to it.',
  },
  formula: 'value = resolved tickets resolved by an agent trained on their topic at that time ÷ resolved tickets (all topics)',
  unit: 'ratio',
  window: "tickets created in the period; training valid at each ticket's resolution (completion + validity days)",
  filters: ['topic'],
  async compute(env, query) {
    const report = await trainingReport(env, query);
    let resolved = 0;
    let covered = 0;
    let agentTopics = 0;
    let trainedAgentTopics = 0;
    const agents = new Map<string, boolean>(); // agent → trained on every topic they resolved
    // Rows roll subtopics up into their parents (docs/design.md §4); the totals add the
    // outermost rows only, so no ticket is counted twice.
    const inReport = new Set(report.topics.map((t) => t.topic));
    const outermost = report.topics.filter(
      (t) =>
        !topicAncestry(env.topics, t.topic)
          .slice(1)
          .some((a) => inReport.has(a)),
    );
    for (const t of outermost) {
      resolved += t.resolved;
      covered += t.coveredTickets;
      agentTopics += t.agents;
      trainedAgentTopics += t.trainedAgents;
      for (const [agent, trained] of t.agentTrained) agents.set(agent, (agents.get(agent) ?? true) && trained);
    }
    const tickets = outermost.reduce((s, t) => s + t.tickets, 0);
    const trainedAgents = [...agents.values()].filter(Boolean).length;
    const rows: MetricRow[] = report.topics
      .map((t) => ({
        topic: t.topic,
        name: t.name,
        nameZh: t.nameZh,
        tickets: t.tickets,
        resolved: t.resolved,
        agents: t.agents,
        trainedAgents: t.trainedAgents,
        peopleCoverage: t.peopleCoverage,
        ticketWeightedCoverage: t.ticketWeightedCoverage,
        hasTrainingArticle: t.hasTrainingArticle,
        hasCustomerArticle: t.hasCustomerArticle,
        escalationRate: t.escalationRate,
        reopenRate: t.reopenRate,
        medianResolutionHours: t.medianResolutionHours,
        unhelpfulShare: t.unhelpfulShare,
        noResultSearches: t.noResultSearches,
      }))
      .sort((a, b) => b.tickets - a.tickets || a.topic.localeCompare(b.topic));
    return {
      value: ratio(covered, resolved),
      // peopleCoverage pools the topics: trained (agent, topic) pairs ÷ (agent, topic) pairs;
      // trainedAgents counts the agents trained on every topic they resolved.
      parts: {
        tickets,
        resolvedTickets: resolved,
        coveredTickets: covered,
        agents: agents.size,
        trainedAgents,
        agentTopics,
        trainedAgentTopics,
        peopleCoverage: ratio(trainedAgentTopics, agentTopics),
      },
      rows,
    };
  },
};

const matrix: MetricDefinition = {
  id: 'training-matrix',
  group: 'training',
  title: { 'zh-CN': '培训覆盖矩阵（主题 × 团队）', en: 'Training matrix (topic × team)' },
  definition: {
    'zh-CN': `按主题和团队统计的人员覆盖率：某团队（依据人员名册；不在名册中的客服归入“未分配”）中解决过该主题工单的客服里，在其最近一次解决时已受过该主题培训的客服所占的比例。`,
    en: `People coverage per topic and team: of the agents of a team (from the roster; "${UNASSIGNED_TEAM}" when an agent is not in it) who resolved tickets of the topic, those trained on it at their latest resolution.`,
  },
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
        rows.push({
          topic: t.topic,
          name: t.name,
          nameZh: t.nameZh,
          team,
          agents: cell.agents,
          trainedAgents: cell.trained,
          coverage: ratio(cell.trained, cell.agents),
        });
      }
    }
    return { value: null, rows };
  },
};

const need: MetricDefinition = {
  id: 'training-need',
  group: 'training',
  title: { 'zh-CN': '培训需求排名', en: 'Training need ranking' },
  definition: {
    'zh-CN': `按需求得分（0–100）对主题排序。得分由工单量、覆盖不足、升级率和重新打开率、解决时间相对整体中位数的长短、“没有帮助”投票以及无结果搜索构成（计算方法见培训文档），附文字说明的原因和一个标签：培训缺口（虽有已验证的文章覆盖该主题，仍有 ≥ ${Math.round(TRAINING_GAP_ESCALATION * 100)}% 的工单被升级）、内容缺口（没有已发布的培训文章或客户文章），或两者兼有。`,
    en: `Topics ranked by a need score (0–100) built from ticket volume, lack of coverage, escalation and reopen rates, resolution time against the overall median, unhelpful votes and no-result searches (formula in docs/training.md), with the reasons in words and a label: training gap (≥ ${Math.round(TRAINING_GAP_ESCALATION * 100)}% escalated although a validated article covers the topic), content gap (no published training or customer article), or both.`,
  },
  formula:
    'need = 100 × (0.25 volume + 0.25 (1 − ticket-weighted coverage) + 0.20 escalation + 0.10 reopen + 0.10 slowness + 0.05 unhelpful share + 0.05 no-result searches); value = topics with a label',
  unit: 'score',
  window: 'tickets created in the period; votes and searches in the period',
  filters: ['topic'],
  async compute(env, query) {
    const report = await trainingReport(env, query);
    const rows: MetricRow[] = report.topics.map((t) => ({
      topic: t.topic,
      name: t.name,
      nameZh: t.nameZh,
      needScore: t.needScore,
      label: t.label,
      reasons: t.reasons,
      reasonsZh: t.reasonsZh,
      tickets: t.tickets,
      escalationRate: t.escalationRate,
      reopenRate: t.reopenRate,
      medianResolutionHours: t.medianResolutionHours,
      overallMedianResolutionHours: t.overallMedianResolutionHours,
      peopleCoverage: t.peopleCoverage,
      ticketWeightedCoverage: t.ticketWeightedCoverage,
      unhelpfulShare: t.unhelpfulShare,
      noResultSearches: t.noResultSearches,
      hasTrainingArticle: t.hasTrainingArticle,
      hasValidatedArticle: t.hasValidatedArticle,
      hasCustomerArticle: t.hasCustomerArticle,
      untrainedAgents: t.untrainedAgents,
    }));
    return { value: report.topics.filter((t) => t.label !== null).length, rows };
  },
};

const effectiveness: MetricDefinition = {
  id: 'training-effectiveness',
  group: 'training',
  title: { 'zh-CN': '培训效果（前后对比）', en: 'Training effectiveness (before and after)' },
  definition: {
    'zh-CN': `对本时间段内完成的每项培训及其文章涵盖的每个主题：比较该客服在完成培训前 ${EFFECT_WINDOW_DAYS} 天与完成后 ${EFFECT_WINDOW_DAYS} 天内创建的该主题工单，分别给出前后两侧的升级率和解决时间中位数（小时）。任一侧工单少于 ${MIN_TICKETS_PER_SIDE} 个 = 工单太少（不计入汇总比率）。`,
    en: `For each training completed in the period and each topic its article covers: the agent's tickets of that topic created in the ${EFFECT_WINDOW_DAYS} days before against the ${EFFECT_WINDOW_DAYS} days after the completion, with escalation rate and median resolution hours on each side. Fewer than ${MIN_TICKETS_PER_SIDE} tickets on a side = too few tickets (left out of the pooled rates).`,
  },
  formula: 'value = pooled escalation rate after − pooled escalation rate before (over rows with enough tickets)',
  unit: 'ratio',
  window: `trainings completed in the period; tickets created ${EFFECT_WINDOW_DAYS} days either side`,
  filters: ['topic'],
  async compute(env, query) {
    const completions = await trainingRecordsCompletedIn(env.db, query.start, query.end);
    const topicsByArticle = trainingTopicsByArticle(env.catalog);
    const topics = [...new Set(completions.flatMap((c) => topicsByArticle.get(c.article) ?? []))].filter(
      (t) => query.topic === undefined || t === query.topic,
    );
    // No completion in the period (the usual case): no row, so no tickets, roster or names to read. Otherwise the three
    // reads overlap (on PostgreSQL each is a round trip to a pooled connection; SQLite runs them one after another).
    const [tickets, roster, names] =
      completions.length === 0
        ? [[], [], new Map<string, string>()]
        : await Promise.all([agentTicketsInWindows(env.db, ticketWindows(completions), topics), listRoster(env.db), agentNames(env.db)]);
    const people = new Map(roster.map((r) => [r.agent, r]));
    const rows = effectivenessRows(completions, topicsByArticle, tickets, query.topic);
    const pooled = pooledEffect(rows);
    return {
      value: pooled.change,
      parts: {
        trainings: pooled.trainings,
        evaluated: pooled.evaluated,
        beforeEscalationRate: pooled.beforeEscalationRate,
        afterEscalationRate: pooled.afterEscalationRate,
      },
      rows: rows.map((r) => ({
        agent: r.agent,
        name: displayName(names, r.agent),
        team: people.get(r.agent)?.team ?? UNASSIGNED_TEAM,
        topic: r.topic,
        article: r.article,
        trainedAt: r.trainedAt,
        beforeTickets: r.beforeTickets,
        beforeEscalationRate: r.beforeEscalationRate,
        beforeMedianResolutionHours: r.beforeMedianResolutionHours,
        afterTickets: r.afterTickets,
        afterEscalationRate: r.afterEscalationRate,
        afterMedianResolutionHours: r.afterMedianResolutionHours,
        tooFewTickets: r.tooFewTickets,
      })),
    };
  },
};

export const metrics: MetricDefinition[] = [coverage, matrix, need, effectiveness];

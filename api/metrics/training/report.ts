/**
 * The per-topic training picture of a period, shared by the training-coverage, -matrix and
 * -need metrics and the draft plan (/api/training/plan). Tickets are those created in the
 * period (docs/design.md §4); coverage is read at each ticket's resolution (coverage.ts).
 */
import type { MetricEnv, MetricQuery } from '../types.ts';
import { trainingRecordsBefore } from '../../db/queries/training.ts';
import { resolvedTicketsIn, topicTicketCounts, votesPerArticle } from '../../db/queries/training-tickets.ts';
import { searchesByQuery } from '../../db/queries/metrics-events.ts';
import { MIN_VOTES_FOR_RATE } from '../helpful-rate.ts';
import { topicContent } from './content.ts';
import { topicCoverage, trainedFor } from './coverage.ts';
import { topicAncestry, topicScope } from '../../../core/content/topics.ts';
import { TrainingHistory, trainingTopicsByArticle } from './history.ts';
import { needLabel, needReasons, needScore, type NeedLabel, type NeedScale, type NeedSignals } from './need.ts';
import { noResultSearchesByTopic, topicTerms } from './search-topics.ts';
import { median, ratio } from '../../../core/stats.ts';

export interface TopicTraining extends NeedSignals {
  topic: string;
  name: string;
  nameZh: string;
  escalated: number;
  coveredTickets: number;
  peopleCoverage: number | null;
  /** Agent → trained on the topic at their latest resolution of it in the period. */
  agentTrained: Map<string, boolean>;
  /** Agents who resolved tickets of T and hold no valid training on T at the end of the period (or now, if earlier). */
  untrainedAgents: string[];
  needScore: number;
  label: NeedLabel;
  reasons: string[];
  reasonsZh: string[];
}

export interface TrainingReport {
  /** Topics with tickets created in the period, most needed first. */
  topics: TopicTraining[];
  overallMedianResolutionHours: number | null;
}

/**
 * Reports being computed, by database and period: the training page asks for coverage, the
 * matrix, the need ranking and the plan at once, and all four stand on this one report, so
 * requests that overlap share one computation. Nothing is kept once it is answered.
 */
const inFlight = new WeakMap<object, Map<string, Promise<TrainingReport>>>();

export function trainingReport(env: MetricEnv, query: MetricQuery): Promise<TrainingReport> {
  // Overlapping requests differ in `now` by at most one computation, which moves nothing but
  // the instant "untrained agents" are read at; they share the first one's report.
  const key = [query.start, query.end, query.topic ?? '', env.settings.trainingValidityDays].join('|');
  let running = inFlight.get(env.db);
  if (!running) inFlight.set(env.db, (running = new Map()));
  const shared = running.get(key);
  if (shared) return shared;
  const report = computeTrainingReport(env, query).finally(() => running.delete(key));
  running.set(key, report);
  return report;
}

async function computeTrainingReport(env: MetricEnv, query: MetricQuery): Promise<TrainingReport> {
  const [rawCounts, resolved, records, votes, searches] = [
    await topicTicketCounts(env.db, query.start, query.end),
    await resolvedTicketsIn(env.db, query.start, query.end),
    await trainingRecordsBefore(env.db, query.end),
    await votesPerArticle(env.db, query.start, query.end),
    // From the search roll-ups (api/db/queries/rollups.ts): callers bring them up to date first.
    await searchesByQuery(env.db, query.start, query.end),
  ];
  const history = new TrainingHistory(records, trainingTopicsByArticle(env.catalog), env.settings.trainingValidityDays);
  // Topics are a tree (docs/design.md §4): a ticket counts under its topic and each ancestor.
  const ancestry = (topic: string) => topicAncestry(env.topics, topic);
  const coverage = topicCoverage(resolved, history, ancestry);
  const contentOf = topicContent(env.catalog, env.topics);
  const totalTickets = rawCounts.reduce((s, c) => s + c.tickets, 0);
  const rolled = new Map<string, (typeof rawCounts)[number]>();
  for (const c of rawCounts)
    for (const up of ancestry(c.topic)) {
      let r = rolled.get(up);
      if (!r) rolled.set(up, (r = { topic: up, tickets: 0, escalated: 0, resolved: 0, reopened: 0 }));
      r.tickets += c.tickets;
      r.escalated += c.escalated;
      r.resolved += c.resolved;
      r.reopened += c.reopened;
    }
  const counts = [...rolled.values()];
  const scope = query.topic === undefined ? undefined : new Set(topicScope(env.topics, query.topic));
  const noResult = noResultSearchesByTopic(
    searches.filter((q) => q.noResult > 0).map((q) => ({ query: q.query, searches: q.noResult })),
    topicTerms(env.topics, env.catalog),
  );
  const votesByArticle = new Map(votes.map((v) => [v.article, v]));
  const overallMedianResolutionHours = median(resolved.map((t) => t.resolutionSeconds / 3600));
  const reference = Math.min(Date.parse(query.end), env.now().getTime()) - 1;

  const scale: NeedScale = {
    maxTickets: Math.max(0, ...counts.map((c) => c.tickets)),
    totalTickets,
    maxNoResultSearches: Math.max(0, ...counts.map((c) => noResult.get(c.topic) ?? 0)),
  };
  const topics: TopicTraining[] = [];
  for (const c of counts) {
    if (scope && !scope.has(c.topic)) continue;
    const cov = coverage.get(c.topic);
    const content = contentOf(c.topic);
    let articleVotes = 0;
    let notHelpful = 0;
    for (const id of content.articles) {
      const v = votesByArticle.get(id);
      if (v) {
        articleVotes += v.votes;
        notHelpful += v.votes - v.helpful;
      }
    }
    const agentTrained = cov?.agents ?? new Map<string, boolean>();
    const trainedAgents = [...agentTrained.values()].filter(Boolean).length;
    const signals: NeedSignals = {
      tickets: c.tickets,
      resolved: c.resolved,
      escalationRate: ratio(c.escalated, c.tickets),
      reopenRate: ratio(c.reopened, c.resolved),
      medianResolutionHours: median(cov?.resolutionHours ?? []),
      overallMedianResolutionHours,
      ticketWeightedCoverage: cov ? ratio(cov.coveredTickets, cov.resolved) : null,
      agents: agentTrained.size,
      trainedAgents,
      unhelpfulShare: articleVotes >= MIN_VOTES_FOR_RATE ? notHelpful / articleVotes : null,
      noResultSearches: noResult.get(c.topic) ?? 0,
      hasTrainingArticle: content.hasTrainingArticle,
      hasCustomerArticle: content.hasCustomerArticle,
      hasValidatedArticle: content.hasValidatedArticle,
    };
    const label = needLabel(signals);
    const reasons = needReasons(signals, scale, label);
    const name = env.topics?.byId.get(c.topic)?.name;
    topics.push({
      ...signals,
      topic: c.topic,
      name: name?.en ?? c.topic,
      nameZh: name?.['zh-CN'] ?? c.topic,
      escalated: c.escalated,
      coveredTickets: cov?.coveredTickets ?? 0,
      peopleCoverage: ratio(trainedAgents, agentTrained.size),
      agentTrained,
      untrainedAgents: [...agentTrained.keys()].filter((a) => !trainedFor(history, ancestry, a, c.topic, reference)).sort(),
      needScore: needScore(signals, scale),
      label,
      reasons: reasons.en,
      reasonsZh: reasons.zh,
    });
  }
  topics.sort((a, b) => b.needScore - a.needScore || b.tickets - a.tickets || a.topic.localeCompare(b.topic));
  return { topics, overallMedianResolutionHours };
}

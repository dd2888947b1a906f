/**
 * Support KPIs (docs/design.md §4, the support team's own policy): resolution rate, time to first
 * response and to resolution (median and p90), SLA attainment, escalation, reopen and CSAT;
 * each overall and in rows per priority and per topic. A period selects tickets by createdAt;
 * the lang filter keeps tickets of that language, the topic filter tickets of that topic.
 */
import { yieldToEventLoop } from '../db/queries/metrics-slices.ts';
import {
  eachTicketDurations,
  slaOutcomesByGroup,
  ticketOutcomesByGroup,
  type DurationColumn,
  type Maturity,
  type TicketFilter,
  type TicketOutcomeGroup,
} from '../db/queries/metrics-tickets.ts';
import { mean, medianOfSorted, percentileOfSorted, ratio } from '../../core/stats.ts';
import { topicAncestry, topicScope } from '../../core/content/topics.ts';
import {
  PRIORITIES,
  type MetricDefinition,
  type MetricEnv,
  type MetricQuery,
  type MetricResult,
  type MetricRow,
  type MetricSettings,
} from './types.ts';

export type Dimension = 'priority' | 'topic';
/** The row key of tickets without a topic (topic ids are kebab-case, so it cannot clash). */
export const NO_TOPIC = '(none)';

/** The tickets a query selects: its period, its language, and its topic with the topic's descendants (docs/design.md §4). */
export const ticketFilterOf = (env: Pick<MetricEnv, 'topics'>, query: MetricQuery): TicketFilter => ({
  start: query.start,
  end: query.end,
  lang: query.lang,
  topics: query.topic === undefined ? undefined : topicScope(env.topics, query.topic),
});

/** What a topic's row counts under: the topic and its ancestors (docs/design.md §4: a parent includes its descendants). */
export type Ancestry = (topic: string) => string[];
export const ancestryOf =
  (env: Pick<MetricEnv, 'topics'>): Ancestry =>
  (topic) =>
    topicAncestry(env.topics, topic);

/**
 * Folds (priority, topic) groups into an overall figure and one row per priority (all four,
 * always, in order) and per topic (those with tickets, by id). A group counts under its topic
 * and each of the topic's ancestors (`ancestry`), so a parent's row includes its subtopics.
 */
export function foldByDimension<G extends { priority: string; topic: string | null }, A>(
  groups: Iterable<G>,
  init: () => A,
  add: (acc: A, group: G) => void,
  ancestry: Ancestry = (topic) => [topic],
): { overall: A; rows: Array<{ dimension: Dimension; key: string; acc: A }> } {
  const overall = init();
  const priorities = new Map<string, A>(PRIORITIES.map((p) => [p, init()]));
  const topics = new Map<string, A>();
  for (const g of groups) {
    add(overall, g);
    let p = priorities.get(g.priority);
    if (!p) priorities.set(g.priority, (p = init()));
    add(p, g);
    for (const topicKey of g.topic === null ? [NO_TOPIC] : ancestry(g.topic)) {
      let t = topics.get(topicKey);
      if (!t) topics.set(topicKey, (t = init()));
      add(t, g);
    }
  }
  const rows = [
    ...[...priorities].map(([key, acc]) => ({ dimension: 'priority' as const, key, acc })),
    ...[...topics].sort(([a], [b]) => a.localeCompare(b)).map(([key, acc]) => ({ dimension: 'topic' as const, key, acc })),
  ];
  return { overall, rows };
}

const HOUR = 3600;

/** Median and p90 hours of durations (seconds). */
function durationFigures(seconds: number[]): { tickets: number; median: number | null; p90: number | null } {
  // A typed array sorts numerically without a comparator, several times faster on 100,000 values.
  const sorted = Float64Array.from(seconds).sort();
  const hours = (s: number | null) => (s === null ? null : s / HOUR);
  return { tickets: sorted.length, median: hours(medianOfSorted(sorted)), p90: hours(percentileOfSorted(sorted, 0.9)) };
}

async function durationMetric(
  env: Parameters<MetricDefinition['compute']>[0],
  query: MetricQuery,
  column: DurationColumn,
): Promise<MetricResult> {
  const byGroup = new Map<string, { priority: string; topic: string | null; seconds: number[] }>();
  // Gathered per (priority, topic) as each slice arrives, so the work is spread over the event loop's turns.
  await eachTicketDurations(env.db, ticketFilterOf(env, query), column, (slice) => {
    for (const d of slice) {
      const key = `${d.priority}\u0000${d.topic ?? ''}`;
      let group = byGroup.get(key);
      if (!group) byGroup.set(key, (group = { priority: d.priority, topic: d.topic, seconds: [] }));
      for (const s of d.seconds) group.seconds.push(s);
    }
  });
  const { overall, rows } = foldByDimension(
    byGroup.values(),
    () => [] as number[],
    (acc, g) => {
      for (const s of g.seconds) acc.push(s);
    },
    ancestryOf(env),
  );
  const all = durationFigures(overall);
  const rowFigures: MetricRow[] = [];
  for (const { dimension, key, acc } of rows) {
    // Sorting ~100,000 durations is a few milliseconds; the per-group sorts take turns with ingestion.
    await yieldToEventLoop();
    rowFigures.push({ dimension, key, ...durationFigures(acc) });
  }
  return { value: all.median, parts: all, rows: rowFigures };
}

const DAY_MS = 86_400_000;

/**
 * Like-for-like periods (docs/design.md §4): the instants from which a ticket is too recent to
 * judge. An unresolved ticket is judged once it is maturityDays old at the report's end (the
 * end of the period, or now when that is earlier), in this period as in the one it is compared
 * with; a resolved ticket is judged for reopening and for a survey answer once its resolution
 * is maturityDays old now.
 */
export function maturityOf(env: Pick<MetricEnv, 'now' | 'settings'>, query: Pick<MetricQuery, 'end'>): Maturity {
  const now = env.now().getTime();
  const reportEnd = Math.min(Date.parse(query.end), now);
  const days = env.settings.maturityDays * DAY_MS;
  return { openSince: new Date(reportEnd - days).toISOString(), resolvedSince: new Date(now - days).toISOString() };
}

/**
 * Outcome counts being read, by database, filter and maturity: resolution rate, escalation, reopen
 * and CSAT all stand on the same counts, and a page or the period report asks for them at once,
 * so overlapping requests share one read. Nothing is kept once it is answered.
 */
const outcomesInFlight = new WeakMap<object, Map<string, Promise<TicketOutcomeGroup[]>>>();

export function outcomes(env: Parameters<MetricDefinition['compute']>[0], query: MetricQuery): Promise<TicketOutcomeGroup[]> {
  const filter = ticketFilterOf(env, query);
  const maturity = maturityOf(env, query);
  const key = JSON.stringify([
    filter.start,
    filter.end,
    filter.lang ?? '',
    filter.topics ?? null,
    maturity.openSince,
    maturity.resolvedSince,
  ]);
  let running = outcomesInFlight.get(env.db);
  if (!running) outcomesInFlight.set(env.db, (running = new Map()));
  const shared = running.get(key);
  if (shared) return shared;
  const read = ticketOutcomesByGroup(env.db, filter, maturity).finally(() => running.delete(key));
  running.set(key, read);
  return read;
}

const resolutionRate: MetricDefinition = {
  id: 'resolution-rate',
  group: 'support',
  title: { 'zh-CN': '解决率', en: 'Resolution rate' },
  definition: {
    'zh-CN':
      '本时间段内创建的工单中，已解决工单（有解决时间，或没有解决时间但有关闭时间）所占的比例。为使不同时间段可比，在报告截止时（时间段结束时，若晚于现在则取现在）创建不足 W 天（默认 7 天）且仍未解决的工单不计入分母，单独显示为“太新，暂不评判”；已解决的工单无论用时多久都计入。与之比较的上一时间段按同一规则计算。',
    en: "Share of the tickets created in the period that are resolved (have resolvedAt, or closedAt lacking it). So that periods compare like with like, unresolved tickets younger than W days (default 7, KB_METRICS_MATURITY_DAYS) at the report's end (the period's end, or now if earlier) are left out of the denominator and shown apart as too recent to judge; resolved tickets always count, however long they took. The previous period it is compared with follows the same rule.",
  },
  formula: 'resolved ÷ (tickets − unresolved tickets younger than W days at the end); tooRecent = those left out',
  unit: 'ratio',
  window: 'Tickets created in the period; resolved at any time up to now; young unresolved ones apart.',
  filters: ['lang', 'topic'],
  async compute(env, query) {
    const { overall, rows } = foldByDimension(
      await outcomes(env, query),
      () => ({ tickets: 0, resolved: 0, tooRecent: 0 }),
      (a, g) => {
        a.tickets += g.tickets;
        a.resolved += g.resolved;
        a.tooRecent += g.youngOpen;
      },
      ancestryOf(env),
    );
    const figures = (a: typeof overall) => ({ ...a, judged: a.tickets - a.tooRecent, value: ratio(a.resolved, a.tickets - a.tooRecent) });
    const all = figures(overall);
    return {
      value: all.value,
      parts: { tickets: all.tickets, resolved: all.resolved, judged: all.judged, tooRecent: all.tooRecent },
      rows: rows.map(({ dimension, key, acc }) => ({ dimension, key, ...figures(acc) })),
    };
  },
};

const firstResponseTime: MetricDefinition = {
  id: 'first-response-time',
  group: 'support',
  title: { 'zh-CN': '首次响应时间', en: 'Time to first response' },
  definition: {
    'zh-CN':
      '从工单创建到首次响应的小时数：在记录了首次响应的工单中取中位数和第 90 百分位数。百分位数在相邻名次之间插值（偶数个值的中位数为中间两个值的平均数）。',
    en: "Hours from a ticket's creation to its first response: the median (p50) and the 90th percentile, over tickets with a recorded first response. Percentiles interpolate between ranks (the median of an even count is the mean of the two middle values).",
  },
  formula: 'median(firstResponseAt − createdAt) in hours; p90 likewise',
  unit: 'hours',
  window: 'Tickets created in the period that have a first response.',
  filters: ['lang', 'topic'],
  compute: (env, query) => durationMetric(env, query, 'first_response_seconds'),
};

const resolutionTime: MetricDefinition = {
  id: 'resolution-time',
  group: 'support',
  title: { 'zh-CN': '解决时间', en: 'Time to resolution' },
  definition: {
    'zh-CN': '从工单创建到解决（没有解决时间时取关闭时间）的小时数：在已解决工单中取中位数和第 90 百分位数。',
    en: "Hours from a ticket's creation to its resolution (resolvedAt, or closedAt when it is missing): median and 90th percentile over resolved tickets.",
  },
  formula: 'median((resolvedAt ?? closedAt) − createdAt) in hours; p90 likewise',
  unit: 'hours',
  window: 'Tickets created in the period that are resolved.',
  filters: ['lang', 'topic'],
  compute: (env, query) => durationMetric(env, query, 'resolution_seconds'),
};

/** SLA targets as the storage layer takes them (seconds); the drill-down list judges with the same (routes/ticket-list.ts). */
export function slaRules(settings: MetricSettings) {
  return PRIORITIES.map((priority) => ({
    priority,
    firstResponseSeconds: settings.slaTargets[priority].firstResponseHours * HOUR,
    resolutionSeconds: settings.slaTargets[priority].resolutionHours * HOUR,
  }));
}

const slaAttainment: MetricDefinition = {
  id: 'sla-attainment',
  group: 'support',
  title: { 'zh-CN': 'SLA 达成率', en: 'SLA attainment' },
  definition: {
    'zh-CN':
      '在结果已知的工单中，达成 SLA 的工单所占的比例。服务台记录了是否达成的，以服务台的记录为准；否则按为每个优先级配置的目标时限判断：在解决时限内解决，并且（若记录了首次响应）在首次响应时限内响应，即为达成。未解决的工单在存在时间超过解决时限后计为未达成（尚无响应而超过首次响应时限，或首次响应已超时，也计为未达成）；在此之前其结果未知，不计入。',
    en: "Share of tickets meeting their SLA among those whose outcome is known. The helpdesk's own slaMet decides where it recorded one; otherwise the configured targets of the ticket's priority (KB_SLA_TARGETS): met when resolved within the resolution target and, when a first response is recorded, answered within the first-response target. An unresolved ticket counts as missed once it is older than its resolution target (or than its first-response target without a response, or was answered late); until then its outcome is not known and it is left out.",
  },
  formula: 'tickets meeting SLA ÷ (met + missed)',
  unit: 'ratio',
  window: 'Tickets created in the period; unresolved ones judged against the targets as of now.',
  filters: ['lang', 'topic'],
  async compute(env, query) {
    const groups = await slaOutcomesByGroup(env.db, ticketFilterOf(env, query), slaRules(env.settings), env.now());
    const { overall, rows } = foldByDimension(
      groups,
      () => ({ met: 0, missed: 0 }),
      (a, g) => {
        a.met += g.met;
        a.missed += g.missed;
      },
      ancestryOf(env),
    );
    const target = (dimension: Dimension, key: string) =>
      dimension === 'priority' ? env.settings.slaTargets[key as keyof MetricSettings['slaTargets']] : undefined;
    return {
      value: ratio(overall.met, overall.met + overall.missed),
      parts: { tickets: overall.met + overall.missed, met: overall.met, missed: overall.missed },
      rows: rows.map(({ dimension, key, acc }): MetricRow => ({
        dimension,
        key,
        tickets: acc.met + acc.missed,
        met: acc.met,
        value: ratio(acc.met, acc.met + acc.missed),
        targetFirstResponseHours: target(dimension, key)?.firstResponseHours ?? null,
        targetResolutionHours: target(dimension, key)?.resolutionHours ?? null,
      })),
    };
  },
};

const escalationRate: MetricDefinition = {
  id: 'escalation-rate',
  group: 'support',
  title: { 'zh-CN': '升级率', en: 'Escalation rate' },
  definition: {
    'zh-CN': '从一线支持升级到二线支持的工单所占的比例。',
    en: 'Share of tickets escalated from tier 1 to tier 2.',
  },
  formula: 'escalated tickets ÷ tickets',
  unit: 'ratio',
  window: 'Tickets created in the period.',
  filters: ['lang', 'topic'],
  async compute(env, query) {
    const { overall, rows } = foldByDimension(
      await outcomes(env, query),
      () => ({ tickets: 0, escalated: 0 }),
      (a, g) => {
        a.tickets += g.tickets;
        a.escalated += g.escalated;
      },
      ancestryOf(env),
    );
    return {
      value: ratio(overall.escalated, overall.tickets),
      parts: overall,
      rows: rows.map(({ dimension, key, acc }) => ({ dimension, key, ...acc, value: ratio(acc.escalated, acc.tickets) })),
    };
  },
};

const reopenRate: MetricDefinition = {
  id: 'reopen-rate',
  group: 'support',
  title: { 'zh-CN': '重开率', en: 'Reopen rate' },
  definition: {
    'zh-CN':
      '已解决工单中至少被重新打开过一次（依据服务台记录的重新打开次数）的工单所占的比例。分子和分母都只计已解决工单，因此该比例始终在 0–1 之间。解决不足 W 天（默认 7 天）的工单还来不及被重新打开，不计入，单独显示为“太新，暂不评判”。',
    en: "Share of resolved tickets that were reopened at least once (the helpdesk's reopen count). Only resolved tickets count, above and below the line, so the rate stays within 0–1. Tickets resolved less than W days ago (default 7, KB_METRICS_MATURITY_DAYS) have not had time to be reopened: they are left out and shown apart as too recent to judge.",
  },
  formula: 'judged resolved tickets reopened ≥ 1 time ÷ resolved tickets resolved ≥ W days ago',
  unit: 'ratio',
  window: 'Tickets created in the period that are resolved; recently resolved ones apart.',
  filters: ['lang', 'topic'],
  async compute(env, query) {
    const { overall, rows } = foldByDimension(
      await outcomes(env, query),
      () => ({ resolved: 0, reopened: 0, tooRecent: 0, tooRecentReopened: 0 }),
      (a, g) => {
        a.resolved += g.resolved;
        a.reopened += g.reopened;
        a.tooRecent += g.recentResolved;
        a.tooRecentReopened += g.recentReopened;
      },
      ancestryOf(env),
    );
    const figures = (a: typeof overall) => ({
      resolved: a.resolved,
      reopened: a.reopened,
      judged: a.resolved - a.tooRecent,
      tooRecent: a.tooRecent,
      value: ratio(a.reopened - a.tooRecentReopened, a.resolved - a.tooRecent),
    });
    const all = figures(overall);
    const { value, ...parts } = all;
    return { value, parts, rows: rows.map(({ dimension, key, acc }) => ({ dimension, key, ...figures(acc) })) };
  },
};

const csat: MetricDefinition = {
  id: 'csat',
  group: 'support',
  title: { 'zh-CN': '客户满意度（CSAT）', en: 'Customer satisfaction (CSAT)' },
  definition: {
    'zh-CN':
      '有客户评分的工单的平均评分（1–5），以及评分为 4 或 5（满意）的评分所占的比例。回复率 = 有评分的已解决工单 ÷ 已解决工单，不计解决不足 W 天（默认 7 天）的工单（客户可能还会回复，单独显示为“太新，暂不评判”）。',
    en: 'Mean customer rating (1–5) of the tickets that have one, and the share of ratings that are 4 or 5 (satisfied). Response rate = rated resolved tickets ÷ resolved tickets, leaving out tickets resolved less than W days ago (default 7; the customer may still answer; shown apart as too recent to judge).',
  },
  formula:
    'sum of ratings ÷ rated tickets; satisfied share = ratings of 4–5 ÷ rated tickets; response rate = rated ÷ resolved (resolved ≥ W days ago)',
  unit: 'rating',
  window: 'Tickets created in the period that have a rating.',
  filters: ['lang', 'topic'],
  async compute(env, query) {
    const { overall, rows } = foldByDimension(
      await outcomes(env, query),
      () => ({ responses: 0, sum: 0, satisfied: 0, resolved: 0, recentResolved: 0, recentResponses: 0 }),
      (a, g) => {
        a.responses += g.csatResponses;
        a.sum += g.csatSum;
        a.satisfied += g.csatSatisfied;
        a.resolved += g.resolved;
        a.recentResolved += g.recentResolved;
        a.recentResponses += g.recentCsatResponses;
      },
      ancestryOf(env),
    );
    const figures = (a: typeof overall) => ({
      responses: a.responses,
      mean: mean(a.sum, a.responses),
      satisfiedShare: ratio(a.satisfied, a.responses),
      // Like-for-like (docs/design.md §4): tickets resolved under W days ago may still be answered.
      responseRate: ratio(a.responses - a.recentResponses, a.resolved - a.recentResolved),
      tooRecent: a.recentResolved,
    });
    const all = figures(overall);
    return { value: all.mean, parts: all, rows: rows.map(({ dimension, key, acc }) => ({ dimension, key, ...figures(acc) })) };
  },
};

export const metrics: MetricDefinition[] = [
  resolutionRate,
  firstResponseTime,
  resolutionTime,
  slaAttainment,
  escalationRate,
  reopenRate,
  csat,
];

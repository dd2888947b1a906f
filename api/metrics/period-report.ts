/**
 * The period report (问题汇总报告, issue 18): a month or a quarter for management, built
 * from the metric registry's results (so every figure is the one the dashboards show for the
 * same period) plus the catalog's article dates, the training records and the trend's ticket
 * counts (ticketsCreatedIn, the resolution-rate's own count). Each figure carries
 * the address of what is behind it: the dashboard panel of that metric for the same period, or
 * the metric's rows (GET /api/metrics/<id>, the same filters in the address).
 */
import { readDemoMarker } from '../db/queries/demo-marker.ts';
import { ticketsCreatedIn } from '../db/queries/period-report.ts';
import { trainingRecordsCompletedIn } from '../db/queries/training.ts';
import { invalidRequest } from '../lib/http/validation.ts';
import { PERIOD_PATTERN, type PeriodReport, type ReportFigureKey } from '../../core/contracts/period-report.ts';
import { metricById } from './index.ts';
import { resolvePeriod } from './period.ts';
import type { ComputeMetric } from './summary.ts';
import type { MetricEnv, MetricQuery, MetricResult, MetricRow } from './types.ts';

export type { PeriodReport } from '../../core/contracts/period-report.ts';

/** How many rows each list of the report keeps. */
const TOP = 5;

interface ReportPeriod {
  period: string;
  kind: 'month' | 'quarter';
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The dates of `2026-11` or `2026-Q4`; throws a 400 naming `period` when it is neither. */
export function parseReportPeriod(period: string): ReportPeriod {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) throw invalidRequest([{ field: 'period', message: 'must be a month (YYYY-MM) or a quarter (YYYY-Qn)' }]);
  const year = Number(match[1]);
  if (match[2]) {
    const m = Number(match[2]);
    return { period, kind: 'month', from: `${year}-${pad(m)}-01`, to: `${year}-${pad(m)}-${pad(lastDay(year, m))}` };
  }
  const q = Number(match[3]);
  const first = (q - 1) * 3 + 1;
  return { period, kind: 'quarter', from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}` };
}

/** The month or quarter `steps` before (1 = the previous one). */
export function earlierPeriod(p: ReportPeriod, steps = 1): ReportPeriod {
  const year = Number(p.period.slice(0, 4));
  if (p.kind === 'month') {
    const index = year * 12 + Number(p.period.slice(5, 7)) - 1 - steps;
    return parseReportPeriod(`${Math.floor(index / 12)}-${pad((index % 12) + 1)}`);
  }
  const index = year * 4 + Number(p.period.slice(6)) - 1 - steps;
  return parseReportPeriod(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Builds the report of `period` (read in `tz`). */
export async function periodReport(
  env: MetricEnv,
  params: { period: string; tz?: string | undefined },
  computeMetric: ComputeMetric = (d, q) => d.compute(env, q),
): Promise<PeriodReport> {
  const current = parseReportPeriod(params.period);
  const previous = earlierPeriod(current);
  const queryOf = (p: ReportPeriod, extra: { topic?: string } = {}): MetricQuery =>
    resolvePeriod({ from: p.from, to: p.to, tz: params.tz, interval: 'month', ...extra }, env.now());
  const q = queryOf(current);
  const prevQ = queryOf(previous);
  const tz = q.tz;
  const metric = async (id: string, query: MetricQuery = q): Promise<MetricResult> => computeMetric(metricById(id)!, query);
  const range = (p: { from: string; to: string }) => `from=${p.from}&to=${p.to}&tz=${encodeURIComponent(tz)}`;
  const panel = (id: string, page = '') => `/insights/${page}?${range(current)}#${id}`;
  const rowsOf = (id: string, extra = '') => `/api/metrics/${id}?${range(current)}${extra}`;
  const nameOf = (topic: string) => {
    const t = env.topics?.byId.get(topic);
    return { 'zh-CN': t?.name['zh-CN'] ?? topic, en: t?.name.en ?? topic };
  };

  // Every computation at once: those that stand on the same reads share them while they run
  // (support.ts outcomes, training/report.ts), and on PostgreSQL the queries overlap.
  const [
    [resolution, prevResolution, resolutionTime, prevResolutionTime, sla, prevSla, escalation, prevEscalation, csat, prevCsat],
    [linkRate, prevLinkRate, knownNew, deflection, prevDeflection, noResult, overdue, gaps, need],
  ] = await Promise.all([
    Promise.all([
      metric('resolution-rate'),
      metric('resolution-rate', prevQ),
      metric('resolution-time'),
      metric('resolution-time', prevQ),
      metric('sla-attainment'),
      metric('sla-attainment', prevQ),
      metric('escalation-rate'),
      metric('escalation-rate', prevQ),
      metric('csat'),
      metric('csat', prevQ),
    ]),
    Promise.all([
      metric('link-rate'),
      metric('link-rate', prevQ),
      metric('known-vs-new'),
      metric('deflection'),
      metric('deflection', prevQ),
      metric('top-no-result-searches'),
      metric('overdue-reviews'),
      metric('content-gaps'),
      metric('training-need'),
    ]),
  ]);

  // Articles of the build whose creation or last review falls in the period.
  const inPeriod = (date: string | undefined) => date !== undefined && date >= current.from && date <= current.to;
  const inPrevious = (date: string | undefined) => date !== undefined && date >= previous.from && date <= previous.to;
  const articles = env.catalog.manifest.articles;
  const created = articles.filter((a) => inPeriod(a.created)).length;
  const updated = articles.filter((a) => inPeriod(a.reviewed) && a.reviewed !== a.created).length;
  const completions = (await trainingRecordsCompletedIn(env.db, q.start, q.end)).length;
  const prevCompletions = (await trainingRecordsCompletedIn(env.db, prevQ.start, prevQ.end)).length;

  const figures: PeriodReport['figures'] = {
    tickets: { value: num(resolution.parts?.['tickets']), previous: num(prevResolution.parts?.['tickets']), href: panel('kpi-priority') },
    resolutionRate: { value: resolution.value, previous: prevResolution.value, href: panel('kpi-priority') },
    resolutionTooRecent: {
      value: num(resolution.parts?.['tooRecent']),
      previous: num(prevResolution.parts?.['tooRecent']),
      href: panel('headlines'),
    },
    medianResolutionHours: { value: resolutionTime.value, previous: prevResolutionTime.value, href: panel('kpi-priority') },
    slaAttainment: { value: sla.value, previous: prevSla.value, href: panel('sla-by-priority') },
    escalated: {
      value: num(escalation.parts?.['escalated']),
      previous: num(prevEscalation.parts?.['escalated']),
      href: panel('kpi-topic'),
    },
    escalationRate: { value: escalation.value, previous: prevEscalation.value, href: panel('kpi-topic') },
    csatMean: { value: csat.value, previous: prevCsat.value, href: panel('kpi-priority') },
    csatSatisfiedShare: {
      value: num(csat.parts?.['satisfiedShare']),
      previous: num(prevCsat.parts?.['satisfiedShare']),
      href: panel('kpi-priority'),
    },
    csatResponses: { value: num(csat.parts?.['responses']), previous: num(prevCsat.parts?.['responses']), href: panel('kpi-priority') },
    articlesCreated: { value: created, previous: articles.filter((a) => inPrevious(a.created)).length, href: '/en/articles/' },
    articlesUpdated: {
      value: updated,
      previous: articles.filter((a) => inPrevious(a.reviewed) && a.reviewed !== a.created).length,
      href: '/en/articles/',
    },
    linkRate: { value: linkRate.value, previous: prevLinkRate.value, href: panel('link-rate') },
    known: { value: num(knownNew.parts?.['known']), href: panel('known-vs-new') },
    new: { value: num(knownNew.parts?.['new']), href: panel('known-vs-new') },
    deflectionRate: { value: deflection.value, previous: prevDeflection.value, href: panel('deflection') },
    noResultSearches: { value: noResult.value, href: panel('no-result-zh') },
    trainingCompletions: { value: completions, previous: prevCompletions, href: `/insights/training?${range(current)}#training-need` },
    overdueReviews: { value: overdue.value, href: panel('overdue-reviews') },
    contentGaps: { value: gaps.value, href: panel('content-gaps') },
  } satisfies Record<ReportFigureKey, unknown>;

  // Volume: this period and the five before it.
  const volume: PeriodReport['volume'] = [];
  // The four before the previous one need only their count: the resolution-rate's `tickets`
  // part, counted directly instead of computing the whole metric for each.
  for (let steps = 5; steps >= 0; steps--) {
    const p = steps === 0 ? current : earlierPeriod(current, steps);
    let tickets: number;
    if (steps <= 1) tickets = num((steps === 0 ? resolution : prevResolution).parts?.['tickets']) ?? 0;
    else {
      const pq = queryOf(p);
      tickets = await ticketsCreatedIn(env.db, pq.start, pq.end);
    }
    volume.push({ period: p.period, from: p.from, to: p.to, tickets, href: `/insights/?${range(p)}#kpi-topic` });
  }

  const topicRows = (r: MetricResult) => (r.rows ?? []).filter((row) => row['dimension'] === 'topic' && row['key'] !== '(none)');
  const before = new Map(topicRows(prevResolution).map((row) => [String(row['key']), num(row['tickets']) ?? 0]));
  const growth = topicRows(resolution)
    .map((row) => {
      const topic = String(row['key']);
      const tickets = num(row['tickets']) ?? 0;
      const prev = before.get(topic) ?? 0;
      return {
        topic,
        name: nameOf(topic),
        tickets,
        previous: prev,
        change: tickets - prev,
        href: rowsOf('escalation-rate', `&topic=${topic}`),
      };
    })
    .filter((g) => g.change > 0)
    .sort((a, b) => b.change - a.change || b.tickets - a.tickets || a.topic.localeCompare(b.topic))
    .slice(0, TOP);

  const slaByPriority = (sla.rows ?? [])
    .filter((row) => row['dimension'] === 'priority')
    .map((row) => ({
      priority: String(row['key']),
      tickets: num(row['tickets']) ?? 0,
      met: num(row['met']) ?? 0,
      value: num(row['value']),
      href: panel('sla-by-priority'),
    }));

  const escalationsByTopic = topicRows(escalation)
    .map((row: MetricRow) => ({
      topic: String(row['key']),
      name: nameOf(String(row['key'])),
      tickets: num(row['tickets']) ?? 0,
      escalated: num(row['escalated']) ?? 0,
      value: num(row['value']),
      href: rowsOf('escalation-rate', `&topic=${String(row['key'])}`),
    }))
    .filter((row) => row.escalated > 0)
    .sort((a, b) => b.escalated - a.escalated || a.topic.localeCompare(b.topic))
    .slice(0, TOP);

  const topNoResultSearches = (noResult.rows ?? []).slice(0, TOP * 2).map((row) => ({
    query: String(row['query']),
    lang: typeof row['lang'] === 'string' ? row['lang'] : null,
    searches: num(row['searches']) ?? 0,
    href: rowsOf('top-no-result-searches', typeof row['lang'] === 'string' ? `&lang=${row['lang']}` : ''),
  }));

  const trainingNeeds = (need.rows ?? []).slice(0, TOP).map((row) => ({
    topic: String(row['topic']),
    name: nameOf(String(row['topic'])),
    needScore: num(row['needScore']),
    label: typeof row['label'] === 'string' ? row['label'] : null,
    tickets: num(row['tickets']) ?? 0,
    href: `/insights/training?${range(current)}&topic=${String(row['topic'])}#training-need`,
  }));

  const recommendations: PeriodReport['recommendations'] = [];
  for (const gap of (gaps.rows ?? []).slice(0, 3)) {
    const topic = String(gap['topic']);
    const name = nameOf(topic);
    const tickets = num(gap['tickets']) ?? 0;
    recommendations.push({
      kind: 'content-gap',
      text: {
        en: `Write an article for “${name.en}”: ${tickets} ${tickets === 1 ? 'ticket' : 'tickets'} this period and no published article.`,
        'zh-CN': `为“${name['zh-CN']}”编写文章：本期有 ${tickets} 张工单，但没有已发布的文章。`,
      },
      href: panel('content-gaps'),
    });
  }
  for (const t of trainingNeeds.filter((n) => n.label === 'training-gap' || n.label === 'both').slice(0, 3))
    recommendations.push({
      kind: 'training-need',
      text: {
        en: `Train agents on “${t.name.en}”: it escalates often although an article covers it (need ${t.needScore ?? '—'}).`,
        'zh-CN': `安排“${t.name['zh-CN']}”培训：已有文章覆盖，但升级仍然频繁（培训需求 ${t.needScore ?? '—'}）。`,
      },
      href: t.href,
    });
  if ((overdue.value ?? 0) > 0)
    recommendations.push({
      kind: 'overdue-reviews',
      text: {
        en: `Review the ${overdue.value} articles overdue for review.`,
        'zh-CN': `复审 ${overdue.value} 篇逾期未复审的文章。`,
      },
      href: panel('overdue-reviews'),
    });
  if (resolution.value !== null && prevResolution.value !== null && resolution.value < prevResolution.value - 0.05)
    recommendations.push({
      kind: 'resolution',
      text: {
        en: `The resolution rate fell from ${Math.round(prevResolution.value * 100)}% to ${Math.round(resolution.value * 100)}% (like for like): look at the topics that grew most.`,
        'zh-CN': `解决率从 ${Math.round(prevResolution.value * 100)}% 降至 ${Math.round(resolution.value * 100)}%（同口径比较）：请关注增长最多的问题类别。`,
      },
      href: panel('kpi-topic'),
    });

  return {
    period: current.period,
    kind: current.kind,
    from: current.from,
    to: current.to,
    tz,
    previous: { period: previous.period, from: previous.from, to: previous.to },
    demo: await readDemoMarker(env.db),
    figures,
    volume,
    growth,
    slaByPriority,
    escalationsByTopic,
    topNoResultSearches,
    trainingNeeds,
    recommendations,
  };
}

/**
 * Overview panels for knowledge use, support KPIs and content health: link rate and
 * known-vs-new over time, SLA attainment by priority, the KPI tables by priority and by
 * topic, and the content health lists linking to each article and its edit URL.
 */
import type { PanelSpec, RenderContext } from './panel.ts';
import { barChart, lineChart } from './charts.ts';
import { joinKpiRows, KPI_METRICS, type KpiMetric } from './kpi.ts';
import {
  articleCell,
  dimensionKey,
  editCell,
  formats,
  isQuiet,
  langName,
  periodRange,
  rowsOf,
  ticketsCell,
  valueCell,
} from './panel-helpers.ts';
import { isInsightsKey, type InsightsKey } from './strings.ts';
import { NOT_AVAILABLE } from './format.ts';
import { articleUrl } from '../../../core/content/urls.ts';
import type { TicketListFilters } from '../../../core/contracts/drill-down.ts';

type Priority = NonNullable<TicketListFilters['priority']>;
import { num, str, type MetricResponse } from './types.ts';

const columns = (ctx: RenderContext, keys: InsightsKey[], textColumns = 1) =>
  keys.map((k, i) => ({ label: ctx.t(k), numeric: i >= textColumns }));

export const linkRatePanel: PanelSpec = {
  id: 'link-rate',
  sources: ['link-rate'],
  render(ctx) {
    const series = ctx.data<MetricResponse>('link-rate')?.series;
    if (isQuiet(series, ['resolved']) || !series) return null;
    const f = formats(ctx.lang);
    return {
      chart: lineChart(
        series.map((p) => p.period),
        [{ label: ctx.t('col.linkRate'), data: series.map((p) => num(p, 'value')) }],
        f.percent,
        { min: 0, max: 1 },
      ),
      table: {
        caption: ctx.t('panel.linkRate'),
        columns: columns(ctx, ['col.period', 'col.resolved', 'col.linked', 'col.linkRate']),
        rows: series.map((p) => [
          p.period,
          ticketsCell(ctx, f.count(num(p, 'resolved')), { ...periodRange(ctx, p.period), status: 'resolved' }),
          ticketsCell(ctx, f.count(num(p, 'linked')), { ...periodRange(ctx, p.period), status: 'linked' }),
          valueCell(ctx, 'ratio', num(p, 'value')),
        ]),
      },
    };
  },
};

export const knownVsNewPanel: PanelSpec = {
  id: 'known-vs-new',
  sources: ['known-vs-new'],
  render(ctx) {
    const series = ctx.data<MetricResponse>('known-vs-new')?.series;
    if (isQuiet(series, ['known', 'new']) || !series) return null;
    const f = formats(ctx.lang);
    return {
      chart: barChart(
        series.map((p) => p.period),
        [
          { label: ctx.t('col.known'), data: series.map((p) => num(p, 'known') ?? 0) },
          { label: ctx.t('col.new'), data: series.map((p) => num(p, 'new') ?? 0) },
        ],
        f.count,
        { stacked: true, min: 0 },
      ),
      table: {
        caption: ctx.t('panel.knownVsNew'),
        columns: columns(ctx, ['col.period', 'col.known', 'col.new']),
        rows: series.map((p) => [
          p.period,
          ticketsCell(ctx, f.count(num(p, 'known')), { ...periodRange(ctx, p.period), status: 'known' }),
          ticketsCell(ctx, f.count(num(p, 'new')), { ...periodRange(ctx, p.period), status: 'new' }),
        ]),
      },
    };
  },
};

export const slaPanel: PanelSpec = {
  id: 'sla-by-priority',
  sources: ['sla-attainment'],
  render(ctx) {
    const rows = rowsOf(ctx.data<MetricResponse>('sla-attainment')).filter((r) => str(r, 'dimension') === 'priority');
    if (!rows.length || rows.every((r) => !num(r, 'tickets'))) return null;
    const f = formats(ctx.lang);
    const labels = rows.map((r) => dimensionKey(ctx, 'priority', str(r, 'key')));
    return {
      chart: barChart(labels, [{ label: ctx.t('col.sla'), data: rows.map((r) => num(r, 'value')) }], f.percent, { min: 0, max: 1 }),
      table: {
        caption: ctx.t('panel.slaByPriority'),
        columns: columns(ctx, ['col.priority', 'col.tickets', 'col.sla', 'col.firstResponse', 'col.resolutionTime']),
        rows: rows.map((r) => [
          dimensionKey(ctx, 'priority', str(r, 'key')),
          ticketsCell(ctx, f.count(num(r, 'tickets')), { priority: str(r, 'key') as Priority }),
          valueCell(ctx, 'ratio', num(r, 'value')),
          // The targets the attainment is measured against (settings.slaTargets).
          valueCell(ctx, 'hours', num(r, 'targetFirstResponseHours')),
          valueCell(ctx, 'hours', num(r, 'targetResolutionHours')),
        ]),
      },
    };
  },
};

function kpiPanel(id: string, dimension: 'priority' | 'topic'): PanelSpec {
  return {
    id,
    sources: [...KPI_METRICS],
    render(ctx) {
      const answers = Object.fromEntries(KPI_METRICS.map((m) => [m, ctx.data<MetricResponse>(m)])) as Record<
        KpiMetric,
        MetricResponse | undefined
      >;
      const rows = joinKpiRows(answers, dimension);
      if (!rows.length) return null;
      const f = formats(ctx.lang);
      return {
        table: {
          caption: ctx.t(dimension === 'priority' ? 'panel.kpiByPriority' : 'panel.kpiByTopic'),
          columns: columns(ctx, [
            dimension === 'priority' ? 'col.priority' : 'col.topic',
            'col.tickets',
            'col.resolutionRate',
            'col.firstResponse',
            'col.resolutionTime',
            'col.resolutionP90',
            'col.sla',
            'col.escalationRate',
            'col.reopenRate',
            'col.csat',
          ]),
          rows: rows.map((r) => [
            dimensionKey(ctx, dimension, r.key),
            ticketsCell(ctx, f.count(r.tickets), dimension === 'priority' ? { priority: r.key as Priority } : { topic: r.key }),
            valueCell(ctx, 'ratio', r.resolutionRate),
            valueCell(ctx, 'hours', r.firstResponseMedian),
            valueCell(ctx, 'hours', r.resolutionMedian),
            valueCell(ctx, 'hours', r.resolutionP90),
            valueCell(ctx, 'ratio', r.slaAttainment),
            valueCell(ctx, 'ratio', r.escalationRate),
            valueCell(ctx, 'ratio', r.reopenRate),
            valueCell(ctx, 'rating', r.csatMean),
          ]),
        },
      };
    },
  };
}

export const kpiPanels: PanelSpec[] = [kpiPanel('kpi-priority', 'priority'), kpiPanel('kpi-topic', 'topic')];

export const overduePanel: PanelSpec = {
  id: 'overdue-reviews',
  sources: ['overdue-reviews'],
  render(ctx) {
    const rows = rowsOf(ctx.data<MetricResponse>('overdue-reviews'));
    if (!rows.length) return null;
    const f = formats(ctx.lang);
    return {
      table: {
        caption: ctx.t('panel.overdue'),
        columns: columns(ctx, ['col.article', 'col.lang', 'col.owner', 'col.reviewed', 'col.dueOn', 'col.edit', 'col.daysOverdue'], 6),
        rows: rows.map((r) => [
          articleCell(r),
          langName(ctx, str(r, 'lang')),
          str(r, 'owner'),
          str(r, 'reviewed'),
          str(r, 'dueOn'),
          editCell(ctx, r),
          f.count(num(r, 'daysOverdue')),
        ]),
      },
    };
  },
};

export const lowHelpfulnessPanel: PanelSpec = {
  id: 'low-helpfulness-high-traffic',
  sources: ['low-helpfulness-high-traffic'],
  render(ctx) {
    const rows = rowsOf(ctx.data<MetricResponse>('low-helpfulness-high-traffic'));
    if (!rows.length) return null;
    const f = formats(ctx.lang);
    return {
      table: {
        caption: ctx.t('panel.lowHelpfulness'),
        columns: columns(ctx, ['col.article', 'col.lang', 'col.edit', 'col.views', 'col.votes', 'col.helpfulRate', 'col.wilsonLower'], 3),
        rows: rows.map((r) => [
          articleCell(r),
          langName(ctx, str(r, 'lang')),
          editCell(ctx, r),
          f.count(num(r, 'views')),
          f.count(num(r, 'votes')),
          valueCell(ctx, 'ratio', num(r, 'helpfulRate'), ctx.t('na.fewVotes')),
          valueCell(ctx, 'ratio', num(r, 'wilsonLower'), ctx.t('na.fewVotes')),
        ]),
      },
    };
  },
};

export const gapsPanel: PanelSpec = {
  id: 'content-gaps',
  sources: ['content-gaps'],
  render(ctx) {
    const rows = rowsOf(ctx.data<MetricResponse>('content-gaps'));
    if (!rows.length) return null;
    const f = formats(ctx.lang);
    return {
      table: {
        caption: ctx.t('panel.gaps'),
        columns: columns(ctx, ['col.topic', 'col.tickets', 'col.escalated']),
        rows: rows.map((r) => [
          ctx.topicName(str(r, 'topic')) || str(r, 'name'),
          ticketsCell(ctx, f.count(num(r, 'tickets')), { topic: str(r, 'topic') }),
          ticketsCell(ctx, f.count(num(r, 'escalated')), { topic: str(r, 'topic'), status: 'escalated' }),
        ]),
      },
    };
  },
};

/** The open flags on articles (issue 17's flags, metric open-flags): the article, why, its owner and how long it has been open. */
export const openFlagsPanel: PanelSpec = {
  id: 'open-flags',
  sources: ['open-flags'],
  render(ctx) {
    const answer = ctx.data<MetricResponse>('open-flags');
    const rows = rowsOf(answer);
    if (!rows.length) return null;
    const f = formats(ctx.lang);
    const reason = (r: string) => (isInsightsKey(`flag.${r}`) ? ctx.t(`flag.${r}` as InsightsKey) : r);
    return {
      summary: ctx.t('flags.summary', { count: f.count(rows.length), median: f.hours(num(answer?.parts, 'medianHoursOpen')) }),
      table: {
        caption: ctx.t('panel.openFlags'),
        columns: columns(ctx, ['col.article', 'col.flagReason', 'col.owner', 'col.flaggedOn', 'col.hoursOpen'], 4),
        rows: rows.map((r) => {
          const article = str(r, 'article');
          const lang = article.startsWith('zh-CN/') ? 'zh-CN' : article.startsWith('en/') ? 'en' : undefined;
          return [
            { text: str(r, 'title') || article, href: lang ? articleUrl(article) : undefined, lang },
            reason(str(r, 'reason')),
            str(r, 'owner') || NOT_AVAILABLE,
            str(r, 'createdAt').slice(0, 10),
            valueCell(ctx, 'hours', num(r, 'hoursOpen')),
          ];
        }),
      },
    };
  },
};

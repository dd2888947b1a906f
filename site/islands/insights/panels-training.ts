/**
 * The training page's panels (issue #6): the topic × team coverage heatmap, coverage per
 * topic, the need ranking with its reasons and labels, before/after effectiveness, and
 * the draft training plan (`GET /api/training/plan`) with its CSV export.
 */
import type { PanelSpec, RenderContext } from './panel.ts';
import { barChart, HEAT_STOPS, heatColor, heatmapChart, seriesColor, type HeatCell } from './charts.ts';
import { NOT_AVAILABLE } from './format.ts';
import { dimensionKey, formats, rowsOf, teamName, ticketsCell, valueCell, yesNo } from './panel-helpers.ts';
import type { InsightsKey } from './strings.ts';
import type { Cell } from './table.ts';
import { coverageGrid } from './training-grid.ts';
import { num, str, type MetricResponse, type MetricRow, type PlanResponse } from './types.ts';

/** Column headers; the first `textColumns` hold text, the rest numbers; reasons and agent lists get room. */
const columns = (ctx: RenderContext, keys: InsightsKey[], textColumns = 1) =>
  keys.map((k, i) => ({ label: ctx.t(k), numeric: i >= textColumns, wide: k === 'col.reasons' || k === 'col.untrainedAgents' }));

/** "Training gap", "Content gap", both, or "—". */
function labelText(ctx: RenderContext, label: unknown): string {
  return label === 'training-gap' || label === 'content-gap' || label === 'both' ? ctx.t(`label.${label}`) : ctx.t('label.none');
}

/** The reasons in the interface language (the API writes both). */
function reasonsText(ctx: RenderContext, row: Record<string, unknown>): string {
  const list = ctx.lang === 'zh-CN' && Array.isArray(row.reasonsZh) ? row.reasonsZh : row.reasons;
  return Array.isArray(list) ? list.join('; ') : '';
}

/** The heatmap's legend: the colour scale with its numbers, and what a cell without data looks like. */
function heatLegend(ctx: RenderContext): HTMLElement {
  const f = formats(ctx.lang);
  const legend = document.createElement('ul');
  legend.className = 'heat-legend';
  legend.dataset.heatLegend = '';
  legend.setAttribute('aria-label', ctx.t('heat.legend'));
  const entry = (swatchClass: string, color: string | null, text: string) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = swatchClass;
    swatch.setAttribute('aria-hidden', 'true');
    if (color) swatch.style.background = color;
    item.append(swatch, text);
    return item;
  };
  legend.append(
    Object.assign(document.createElement('li'), { className: 'heat-legend-title', textContent: ctx.t('heat.legend') }),
    ...HEAT_STOPS.map((stop) => entry('heat-swatch', heatColor(stop), f.percent(stop))),
    entry('heat-swatch heat-swatch-none', null, `${NOT_AVAILABLE} ${ctx.t('heat.noData')}`),
  );
  return legend;
}

export const heatmapPanel: PanelSpec = {
  id: 'coverage-heatmap',
  sources: ['training-matrix'],
  render(ctx) {
    const rows = rowsOf(ctx.data<MetricResponse>('training-matrix'));
    if (!rows.length) return null;
    const f = formats(ctx.lang);
    const grid = coverageGrid(rows, ctx.topicIds);
    const topicLabel = (topic: string, name: string) => (ctx.topicName(topic) !== topic ? ctx.topicName(topic) : name);
    const cellText = (value: number | null, trained: number, agents: number) => `${f.percent(value)} (${trained}/${agents})`;
    const noData = ctx.t('heat.noData');
    const cells: HeatCell[] = [];
    // Every topic × team cell, so one without data shows as such (hatched, "—"), never as a blank that reads like 0%.
    for (const { topic, name } of grid.topics) {
      for (const team of grid.teams) {
        const c = grid.cell(topic, team);
        const has = c !== undefined && c.agents > 0;
        cells.push({
          x: teamName(ctx, team),
          y: topicLabel(topic, name),
          value: has ? c.coverage : null,
          label: has ? f.percent(c.coverage) : NOT_AVAILABLE,
          text: `${topicLabel(topic, name)} × ${teamName(ctx, team)}: ${has ? cellText(c.coverage, c.trainedAgents, c.agents) : `${NOT_AVAILABLE} (${noData})`}`,
        });
      }
    }
    return {
      chart: heatmapChart(
        grid.teams.map((team) => teamName(ctx, team)),
        grid.topics.map((t) => topicLabel(t.topic, t.name)),
        cells,
      ),
      custom: (container) => container.replaceChildren(heatLegend(ctx)),
      chartHeight: Math.max(220, grid.topics.length * 34 + 70),
      table: {
        caption: ctx.t('panel.coverageHeatmap'),
        columns: [{ label: ctx.t('col.topic') }, ...grid.teams.map((team) => ({ label: teamName(ctx, team), numeric: true }))],
        rows: grid.topics.map(({ topic, name }) => [
          topicLabel(topic, name),
          ...grid.teams.map((team): Cell => {
            const c = grid.cell(topic, team);
            return c && c.agents > 0 ? cellText(c.coverage, c.trainedAgents, c.agents) : { text: NOT_AVAILABLE, title: noData };
          }),
        ]),
      },
    };
  },
};

export const coveragePanel: PanelSpec = {
  id: 'coverage-by-topic',
  sources: ['training-coverage'],
  render(ctx) {
    const rows = rowsOf(ctx.data<MetricResponse>('training-coverage'));
    if (!rows.length) return null;
    const f = formats(ctx.lang);
    const names = rows.map((r) => dimensionKey(ctx, 'topic', str(r, 'topic')));
    return {
      chart: barChart(
        names,
        [
          { label: ctx.t('col.peopleCoverage'), data: rows.map((r) => num(r, 'peopleCoverage')) },
          { label: ctx.t('col.ticketWeightedCoverage'), data: rows.map((r) => num(r, 'ticketWeightedCoverage')) },
        ],
        f.percent,
        { horizontal: true, min: 0, max: 1 },
      ),
      chartHeight: Math.max(220, rows.length * 40 + 70),
      table: {
        caption: ctx.t('panel.coverageByTopic'),
        columns: columns(
          ctx,
          [
            'col.topic',
            'col.trainingArticle',
            'col.customerArticle',
            'col.tickets',
            'col.agents',
            'col.trainedAgents',
            'col.peopleCoverage',
            'col.ticketWeightedCoverage',
            'col.escalationRate',
            'col.reopenRate',
            'col.resolutionTime',
            'col.unhelpfulShare',
            'col.noResultSearches',
          ],
          3,
        ),
        rows: rows.map((r) => [
          dimensionKey(ctx, 'topic', str(r, 'topic')),
          yesNo(ctx, r.hasTrainingArticle),
          yesNo(ctx, r.hasCustomerArticle),
          ticketsCell(ctx, f.count(num(r, 'tickets')), { topic: str(r, 'topic') }),
          f.count(num(r, 'agents')),
          f.count(num(r, 'trainedAgents')),
          valueCell(ctx, 'ratio', num(r, 'peopleCoverage')),
          valueCell(ctx, 'ratio', num(r, 'ticketWeightedCoverage')),
          valueCell(ctx, 'ratio', num(r, 'escalationRate')),
          valueCell(ctx, 'ratio', num(r, 'reopenRate')),
          valueCell(ctx, 'hours', num(r, 'medianResolutionHours')),
          valueCell(ctx, 'ratio', num(r, 'unhelpfulShare')),
          f.count(num(r, 'noResultSearches')),
        ]),
      },
    };
  },
};

/** How many topics the need chart shows; the table lists all. */
const NEED_CHART_TOPICS = 15;

export const needPanel: PanelSpec = {
  id: 'training-need',
  sources: ['training-need'],
  render(ctx) {
    const rows = rowsOf(ctx.data<MetricResponse>('training-need'));
    if (!rows.length) return null;
    const f = formats(ctx.lang);
    const top = rows.slice(0, NEED_CHART_TOPICS);
    // Bars coloured by label, so training gaps and content gaps stand apart; the label is also in the table.
    const colorOf = (label: unknown) => seriesColor(label === 'training-gap' ? 0 : label === 'content-gap' ? 1 : label === 'both' ? 3 : 6);
    return {
      chart: barChart(
        top.map((r) => `${dimensionKey(ctx, 'topic', str(r, 'topic'))} · ${labelText(ctx, r.label)}`),
        [{ label: ctx.t('col.needScore'), data: top.map((r) => num(r, 'needScore')) }],
        f.decimal,
        {
          horizontal: true,
          min: 0,
          colors: top.map((r) => colorOf(r.label)),
          labelWidth: 40,
        },
      ),
      chartHeight: Math.max(220, top.length * 36 + 60),
      table: {
        caption: ctx.t('panel.need'),
        columns: columns(
          ctx,
          [
            'col.topic',
            'col.label',
            'col.reasons',
            'col.needScore',
            'col.tickets',
            'col.escalationRate',
            'col.reopenRate',
            'col.peopleCoverage',
            'col.ticketWeightedCoverage',
          ],
          3,
        ),
        rows: rows.map((r) => [
          dimensionKey(ctx, 'topic', str(r, 'topic')),
          labelText(ctx, r.label),
          reasonsText(ctx, r),
          f.decimal(num(r, 'needScore')),
          ticketsCell(ctx, f.count(num(r, 'tickets')), { topic: str(r, 'topic') }),
          valueCell(ctx, 'ratio', num(r, 'escalationRate')),
          valueCell(ctx, 'ratio', num(r, 'reopenRate')),
          valueCell(ctx, 'ratio', num(r, 'peopleCoverage')),
          valueCell(ctx, 'ratio', num(r, 'ticketWeightedCoverage')),
        ]),
      },
    };
  },
};

function effectLabel(ctx: RenderContext, r: MetricRow): string {
  return `${str(r, 'name') || str(r, 'agent')} · ${dimensionKey(ctx, 'topic', str(r, 'topic'))}`;
}

/** Only trainings with enough tickets on both sides are drawn; the table lists them all. */
const evaluated = (rows: MetricRow[]) => rows.filter((r) => r.tooFewTickets !== true);

export const effectEscalationPanel: PanelSpec = {
  id: 'effect-escalation',
  sources: ['training-effectiveness'],
  render(ctx) {
    const answer = ctx.data<MetricResponse>('training-effectiveness');
    const rows = evaluated(rowsOf(answer));
    if (!answer || !rowsOf(answer).length) return null;
    const f = formats(ctx.lang);
    const parts = answer.parts ?? {};
    return {
      summary: ctx.t('effect.summary', {
        evaluated: f.count(num(parts, 'evaluated')),
        trainings: f.count(num(parts, 'trainings')),
        before: f.percent(num(parts, 'beforeEscalationRate')),
        after: f.percent(num(parts, 'afterEscalationRate')),
      }),
      chart: rows.length
        ? barChart(
            rows.map((r) => effectLabel(ctx, r)),
            [
              { label: ctx.t('col.before'), data: rows.map((r) => num(r, 'beforeEscalationRate')) },
              { label: ctx.t('col.after'), data: rows.map((r) => num(r, 'afterEscalationRate')) },
            ],
            f.percent,
            { min: 0, max: 1 },
          )
        : undefined,
      table: effectivenessTable(ctx, rowsOf(answer)),
    };
  },
};

export const effectResolutionPanel: PanelSpec = {
  id: 'effect-resolution',
  sources: ['training-effectiveness'],
  render(ctx) {
    const rows = evaluated(rowsOf(ctx.data<MetricResponse>('training-effectiveness')));
    if (!rows.length) return null;
    const f = formats(ctx.lang);
    return {
      chart: barChart(
        rows.map((r) => effectLabel(ctx, r)),
        [
          { label: ctx.t('col.before'), data: rows.map((r) => num(r, 'beforeMedianResolutionHours')) },
          { label: ctx.t('col.after'), data: rows.map((r) => num(r, 'afterMedianResolutionHours')) },
        ],
        f.hours,
        { min: 0 },
      ),
      table: {
        caption: ctx.t('panel.effectResolution'),
        columns: columns(
          ctx,
          ['col.agent', 'col.topic', 'col.beforeTickets', 'col.beforeResolution', 'col.afterTickets', 'col.afterResolution'],
          2,
        ),
        rows: rows.map((r) => [
          str(r, 'name') || str(r, 'agent'),
          dimensionKey(ctx, 'topic', str(r, 'topic')),
          f.count(num(r, 'beforeTickets')),
          valueCell(ctx, 'hours', num(r, 'beforeMedianResolutionHours')),
          f.count(num(r, 'afterTickets')),
          valueCell(ctx, 'hours', num(r, 'afterMedianResolutionHours')),
        ]),
      },
    };
  },
};

function effectivenessTable(ctx: RenderContext, rows: MetricRow[]) {
  const f = formats(ctx.lang);
  const few = ctx.t('na.fewTickets');
  return {
    caption: ctx.t('panel.effectivenessTable'),
    columns: columns(
      ctx,
      [
        'col.agent',
        'col.team',
        'col.topic',
        'col.trainedAt',
        'col.evaluated',
        'col.beforeTickets',
        'col.beforeEscalation',
        'col.afterTickets',
        'col.afterEscalation',
      ],
      5,
    ),
    rows: rows.map((r) => [
      str(r, 'name') || str(r, 'agent'),
      teamName(ctx, str(r, 'team')),
      dimensionKey(ctx, 'topic', str(r, 'topic')),
      str(r, 'trainedAt').slice(0, 10),
      r.tooFewTickets === true ? ctx.t('effect.tooFew') : ctx.t('yes'),
      f.count(num(r, 'beforeTickets')),
      valueCell(ctx, 'ratio', num(r, 'beforeEscalationRate'), few),
      f.count(num(r, 'afterTickets')),
      valueCell(ctx, 'ratio', num(r, 'afterEscalationRate'), few),
    ]),
  };
}

export const planPanel: PanelSpec = {
  id: 'plan',
  sources: ['plan'],
  render(ctx) {
    const topics = ctx.data<PlanResponse>('plan')?.topics ?? [];
    if (!topics.length) return null;
    const f = formats(ctx.lang);
    return {
      table: {
        caption: ctx.t('panel.plan'),
        columns: columns(
          ctx,
          [
            'col.topic',
            'col.label',
            'col.reasons',
            'col.untrainedAgents',
            'col.needScore',
            'col.tickets',
            'col.peopleCoverage',
            'col.ticketWeightedCoverage',
            'col.escalationRate',
          ],
          4,
        ),
        rows: topics.map((p) => [
          ctx.topicName(p.topic) !== p.topic ? ctx.topicName(p.topic) : p.name,
          labelText(ctx, p.label),
          (ctx.lang === 'zh-CN' ? p.reasonsZh : p.reasons).join('; '),
          // By display name, as on every other panel (api/metrics/agent-names.ts).
          p.untrainedAgentNames.join(', '),
          f.decimal(p.needScore),
          ticketsCell(ctx, f.count(p.tickets), { topic: p.topic }),
          valueCell(ctx, 'ratio', p.peopleCoverage),
          valueCell(ctx, 'ratio', p.ticketWeightedCoverage),
          valueCell(ctx, 'ratio', p.escalationRate),
        ]),
      },
    };
  },
};

export const trainingPanels: PanelSpec[] = [
  heatmapPanel,
  coveragePanel,
  needPanel,
  effectEscalationPanel,
  effectResolutionPanel,
  planPanel,
];

/**
 * The scorecards page's panels (考核, issue 18; docs/design.md §8): one row per team and per
 * agent from GET /api/metrics/team-scorecards and /agent-scorecards, each figure with the
 * team's median under it. A card under 10 resolved tickets reads "too few to judge" and has
 * no rank. Agents are named by their display name (staff account, else roster).
 */
import type { PanelSpec, RenderContext } from './panel.ts';
import { articlesCell, formats, rowsOf, teamName, ticketsCell, valueCell } from './panel-helpers.ts';
import type { ArticleListFilters, TicketListFilters } from '../../../core/contracts/drill-down.ts';
import type { InsightsKey } from './strings.ts';
import type { Cell, Column } from './table.ts';
import { num, str, type MetricResponse, type MetricRow } from './types.ts';
import type { Unit } from './format.ts';
import { formatValue, NOT_AVAILABLE } from './format.ts';

/** The figures a scorecard table shows, in column order, with their unit. */
const FIGURES: Array<{ key: string; label: InsightsKey; unit: Unit }> = [
  { key: 'tickets', label: 'col.tickets', unit: 'count' },
  { key: 'resolved', label: 'col.resolved', unit: 'count' },
  { key: 'resolutionRate', label: 'col.resolutionRate', unit: 'ratio' },
  { key: 'firstResponseMedianHours', label: 'col.firstResponse', unit: 'hours' },
  { key: 'resolutionMedianHours', label: 'col.resolutionTime', unit: 'hours' },
  { key: 'resolutionP90Hours', label: 'col.resolutionP90', unit: 'hours' },
  { key: 'mixAdjustedResolutionHours', label: 'col.mixAdjusted', unit: 'hours' },
  { key: 'slaAttainment', label: 'col.sla', unit: 'ratio' },
  { key: 'csatMean', label: 'col.csat', unit: 'rating' },
  { key: 'csatResponses', label: 'col.csatAnswers', unit: 'count' },
  { key: 'escalationRate', label: 'col.escalationRate', unit: 'ratio' },
  { key: 'reopenRate', label: 'col.reopenRate', unit: 'ratio' },
  { key: 'linkRate', label: 'col.linkRate', unit: 'ratio' },
  { key: 'articlesCreated', label: 'col.articlesCreated', unit: 'count' },
  { key: 'reuseByOthers', label: 'col.reuseByOthers', unit: 'count' },
  { key: 'minutesLogged', label: 'col.minutesLogged', unit: 'count' },
];

/** A figure with the median it is read against on a second, smaller line. */
function figureCell(
  ctx: RenderContext,
  row: MetricRow,
  key: string,
  unit: Unit,
  medianSuffix: string,
  medianKey: InsightsKey,
  who: { agent: string } | { team: string },
): Cell {
  let own = valueCell(ctx, unit, num(row, key));
  // Counts link to what they count (drill-down): the tickets, the resolved ones, the articles created from them.
  const drill = DRILL[key];
  if (typeof own === 'string' && drill)
    own =
      drill.kind === 'tickets' ? ticketsCell(ctx, own, { ...who, ...drill.narrow }) : articlesCell(ctx, own, { ...who, ...drill.narrow });
  const median = num(row, `${key}${medianSuffix}`);
  if (median === null) return own;
  const note = ctx.t(medianKey, { value: formatValue(ctx.lang, unit, median) });
  return typeof own === 'string' ? { text: own, note } : { ...own, note };
}

/** The counts of a card that link to a list, and which. */
const DRILL: Record<
  string,
  { kind: 'tickets'; narrow: Partial<TicketListFilters> } | { kind: 'articles'; narrow: Partial<ArticleListFilters> }
> = {
  tickets: { kind: 'tickets', narrow: {} },
  resolved: { kind: 'tickets', narrow: { status: 'resolved' } },
  csatResponses: { kind: 'tickets', narrow: { status: 'surveyed' } },
  articlesCreated: { kind: 'articles', narrow: { state: 'created-from-tickets' } },
};

const judgement = (ctx: RenderContext, row: MetricRow) =>
  str(row, 'judgement') === 'judged' ? ctx.t('judgement.judged') : ctx.t('judgement.tooFew');

const figureColumns = (ctx: RenderContext): Column[] => FIGURES.map((f) => ({ label: ctx.t(f.label), numeric: true }));

export const teamScorecardsPanel: PanelSpec = {
  id: 'team-scorecards',
  sources: ['team-scorecards'],
  render(ctx) {
    const rows = rowsOf(ctx.data<MetricResponse>('team-scorecards'));
    if (!rows.length) return null;
    const f = formats(ctx.lang);
    return {
      table: {
        caption: ctx.t('panel.teamScorecards'),
        columns: [
          { label: ctx.t('col.team') },
          { label: ctx.t('col.judgement') },
          { label: ctx.t('col.agents'), numeric: true },
          { label: ctx.t('col.judgedAgents'), numeric: true },
          ...figureColumns(ctx),
        ],
        rows: rows.map((r) => [
          teamName(ctx, str(r, 'team')),
          judgement(ctx, r),
          f.count(num(r, 'agents')),
          f.count(num(r, 'judgedAgents')),
          ...FIGURES.map((fig) => figureCell(ctx, r, fig.key, fig.unit, 'AgentMedian', 'scorecard.agentMedian', { team: str(r, 'team') })),
        ]),
      },
    };
  },
};

export const agentScorecardsPanel: PanelSpec = {
  id: 'agent-scorecards',
  sources: ['agent-scorecards'],
  render(ctx) {
    const rows = rowsOf(ctx.data<MetricResponse>('agent-scorecards'));
    if (!rows.length) return null;
    const f = formats(ctx.lang);
    // Ranked cards first, by rank; then the cards too few to judge, by name.
    const sorted = [...rows].sort(
      (a, b) => (num(a, 'rank') ?? Infinity) - (num(b, 'rank') ?? Infinity) || agentName(a).localeCompare(agentName(b)),
    );
    return {
      table: {
        caption: ctx.t('panel.agentScorecards'),
        columns: [
          { label: ctx.t('col.agent') },
          { label: ctx.t('col.team') },
          { label: ctx.t('col.rank'), numeric: true },
          { label: ctx.t('col.judgement') },
          ...figureColumns(ctx),
        ],
        rows: sorted.map((r) => [
          agentName(r),
          teamName(ctx, str(r, 'team')),
          num(r, 'rank') === null ? { text: NOT_AVAILABLE, title: ctx.t('judgement.tooFew') } : f.count(num(r, 'rank')),
          judgement(ctx, r),
          ...FIGURES.map((fig) => figureCell(ctx, r, fig.key, fig.unit, 'TeamMedian', 'scorecard.teamMedian', { agent: str(r, 'agent') })),
        ]),
      },
    };
  },
};

/** The agent's display name (the API's directory: staff account, else roster), else the id. */
export const agentName = (row: MetricRow): string => str(row, 'name') || str(row, 'agent');

export const scorecardPanels: PanelSpec[] = [teamScorecardsPanel, agentScorecardsPanel];

/**
 * Overview panels for self-service, helpfulness and search: self-service score and
 * deflection over time, Wilson-ranked leaders and laggards with their vote counts, why
 * readers voted "not helpful", and the top and no-result searches per language.
 */
import type { PanelSpec, RenderContext } from './panel.ts';
import { barChart, lineChart } from './charts.ts';
import { ellipsize } from './labels.ts';
import { articleCell, formats, isQuiet, langName, rowsOf, valueCell } from './panel-helpers.ts';
import type { InsightsKey } from './strings.ts';
import { num, str, type MetricResponse, type MetricRow } from './types.ts';

export const selfServicePanel: PanelSpec = {
  id: 'self-service-score',
  sources: ['self-service-score'],
  render(ctx) {
    const series = ctx.data<MetricResponse>('self-service-score')?.series;
    if (isQuiet(series, ['sessions', 'requesters']) || !series) return null;
    const f = formats(ctx.lang);
    return {
      chart: lineChart(
        series.map((p) => p.period),
        [{ label: ctx.t('col.score'), data: series.map((p) => num(p, 'value')) }],
        f.score,
        { min: 0 },
      ),
      table: {
        caption: ctx.t('panel.selfServiceScore'),
        columns: [
          { label: ctx.t('col.period') },
          { label: ctx.t('col.sessions'), numeric: true },
          { label: ctx.t('col.requesters'), numeric: true },
          { label: ctx.t('col.score'), numeric: true },
        ],
        rows: series.map((p) => [
          p.period,
          f.count(num(p, 'sessions')),
          f.count(num(p, 'requesters')),
          valueCell(ctx, 'sessions-per-requester', num(p, 'value')),
        ]),
      },
    };
  },
};

export const deflectionPanel: PanelSpec = {
  id: 'deflection',
  sources: ['deflection'],
  render(ctx) {
    const series = ctx.data<MetricResponse>('deflection')?.series;
    if (isQuiet(series, ['contactSessions']) || !series) return null;
    const f = formats(ctx.lang);
    return {
      chart: lineChart(
        series.map((p) => p.period),
        [
          { label: ctx.t('col.deflectionRate'), data: series.map((p) => num(p, 'value')) },
          { label: ctx.t('col.explicitRate'), data: series.map((p) => num(p, 'explicitRate')) },
        ],
        f.percent,
        { min: 0, max: 1 },
      ),
      table: {
        caption: ctx.t('panel.deflection'),
        columns: [
          'col.period',
          'col.contactSessions',
          'col.explicit',
          'col.implicit',
          'col.submitted',
          'col.deflectionRate',
          'col.explicitRate',
        ].map((k, i) => ({ label: ctx.t(k as InsightsKey), numeric: i > 0 })),
        rows: series.map((p) => [
          p.period,
          f.count(num(p, 'contactSessions')),
          f.count(num(p, 'explicit')),
          f.count(num(p, 'implicit')),
          f.count(num(p, 'submitted')),
          valueCell(ctx, 'ratio', num(p, 'value')),
          valueCell(ctx, 'ratio', num(p, 'explicitRate')),
        ]),
      },
    };
  },
};

/** How many articles the leaders and the laggards lists show. */
const RANKING_SIZE = 10;

function rankingView(ctx: RenderContext, rows: MetricRow[], caption: string) {
  const f = formats(ctx.lang);
  // Vote counts go into the bar labels, so a high rate on few votes is read as such; the title is
  // cut by display width on the axis and whole in the tooltip.
  const titles = rows.map((r) => str(r, 'title') || str(r, 'article'));
  const votes = rows.map((r) => `(${f.count(num(r, 'votes'))})`);
  const labels = titles.map((title, i) => `${title} ${votes[i]}`);
  return {
    chart: barChart(
      labels,
      [
        { label: ctx.t('col.wilsonLower'), data: rows.map((r) => num(r, 'wilsonLower')) },
        { label: ctx.t('col.helpfulRate'), data: rows.map((r) => num(r, 'helpfulRate')) },
      ],
      f.percent,
      { horizontal: true, min: 0, max: 1, tickText: (i) => `${ellipsize(titles[i] ?? '', 28)} ${votes[i] ?? ''}` },
    ),
    chartHeight: Math.max(200, rows.length * 44 + 60),
    table: {
      caption,
      columns: ['col.article', 'col.lang', 'col.votes', 'col.helpful', 'col.notHelpful', 'col.helpfulRate', 'col.wilsonLower'].map(
        (k, i) => ({ label: ctx.t(k as InsightsKey), numeric: i > 1 }),
      ),
      rows: rows.map((r) => [
        articleCell(r),
        langName(ctx, str(r, 'lang')),
        f.count(num(r, 'votes')),
        f.count(num(r, 'helpful')),
        f.count(num(r, 'notHelpful')),
        valueCell(ctx, 'ratio', num(r, 'helpfulRate'), ctx.t('na.fewVotes')),
        valueCell(ctx, 'ratio', num(r, 'wilsonLower'), ctx.t('na.fewVotes')),
      ]),
    },
  };
}

/** The ranking sorted by the Wilson lower bound, best first: leaders are its head. */
export const leadersPanel: PanelSpec = {
  id: 'leaders',
  sources: ['helpfulness-ranking'],
  render(ctx) {
    const rows = rowsOf(ctx.data<MetricResponse>('helpfulness-ranking')).slice(0, RANKING_SIZE);
    return rows.length ? rankingView(ctx, rows, ctx.t('panel.leaders')) : null;
  },
};

/** Laggards are the ranking's tail, shown worst first. */
export const laggardsPanel: PanelSpec = {
  id: 'laggards',
  sources: ['helpfulness-ranking'],
  render(ctx) {
    const rows = rowsOf(ctx.data<MetricResponse>('helpfulness-ranking')).slice(-RANKING_SIZE).reverse();
    return rows.length ? rankingView(ctx, rows, ctx.t('panel.laggards')) : null;
  },
};

/** The reasons in the order of the feedback form (core/contracts/vote-values.ts), then "none". */
export const REASONS = ['outdated', 'unclear', 'incomplete', 'wrong', 'didnt-solve', 'other', 'none'] as const;

export const voteReasonsPanel: PanelSpec = {
  id: 'vote-reasons',
  sources: ['vote-reasons'],
  render(ctx) {
    const answer = ctx.data<MetricResponse>('vote-reasons');
    const series = answer?.series;
    if (!answer || !answer.value || !series) return null;
    const f = formats(ctx.lang);
    const reasonLabel = (reason: string) => ctx.t(`reason.${reason}` as InsightsKey);
    return {
      chart: barChart(
        series.map((p) => p.period),
        REASONS.map((reason) => ({ label: reasonLabel(reason), data: series.map((p) => num(p, reason) ?? 0) })),
        f.count,
        { stacked: true, min: 0 },
      ),
      table: {
        caption: ctx.t('panel.voteReasons'),
        columns: [
          { label: ctx.t('col.reason') },
          { label: ctx.t('col.votes'), numeric: true },
          { label: ctx.t('col.share'), numeric: true },
        ],
        rows: rowsOf(answer).map((r) => [
          reasonLabel(str(r, 'reason')),
          f.count(num(r, 'votes')),
          valueCell(ctx, 'ratio', num(r, 'share')),
        ]),
      },
    };
  },
};

function searchTablePanel(id: string, source: 'top-searches' | 'top-no-result-searches', lang: 'zh-CN' | 'en'): PanelSpec {
  return {
    id,
    sources: [source],
    render(ctx) {
      const rows = rowsOf(ctx.data<MetricResponse>(source)).filter((r) => str(r, 'lang') === lang);
      if (!rows.length) return null;
      const f = formats(ctx.lang);
      const caption = ctx.t(source === 'top-searches' ? `panel.topSearches.${lang}` : `panel.noResultSearches.${lang}`);
      if (source === 'top-no-result-searches') {
        return {
          table: {
            caption,
            columns: [{ label: ctx.t('col.query') }, { label: ctx.t('col.searches'), numeric: true }],
            rows: rows.map((r) => [{ text: str(r, 'query'), lang }, f.count(num(r, 'searches'))]),
          },
        };
      }
      return {
        table: {
          caption,
          columns: ['col.query', 'col.searches', 'col.noResult', 'col.clicked', 'col.clickThrough'].map((k, i) => ({
            label: ctx.t(k as InsightsKey),
            numeric: i > 0,
          })),
          rows: rows.map((r) => [
            { text: str(r, 'query'), lang },
            f.count(num(r, 'searches')),
            f.count(num(r, 'noResult')),
            f.count(num(r, 'clicked')),
            valueCell(ctx, 'ratio', num(r, 'clickThrough')),
          ]),
        },
      };
    },
  };
}

/** No-result rate and click-through per period, on one chart: a rising first and falling second is a content gap. */
const searchRatesPanel: PanelSpec = {
  id: 'search-rates',
  sources: ['search-no-result-rate', 'search-click-through'],
  render(ctx) {
    const noResult = ctx.data<MetricResponse>('search-no-result-rate')?.series;
    const clicks = ctx.data<MetricResponse>('search-click-through')?.series;
    if (isQuiet(noResult, ['searches']) || !noResult) return null;
    const f = formats(ctx.lang);
    // Both series count the same searches in the same periods; without click-through (its
    // request failed, and the panel names it) those columns are empty.
    const clicked = new Map((clicks ?? []).map((p) => [p.period, p]));
    const rows = noResult.map((p) => ({
      period: p.period,
      searches: num(p, 'searches'),
      noResult: num(p, 'noResult'),
      noResultRate: num(p, 'value'),
      clicked: num(clicked.get(p.period), 'clicked'),
      clickThrough: num(clicked.get(p.period), 'value'),
    }));
    return {
      chart: lineChart(
        rows.map((r) => r.period),
        [
          { label: ctx.t('col.noResultRate'), data: rows.map((r) => r.noResultRate) },
          { label: ctx.t('col.clickThrough'), data: rows.map((r) => r.clickThrough) },
        ],
        f.percent,
        { min: 0, max: 1 },
      ),
      table: {
        caption: ctx.t('panel.searchRates'),
        columns: ['col.period', 'col.searches', 'col.noResult', 'col.noResultRate', 'col.clicked', 'col.clickThrough'].map((k, i) => ({
          label: ctx.t(k as InsightsKey),
          numeric: i > 0,
        })),
        rows: rows.map((r) => [
          r.period,
          f.count(r.searches),
          f.count(r.noResult),
          valueCell(ctx, 'ratio', r.noResultRate),
          f.count(r.clicked),
          valueCell(ctx, 'ratio', r.clickThrough),
        ]),
      },
    };
  },
};

export const searchPanels: PanelSpec[] = [
  searchRatesPanel,
  searchTablePanel('top-searches-zh', 'top-searches', 'zh-CN'),
  searchTablePanel('top-searches-en', 'top-searches', 'en'),
  searchTablePanel('no-result-zh', 'top-no-result-searches', 'zh-CN'),
  searchTablePanel('no-result-en', 'top-no-result-searches', 'en'),
];

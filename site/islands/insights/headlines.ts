/**
 * The headline numbers of the overview (`GET /api/metrics/summary`): each value with its
 * change against the previous period of the same length, an arrow, and in words whether
 * the change is better or worse (for the no-result rate, the escalation rate and the
 * resolution time, lower is better).
 */
import type { PanelSpec, RenderContext } from './panel.ts';
import { changeOf, formatValue, NOT_AVAILABLE, type Polarity, type Unit } from './format.ts';
import type { InsightsKey } from './strings.ts';
import { SUMMARY_KEYS, type SummaryKey, type SummaryResponse } from './types.ts';

/** Each headline's unit and which way is good. */
export const HEADLINES: Record<SummaryKey, { unit: Unit; polarity: Polarity }> = {
  selfServiceScore: { unit: 'sessions-per-requester', polarity: 'higher-is-better' },
  deflectionRate: { unit: 'ratio', polarity: 'higher-is-better' },
  explicitDeflectionRate: { unit: 'ratio', polarity: 'higher-is-better' },
  helpfulRate: { unit: 'ratio', polarity: 'higher-is-better' },
  noResultRate: { unit: 'ratio', polarity: 'lower-is-better' },
  searchClickThrough: { unit: 'ratio', polarity: 'higher-is-better' },
  linkRate: { unit: 'ratio', polarity: 'higher-is-better' },
  resolutionRate: { unit: 'ratio', polarity: 'higher-is-better' },
  medianResolutionHours: { unit: 'hours', polarity: 'lower-is-better' },
  slaAttainment: { unit: 'ratio', polarity: 'higher-is-better' },
  escalationRate: { unit: 'ratio', polarity: 'lower-is-better' },
  csatMean: { unit: 'rating', polarity: 'higher-is-better' },
};

function card(ctx: RenderContext, summary: SummaryResponse, key: SummaryKey): HTMLElement {
  const { unit, polarity } = HEADLINES[key];
  const current = summary[key];
  const previous = summary.previous?.[key] ?? null;
  const item = document.createElement('div');
  item.className = 'headline';
  item.dataset.headline = key;
  const term = document.createElement('dt');
  term.textContent = ctx.t(`kpi.${key}` as InsightsKey);
  const value = document.createElement('dd');
  value.className = 'headline-value';
  value.textContent = formatValue(ctx.lang, unit, current);
  if (value.textContent === NOT_AVAILABLE) {
    value.title = key === 'helpfulRate' ? ctx.t('na.fewVotes') : ctx.t('na.noData');
    value.append(Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: ` (${value.title})` }));
  }
  const change = changeOf(ctx.lang, unit, current, previous, polarity);
  const delta = document.createElement('dd');
  delta.className = `headline-change ${change ? change.verdict : 'none'}`;
  if (change) {
    const arrow = Object.assign(document.createElement('span'), { textContent: `${change.arrow} `, ariaHidden: 'true' });
    const verdict = ctx.t(change.verdict === 'same' ? 'change.same' : change.verdict === 'better' ? 'change.better' : 'change.worse');
    delta.append(arrow, `${change.text} · ${verdict}`);
  } else delta.textContent = NOT_AVAILABLE;
  const context = document.createElement('dd');
  context.className = 'headline-previous';
  context.textContent = `${ctx.t('change.previous', { from: summary.previous?.from ?? '', to: summary.previous?.to ?? '', value: formatValue(ctx.lang, unit, previous) })} · ${ctx.t(polarity === 'lower-is-better' ? 'change.lowerBetter' : 'change.higherBetter')}`;
  item.append(term, value, delta, context);
  // Like-for-like periods (docs/design.md §4): the young open tickets the rate leaves out, shown apart.
  if (key === 'resolutionRate' && (summary.resolutionTooRecent ?? 0) > 0) {
    const recent = document.createElement('dd');
    recent.className = 'headline-recent';
    recent.dataset.tooRecent = String(summary.resolutionTooRecent);
    recent.textContent = ctx.t('change.tooRecent', { count: String(summary.resolutionTooRecent) });
    item.append(recent);
  }
  return item;
}

export const headlinesPanel: PanelSpec = {
  id: 'headlines',
  sources: ['summary'],
  render(ctx) {
    const summary = ctx.data<SummaryResponse>('summary');
    if (!summary) return null;
    return {
      custom(container) {
        const list = document.createElement('dl');
        list.className = 'headline-grid';
        list.append(...SUMMARY_KEYS.map((key) => card(ctx, summary, key)));
        container.replaceChildren(list);
        // The seed marks demo data (api/db/queries/demo-marker.ts): say so above the numbers.
        if (summary.demo) {
          const banner = document.createElement('p');
          banner.className = 'demo-banner';
          banner.setAttribute('role', 'note');
          banner.dataset.demo = summary.demo.seededAt;
          banner.textContent = ctx.t('demo.banner', { date: summary.demo.seededAt.slice(0, 10) });
          container.prepend(banner);
        }
      },
    };
  },
};

/**
 * The headline numbers of the overview (`GET /api/metrics/summary`): each value with its
 * change against the previous period of the same length, an arrow, and in words whether
 * the change is better or worse (for the no-result rate, the escalation rate and the
 * resolution time, lower is better).
 */
import type { PanelSpec, RenderContext } from './panel.ts';
import { changeOf, formatValue, NOT_AVAILABLE, type Polarity, type Unit } from './format.ts';
import { SUMMARY_KEYS, SUMMARY_SOURCES, type SummaryKey, type SummaryResponse } from './types.ts';
import { navItem, type InsightsPage } from './nav.ts';

/** The page each headline number is explained on. */
export const HEADLINE_AREA: Record<SummaryKey, InsightsPage> = {
  selfServiceScore: 'self-service',
  deflectionRate: 'self-service',
  explicitDeflectionRate: 'self-service',
  helpfulRate: 'knowledge',
  noResultRate: 'self-service',
  searchClickThrough: 'self-service',
  linkRate: 'knowledge',
  resolutionRate: 'support',
  medianResolutionHours: 'support',
  slaAttainment: 'support',
  escalationRate: 'support',
  csatMean: 'support',
};

/** How many headlines "what changed most" lists. */
const CHANGES_SHOWN = 4;

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
  // The title links to the page of its area, with the same view.
  term.append(Object.assign(document.createElement('a'), { href: ctx.pageHref(HEADLINE_AREA[key]), textContent: headlineTitle(ctx, key) }));
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

/**
 * A headline's title in the interface language: its metric's title in the registry (one
 * name for one metric, on every page and in docs/metrics.md); a part of a metric (the explicit
 * deflection rate) says which part.
 */
export function headlineTitle(ctx: Pick<RenderContext, 'metricTitle' | 't'>, key: SummaryKey): string {
  const { metric, figure } = SUMMARY_SOURCES[key];
  const title = ctx.metricTitle(metric) ?? metric;
  return figure === 'explicitRate' ? ctx.t('headline.explicitOf', { title }) : title;
}

/**
 * The headlines that moved most against the previous period, by the size of the move relative
 * to where they were (a rate from 10% to 12% moved as much as one from 40% to 48%), biggest first.
 */
export function biggestChanges(summary: SummaryResponse, count = CHANGES_SHOWN): SummaryKey[] {
  const moves = SUMMARY_KEYS.flatMap((key) => {
    const current = summary[key];
    const previous = summary.previous?.[key] ?? null;
    if (current === null || previous === null || current === previous) return [];
    const base = Math.abs(previous) || Math.abs(current);
    return [{ key, size: Math.abs(current - previous) / base }];
  });
  return moves
    .sort((a, b) => b.size - a.size)
    .slice(0, count)
    .map((m) => m.key);
}

function changesList(ctx: RenderContext, summary: SummaryResponse): HTMLElement {
  const box = document.createElement('section');
  box.className = 'headline-changes';
  box.dataset.changes = '';
  const heading = Object.assign(document.createElement('h3'), { textContent: ctx.t('changes.heading') });
  const list = document.createElement('ul');
  for (const key of biggestChanges(summary)) {
    const { unit, polarity } = HEADLINES[key];
    const change = changeOf(ctx.lang, unit, summary[key], summary.previous?.[key] ?? null, polarity);
    if (!change || change.verdict === 'same') continue;
    const item = document.createElement('li');
    item.dataset.change = key;
    item.className = change.verdict;
    const link = Object.assign(document.createElement('a'), {
      href: ctx.pageHref(HEADLINE_AREA[key]),
      textContent: headlineTitle(ctx, key),
    });
    const verdict = ctx.t(change.verdict === 'better' ? 'change.better' : 'change.worse');
    const area = ctx.t(navItem(HEADLINE_AREA[key]).key);
    item.append(
      link,
      ` ${formatValue(ctx.lang, unit, summary.previous?.[key] ?? null)} → ${formatValue(ctx.lang, unit, summary[key])} `,
      Object.assign(document.createElement('span'), { textContent: `${change.arrow} `, ariaHidden: 'true' }),
      `${change.text} · ${verdict} · ${ctx.t('changes.area', { area })}`,
    );
    list.append(item);
  }
  if (!list.children.length) list.append(Object.assign(document.createElement('li'), { textContent: ctx.t('changes.none') }));
  box.append(heading, list);
  return box;
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
        container.replaceChildren(changesList(ctx, summary), list);
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

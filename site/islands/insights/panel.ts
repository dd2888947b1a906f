/**
 * One dashboard panel: what it needs (its data sources), what it shows (a PanelView: a
 * chart, a data table, free content) and how the page draws it — or states plainly that
 * the period is empty, that the server does not offer the metric yet, or what failed.
 */
import type { Lang } from '../../../core/content/article.ts';
import type { InsightsApiError } from './api.ts';
import { mountChart, unmountChart, type DashboardChart } from './charts.ts';
import { definitionIn } from './definition.ts';
import type { InsightsFilters } from './filters.ts';
import type { InsightsKey } from './strings.ts';
import type { InsightsPage } from './nav.ts';
import { buildScrollTable, type TableSpec } from './table.ts';
import type { MetricInfo } from './types.ts';

/** What a panel's render function gets. */
export interface RenderContext {
  lang: Lang;
  filters: InsightsFilters;
  /** The answer of a source, or undefined when it failed (the panel says which). */
  data<T>(source: string): T | undefined;
  topicName(id: string): string;
  /** The build's topic ids in taxonomy order. */
  topicIds: readonly string[];
  t(key: InsightsKey, vars?: Record<string, string | number>): string;
  /** The address of another dashboard page showing this view. */
  pageHref(page: InsightsPage): string;
  /** A metric's title in the interface language, from the registry (GET /api/metrics); undefined when unknown. */
  metricTitle(id: string): string | undefined;
}

/** What a panel shows; null means "no data for this period". */
export interface PanelView {
  chart?: DashboardChart | undefined;
  /** Height of the chart area in px (default 280). */
  chartHeight?: number;
  table?: TableSpec;
  /** Free-form content (the headline cards). */
  custom?: (container: HTMLElement) => void;
  /** A sentence shown above the chart (pooled figures, notes). */
  summary?: string;
}

export interface PanelSpec {
  /** Matches `data-panel` in the page. */
  id: string;
  /** Data sources: a metric id, or 'summary' / 'plan'. The first is the one the panel cannot do without. */
  sources: string[];
  render(ctx: RenderContext): PanelView | null;
}

export type PanelState = 'loading' | 'ready' | 'empty' | 'unavailable' | 'error';
export type Outcome = { ok: true; value: unknown } | { ok: false; error: InsightsApiError };

/** Where a source is served, and whether it takes the `interval` parameter. */
export function sourcePath(source: string): { path: string; interval: boolean } {
  if (source === 'summary') return { path: '/api/metrics/summary', interval: false };
  if (source === 'plan') return { path: '/api/training/plan', interval: false };
  return { path: `/api/metrics/${encodeURIComponent(source)}`, interval: true };
}

/** Sets a panel's state and status line; only a ready panel shows its body. */
export function setPanelState(root: HTMLElement, state: PanelState, message: string): void {
  root.dataset.state = state;
  root.setAttribute('aria-busy', String(state === 'loading'));
  const status = root.querySelector<HTMLElement>('[data-panel-status]');
  if (status) status.textContent = message;
  const body = root.querySelector<HTMLElement>('[data-panel-body]');
  if (body) body.hidden = state !== 'ready';
}

/**
 * Draws `panel` from the answers of its sources. Without its first source the panel
 * cannot say anything and shows why; other sources that failed are named above what
 * it can still draw.
 */
export function showPanel(
  root: HTMLElement,
  panel: PanelSpec,
  outcomes: Map<string, Outcome>,
  ctx: RenderContext,
  info: MetricInfo | undefined,
): void {
  const { t } = ctx;
  const failures = panel.sources.map((s) => [s, outcomes.get(s)] as const).filter(([, o]) => o && !o.ok) as Array<
    [string, { ok: false; error: InsightsApiError }]
  >;
  const primary = outcomes.get(panel.sources[0]!);
  if (!primary || !primary.ok) {
    const error = failures[0]?.[1].error;
    const name = ctx.metricTitle(panel.sources[0]!) ?? panel.sources[0]!;
    if (error?.kind === 'unavailable') setPanelState(root, 'unavailable', t('state.unavailable', { metric: name }));
    else setPanelState(root, 'error', t('state.error', { message: error?.message ?? '' }));
    return;
  }
  let view: PanelView | null;
  try {
    view = panel.render(ctx);
  } catch (error) {
    setPanelState(root, 'error', t('state.error', { message: (error as Error).message }));
    return;
  }
  const definition = root.querySelector<HTMLElement>('[data-definition]');
  if (definition && info) {
    // The registry's own words, so the page and docs/metrics.md never disagree; the formula
    // (English, naming the API's fields) on a second, smaller line, folded away in Chinese.
    const shown = definitionIn(info, ctx.lang);
    const words = Object.assign(document.createElement('span'), { textContent: shown.text });
    words.lang = shown.lang;
    const code = Object.assign(document.createElement('code'), { lang: 'en', textContent: info.formula });
    let formula: HTMLElement;
    if (shown.formulaFolded) {
      formula = document.createElement('details');
      formula.append(Object.assign(document.createElement('summary'), { textContent: shown.formulaLabel }), code);
    } else {
      formula = document.createElement('small');
      formula.append(shown.formulaLabel, code);
    }
    formula.className = 'panel-formula';
    formula.dataset.formula = '';
    definition.replaceChildren(words, formula);
    definition.hidden = false;
  }
  if (!view) {
    setPanelState(root, 'empty', t('state.empty'));
    return;
  }
  const missing = failures.map(([source, o]) => {
    const name = ctx.metricTitle(source) ?? source;
    return o.error.kind === 'unavailable'
      ? t('state.unavailable', { metric: name })
      : t('state.error', { message: `${name}: ${o.error.message}` });
  });
  setPanelState(root, 'ready', missing.join(' '));
  drawView(root, view);
}

/** Puts a view into the panel's slots: summary line, chart, data table, free content. */
function drawView(root: HTMLElement, view: PanelView): void {
  const summary = root.querySelector<HTMLElement>('[data-panel-summary]');
  if (summary) {
    summary.textContent = view.summary ?? '';
    summary.hidden = !view.summary;
  }
  const canvas = root.querySelector<HTMLCanvasElement>('canvas[data-chart]');
  if (canvas) {
    const box = canvas.parentElement as HTMLElement;
    if (view.chart) {
      box.hidden = false;
      box.style.height = `${view.chartHeight ?? 280}px`;
      // The canvas is an image named by the panel's heading; its numbers are in the table.
      canvas.setAttribute('aria-label', root.querySelector('h2, h3')?.textContent ?? root.dataset.panel ?? '');
      mountChart(canvas, view.chart);
    } else {
      unmountChart(canvas);
      box.hidden = true;
    }
  }
  const tableBox = root.querySelector<HTMLElement>('[data-panel-table]');
  if (tableBox) tableBox.replaceChildren(...(view.table ? [buildScrollTable(view.table)] : []));
  const custom = root.querySelector<HTMLElement>('[data-panel-custom]');
  if (custom && view.custom) view.custom(custom);
}

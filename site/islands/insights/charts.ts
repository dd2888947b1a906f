/**
 * Chart.js for the dashboards: only the controllers, elements and scales the charts use
 * are registered (the rest is tree-shaken away), colours come from CSS custom properties
 * (so dark mode is the page's own), and animation is off for visitors who ask for
 * reduced motion. The heatmap is a scatter chart of square points on two category axes.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
  type ScriptableContext,
  type TooltipItem,
} from 'chart.js';

Chart.register(
  LineController,
  BarController,
  ScatterController,
  LineElement,
  BarElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);

import { ellipsize, LABEL_WIDTH } from './labels.ts';

/** How many series colours styles define (`--chart-1` … `--chart-7`). */
const PALETTE_SIZE = 7;

export const prefersReducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/** The i-th series colour of the current colour scheme. */
export function seriesColor(i: number): string {
  return cssVar(`--chart-${(i % PALETTE_SIZE) + 1}`, '#2563eb');
}

/** Text, grid and font follow the page; read again for every chart so a scheme change applies. */
function applyTheme(): void {
  Chart.defaults.color = cssVar('--fg-muted', '#4a5363');
  Chart.defaults.borderColor = cssVar('--border', '#d5dae3');
  Chart.defaults.font.family = cssVar('--font', 'system-ui, sans-serif');
  Chart.defaults.font.size = 13;
}

/**
 * Ticks of a category axis: each label cut by display width with an ellipsis (labels.ts);
 * the data keep the whole text, so the tooltip's title shows it in full.
 */
export function categoryTicks(width = LABEL_WIDTH, tickText?: (index: number) => string) {
  return {
    callback(this: { getLabelForValue(value: number): string }, value: string | number, index: number) {
      return tickText ? tickText(index) : ellipsize(this.getLabelForValue(Number(value)), width);
    },
  };
}

export interface SeriesInput {
  label: string;
  data: Array<number | null>;
}

/** Formats axis ticks and tooltip values in the metric's unit. */
export type ValueFormat = (v: number | null) => string;

function tooltipLabel<T extends 'line' | 'bar'>(format: ValueFormat) {
  return (item: TooltipItem<T>) => {
    const parsed = item.parsed as { x: number | null; y: number | null };
    const value = item.chart.options.indexAxis === 'y' ? parsed.x : parsed.y;
    return `${(item.dataset as { label?: string }).label ?? ''}: ${format(value)}`;
  };
}

/** Lines over time (self-service score, deflection, link rate). Gaps stay gaps: null is not zero. */
export function lineChart(
  labels: string[],
  series: SeriesInput[],
  format: ValueFormat,
  options: { min?: number; max?: number } = {},
): ChartConfiguration<'line'> {
  return {
    type: 'line',
    data: {
      labels,
      datasets: series.map((s, i) => ({
        label: s.label,
        data: s.data,
        borderColor: seriesColor(i),
        backgroundColor: seriesColor(i),
        spanGaps: false,
        tension: 0.2,
        pointRadius: labels.length > 60 ? 0 : 2,
      })),
    },
    options: {
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { ticks: categoryTicks() },
        y: { min: options.min, max: options.max, ticks: { callback: (v) => format(Number(v)) } },
      },
      plugins: { tooltip: { callbacks: { label: tooltipLabel<'line'>(format) } } },
    },
  };
}

/** Bars: grouped, stacked (vote reasons, known vs new) or horizontal (rankings). */
export function barChart(
  labels: string[],
  series: SeriesInput[],
  format: ValueFormat,
  options: {
    stacked?: boolean;
    horizontal?: boolean;
    min?: number;
    max?: number;
    colors?: string[];
    labelWidth?: number;
    tickText?: (index: number) => string;
  } = {},
): ChartConfiguration<'bar'> {
  const valueAxis = {
    min: options.min,
    max: options.max,
    stacked: options.stacked,
    ticks: { callback: (v: string | number) => format(Number(v)) },
  };
  const labelAxis = {
    stacked: options.stacked,
    ticks: { autoSkip: !options.horizontal, ...categoryTicks(options.labelWidth, options.tickText) },
  };
  return {
    type: 'bar',
    data: {
      labels,
      datasets: series.map((s, i): ChartDataset<'bar'> => ({
        label: s.label,
        data: s.data,
        backgroundColor: options.colors ?? seriesColor(i),
        borderWidth: 0,
      })),
    },
    options: {
      maintainAspectRatio: false,
      indexAxis: options.horizontal ? 'y' : 'x',
      scales: options.horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
      plugins: { legend: { display: series.length > 1 }, tooltip: { callbacks: { label: tooltipLabel<'bar'>(format) } } },
    },
  };
}

/** One heatmap cell: a value 0–1 (null when there is no data), the number it shows and its tooltip text. */
export interface HeatCell {
  x: string;
  y: string;
  value: number | null;
  /** What the cell shows: "67%", or "—" when there is no data. */
  label: string;
  text: string;
}

/** A sequential scale in the accent colour: more coverage, stronger colour (0% is the palest, not blank). */
export function heatColor(value: number | null): string {
  if (value === null) return cssVar('--chart-none', 'rgba(128,128,128,0.25)');
  const alpha = 0.12 + 0.88 * Math.max(0, Math.min(1, value));
  return `rgba(${cssVar('--chart-heat-rgb', '37, 99, 235')}, ${alpha.toFixed(2)})`;
}

/** The legend's stops: the colour scale with its numbers. */
export const HEAT_STOPS = [0, 0.25, 0.5, 0.75, 1] as const;

/** Solid tiles for the heatmap's cells (hatched when there is no data), cached by size and colour. */
const tiles = new Map<string, HTMLCanvasElement>();
function tile(width: number, height: number, fill: string, stroke: string, hatched: boolean): HTMLCanvasElement {
  const w = Math.max(2, Math.floor(width));
  const h = Math.max(2, Math.floor(height));
  const key = `${w}|${h}|${fill}|${stroke}|${hatched}`;
  let canvas = tiles.get(key);
  if (!canvas) {
    canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const g = canvas.getContext('2d');
    if (g) {
      g.fillStyle = hatched ? 'transparent' : fill;
      g.fillRect(0, 0, w, h);
      if (hatched) {
        // No data: diagonal stripes, so it never reads as a pale 0%.
        g.strokeStyle = fill;
        g.lineWidth = 2;
        for (let x = -h; x < w; x += 8) {
          g.beginPath();
          g.moveTo(x, h);
          g.lineTo(x + h, 0);
          g.stroke();
        }
      }
      g.strokeStyle = stroke;
      g.lineWidth = 1;
      g.strokeRect(0.5, 0.5, w - 1, h - 1);
    }
    tiles.set(key, canvas);
  }
  return canvas;
}

/**
 * A topic × team heatmap: a scatter chart on two category axes whose points are tiles
 * filling their cell (Chart.js has no heatmap of its own, and a plugin would be one more
 * dependency). Each cell writes its number; a cell without data is hatched and writes "—".
 */
export function heatmapChart(xLabels: string[], yLabels: string[], cells: HeatCell[]): ChartConfiguration<'scatter', HeatCell[]> {
  const cellSize = (ctx: ScriptableContext<'line'>) => {
    const area = ctx.chart.chartArea;
    if (!area) return null;
    return { w: area.width / Math.max(1, xLabels.length) - 3, h: area.height / Math.max(1, yLabels.length) - 3 };
  };
  // The hit radius: half the smaller side, so the tooltip answers anywhere near the middle.
  const radius = (ctx: ScriptableContext<'line'>) => {
    const size = cellSize(ctx);
    return size ? Math.max(3, Math.min(size.w, size.h) / 2) : 8;
  };
  const border = cssVar('--border', '#d5dae3');
  const ink = cssVar('--fg', '#1f2937');
  const paper = cssVar('--bg', '#ffffff');
  return {
    type: 'scatter',
    data: {
      datasets: [
        {
          label: '',
          data: cells,
          pointStyle: (ctx: ScriptableContext<'line'>) => {
            const size = cellSize(ctx);
            const value = (ctx.raw as HeatCell | undefined)?.value ?? null;
            return size ? tile(size.w, size.h, heatColor(value), border, value === null) : 'rect';
          },
          pointRadius: radius,
          pointHoverRadius: radius,
          backgroundColor: (ctx) => heatColor((ctx.raw as HeatCell | undefined)?.value ?? null),
        },
      ],
    },
    options: {
      maintainAspectRatio: false,
      parsing: { xAxisKey: 'x', yAxisKey: 'y' },
      scales: {
        x: { type: 'category', labels: xLabels, offset: true, grid: { display: false }, ticks: categoryTicks(20) },
        y: { type: 'category', labels: yLabels, offset: true, grid: { display: false }, ticks: categoryTicks() },
      },
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => (item.raw as HeatCell).text } } },
    },
    plugins: [
      {
        id: 'heat-values',
        // Each cell's number on the cell: the page's background colour on the strong colours, its text colour on the pale ones.
        afterDatasetsDraw(chart) {
          const g = chart.ctx;
          g.save();
          g.textAlign = 'center';
          g.textBaseline = 'middle';
          g.font = `600 12px ${cssVar('--font', 'system-ui, sans-serif')}`;
          chart.getDatasetMeta(0).data.forEach((point, i) => {
            const cell = cells[i];
            if (!cell) return;
            g.fillStyle = cell.value !== null && cell.value >= 0.55 ? paper : ink;
            g.fillText(cell.label, point.x, point.y);
          });
          g.restore();
        },
      },
    ],
  };
}

/** Any chart the dashboards draw. */
export type DashboardChart = ChartConfiguration<'line'> | ChartConfiguration<'bar'> | ChartConfiguration<'scatter', HeatCell[]>;

/** Draws `config` on `canvas`, replacing the chart already there; themed, animated only when welcome. */
export function mountChart(canvas: HTMLCanvasElement, config: DashboardChart): Chart {
  Chart.getChart(canvas)?.destroy();
  applyTheme();
  const reduced = prefersReducedMotion();
  const options = { ...(config.options ?? {}), animation: reduced ? (false as const) : { duration: 250 }, responsive: true };
  const chart = new Chart(canvas, { ...config, options } as unknown as ChartConfiguration);
  // The category labels as drawn (cut by display width), for a reader of the page's DOM: the canvas holds only pixels.
  const drawn = Object.values(chart.scales)
    .filter((scale) => scale.type === 'category')
    .flatMap((scale) => scale.ticks.map((tick) => String(tick.label ?? '')));
  canvas.dataset.axisLabels = JSON.stringify(drawn);
  return chart;
}

/** Removes the chart on `canvas`, if any. */
export function unmountChart(canvas: HTMLCanvasElement): void {
  Chart.getChart(canvas)?.destroy();
}

import { describe, expect, it } from 'vitest';
import { summarize, type CorpusInfo } from '../../scripts/lib/bench/report.ts';
import type { BaselineRun, BuildFigures, OursRun } from '../../scripts/lib/bench/steps.ts';

const figures = (seconds: number, cpuSeconds: number | null, peakTreeRssMb = 100): BuildFigures => ({
  seconds,
  peakTreeRssMb,
  peakByProcess: {},
  gnuTimeMaxRssMb: null,
  cpuSeconds,
  phases: {},
  routes: [],
});
const baseline = (astroSeconds: number, cpuSeconds: number | null): BaselineRun => ({
  astro: figures(astroSeconds, cpuSeconds),
  pagefind: figures(2, cpuSeconds === null ? null : 1),
  pages: 10,
  pagefindPages: 10,
  indexBytes: 1000,
  outDir: '/tmp/baseline',
});
const ours = (seconds: number): OursRun => ({
  build: figures(seconds, 20, 110),
  pagefindSeconds: 2,
  suggestSeconds: 1,
  pages: 10,
  pagefindPages: 10,
  indexBytes: 1200,
  outDir: '/tmp/ours',
});
const corpus: CorpusInfo = { source: 'demo', generated: false, articles: 10, perLang: { en: 10 }, seed: null };
const machine = { cpus: 2, loadStart: 0, loadEnd: 0 };
const query = { unavailable: 'not measured' };

describe('bench:build summary', () => {
  it('takes the median over the runs of each figure', () => {
    // Totals (astro + 2 s of Pagefind): 12, 16, 10 → median 12.
    const s = summarize(corpus, machine, [baseline(10, 5), baseline(14, 5), baseline(8, 5)], [], query);
    expect(s.baseline.totalSeconds).toBe(12);
  });

  it('leaves out the runs that did not measure a figure', () => {
    // CPU seconds (astro + 1 s of Pagefind): 6, unknown, 10 → median of 6 and 10 = 8.
    const s = summarize(corpus, machine, [baseline(10, 5), baseline(10, null), baseline(10, 9)], [], query);
    expect(s.baseline.cpuSeconds).toBe(8);
  });

  it('divides ours by the baseline, site and index only', () => {
    // Baseline 10 + 2 = 12 s; ours 16 s of which 1 s is the suggestion index → 15 ÷ 12 = 1.25.
    const s = summarize(corpus, machine, [baseline(10, 5)], [ours(16)], query);
    expect(s.ratios.time).toBe(1.25);
    expect(s.ratios.timeOk).toBe(true);
  });

  it('has no ratios without a run of ours', () => {
    const s = summarize(corpus, machine, [baseline(10, 5)], [], query);
    expect(s.ratios.time).toBeNull();
    expect(s.ratios.timeOk).toBeNull();
  });
});

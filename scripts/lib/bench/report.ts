/**
 * Turns the runs into the report's figures: medians over runs and the ours/baseline
 * ratios against their targets. table.ts prints them; --json emits them as they are.
 */
import { PHASES, type Phase, type RouteTime } from './astro-log.ts';
import type { QueryBytes } from './query-bytes.ts';
import type { BaselineRun, BuildFigures, OursRun } from './steps.ts';
import { median, ratio } from '../../../core/stats.ts';

/** Our build may take at most this multiple of the baseline's time (Astro + Pagefind). */
export const TIME_RATIO_TARGET = 1.3;
/** Our build's peak memory may be at most this multiple of the baseline's. */
export const MEMORY_RATIO_TARGET = 1.2;

/** What was measured, for the heading and the JSON. */
export interface CorpusInfo {
  source: string;
  generated: boolean;
  articles: number;
  perLang: Record<string, number>;
  seed: number | null;
}

/** How busy the machine was: other builds running at the same time skew every figure. */
export interface MachineInfo {
  cpus: number;
  /** 1-minute load average when the benchmark started and when it ended. */
  loadStart: number;
  loadEnd: number;
}

/** The query measurement, or why there is none. */
export type QueryResult = ({ word: string; lang: string } & QueryBytes) | { unavailable: string };

/** Medians of every figure, as printed and as emitted with --json. */
export interface BenchSummary {
  corpus: CorpusInfo;
  machine: MachineInfo;
  runs: number;
  baseline: {
    astroSeconds: number | null;
    pagefindSeconds: number | null;
    totalSeconds: number | null;
    /** User + system CPU seconds of both steps (GNU time); robust to a busy machine. */
    cpuSeconds: number | null;
    phases: Partial<Record<Phase, number | null>>;
    /** The higher of the two steps' process-tree peaks: they run one after the other. */
    peakRssMb: number | null;
    astroPeakRssMb: number | null;
    pagefindPeakRssMb: number | null;
    gnuTimeMaxRssMb: number | null;
    indexBytes: number | null;
    pages: number | null;
    pagefindPages: number | null;
  };
  /** Who held the memory at each build's peak (MB per process name), from the median run. */
  /** Render time per route, slowest first, from the median run: where per-page cost goes. */
  routes: { baseline: RouteTime[]; ours: RouteTime[] | null };
  peakByProcess: { baselineAstro: Record<string, number>; baselinePagefind: Record<string, number>; ours: Record<string, number> | null };
  ours: {
    totalSeconds: number | null;
    pagefindSeconds: number | null;
    cpuSeconds: number | null;
    /** The API's suggestion index, built after Pagefind; the baseline has nothing like it. */
    suggestSeconds: number | null;
    /** Site + Pagefind: the total without the suggestion index, what the baseline also does. */
    siteSeconds: number | null;
    phases: Partial<Record<Phase, number | null>>;
    peakRssMb: number | null;
    gnuTimeMaxRssMb: number | null;
    indexBytes: number | null;
    pages: number | null;
    pagefindPages: number | null;
  } | null;
  ratios: {
    time: number | null;
    cpu: number | null;
    memory: number | null;
    timeTarget: number;
    memoryTarget: number;
    timeOk: boolean | null;
    memoryOk: boolean | null;
  };
  query: QueryResult;
}

const maxOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));

/** The item whose value is the (lower) median, to report a breakdown that belongs to one run. */
function atMedian<T>(items: T[], value: (item: T) => number): T | undefined {
  const sorted = [...items].sort((a, b) => value(a) - value(b));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Medians over runs and the ratios computed from them. */
export function summarize(
  corpus: CorpusInfo,
  machine: MachineInfo,
  baseline: BaselineRun[],
  ours: OursRun[],
  query: QueryResult,
): BenchSummary {
  // The median of the runs that measured the figure; null when none did.
  const med = <T>(runs: T[], pick: (run: T) => number | null): number | null => median(runs.map(pick).filter((v) => v !== null));
  const phases = <T>(runs: T[], pick: (run: T) => BuildFigures): Partial<Record<Phase, number | null>> =>
    Object.fromEntries(
      PHASES.filter((p) => runs.some((r) => pick(r).phases[p] !== undefined)).map((p) => [p, med(runs, (r) => pick(r).phases[p] ?? null)]),
    );
  const b = {
    astroSeconds: med(baseline, (r) => r.astro.seconds),
    pagefindSeconds: med(baseline, (r) => r.pagefind.seconds),
    totalSeconds: med(baseline, (r) => r.astro.seconds + r.pagefind.seconds),
    cpuSeconds: med(baseline, (r) =>
      r.astro.cpuSeconds === null || r.pagefind.cpuSeconds === null ? null : r.astro.cpuSeconds + r.pagefind.cpuSeconds,
    ),
    phases: phases(baseline, (r) => r.astro),
    peakRssMb: med(baseline, (r) => Math.max(r.astro.peakTreeRssMb, r.pagefind.peakTreeRssMb)),
    astroPeakRssMb: med(baseline, (r) => r.astro.peakTreeRssMb),
    pagefindPeakRssMb: med(baseline, (r) => r.pagefind.peakTreeRssMb),
    gnuTimeMaxRssMb: med(baseline, (r) => maxOf(r.astro.gnuTimeMaxRssMb, r.pagefind.gnuTimeMaxRssMb)),
    indexBytes: med(baseline, (r) => r.indexBytes),
    pages: med(baseline, (r) => r.pages),
    pagefindPages: med(baseline, (r) => r.pagefindPages),
  };
  const o = ours.length
    ? {
        totalSeconds: med(ours, (r) => r.build.seconds),
        pagefindSeconds: med(ours, (r) => r.pagefindSeconds),
        suggestSeconds: med(ours, (r) => r.suggestSeconds),
        siteSeconds: med(ours, (r) => (r.build.seconds == null ? null : r.build.seconds - (r.suggestSeconds ?? 0))),
        cpuSeconds: med(ours, (r) => r.build.cpuSeconds),
        phases: phases(ours, (r) => r.build),
        peakRssMb: med(ours, (r) => r.build.peakTreeRssMb),
        gnuTimeMaxRssMb: med(ours, (r) => r.build.gnuTimeMaxRssMb),
        indexBytes: med(ours, (r) => r.indexBytes),
        pages: med(ours, (r) => r.pages),
        pagefindPages: med(ours, (r) => r.pagefindPages),
      }
    : null;
  // The target compares like with like: site + Pagefind index on both sides.
  const time = ratio(o?.siteSeconds, b.totalSeconds);
  const memory = ratio(o?.peakRssMb, b.peakRssMb);
  return {
    corpus,
    machine,
    runs: baseline.length,
    baseline: b,
    ours: o,
    routes: {
      baseline: atMedian(baseline, (r) => r.astro.seconds)?.astro.routes ?? [],
      ours: atMedian(ours, (r) => r.build.seconds)?.build.routes ?? null,
    },
    peakByProcess: {
      baselineAstro: atMedian(baseline, (r) => r.astro.peakTreeRssMb)?.astro.peakByProcess ?? {},
      baselinePagefind: atMedian(baseline, (r) => r.pagefind.peakTreeRssMb)?.pagefind.peakByProcess ?? {},
      ours: atMedian(ours, (r) => r.build.peakTreeRssMb)?.build.peakByProcess ?? null,
    },
    ratios: {
      time,
      cpu: ratio(o?.cpuSeconds, b.cpuSeconds),
      memory,
      timeTarget: TIME_RATIO_TARGET,
      memoryTarget: MEMORY_RATIO_TARGET,
      timeOk: time === null ? null : time <= TIME_RATIO_TARGET,
      memoryOk: memory === null ? null : memory <= MEMORY_RATIO_TARGET,
    },
    query,
  };
}

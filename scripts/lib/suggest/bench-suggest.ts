/**
 * Benchmarks /api/suggest the way it runs in production: builds the index of N articles,
 * starts the real API server (api/server.ts --api-only) over it in its own process, sends
 * queries one after another over HTTP and reads the server's memory from /proc.
 * Budget (the task's): p99 ≤ 15 ms per query and ≤ 500 MB RSS at 5,000 articles.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSuggestIndex } from '../../../api/suggest/build.ts';
import { SUGGEST_INDEX_PATH } from '../../../api/suggest/search.ts';
import { percentileOfSorted } from '../../../core/stats.ts';
import { startApiProcess, type ApiProcess } from '../api-process.ts';
import { benchDocs, benchQueries, writeBenchManifest } from './bench-corpus.ts';

/** Options of {@link benchSuggest}. */
export interface BenchSuggestOptions {
  /** Articles to index (default 5,000). */
  articles?: number;
  /** Queries to time (default 2,000), after 200 unmeasured warm-up queries. */
  queries?: number;
  /** A content folder to copy articles from; synthetic articles when absent. */
  source?: string;
  /** Scratch folder (default a new one in the OS temp folder, removed afterwards). */
  workDir?: string;
  seed?: number;
  /** Progress lines; silent by default. */
  log?: (line: string) => void;
}

/** The p-th percentile (0–100) of ascending times, as every other figure here interpolates it; 0 with no times. */
const percentile = (sorted: number[], p: number) => percentileOfSorted(sorted, p / 100) ?? 0;

/** Resident and peak resident memory of a process, in MB (Linux /proc). */
function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/**
 * Runs the benchmark. Returns figures named with their unit: articles, indexBuildMs,
 * indexBytes, queries, p50Ms, p95Ms, p99Ms, maxMs, rssMb, peakRssMb, emptyResults.
 */
export async function benchSuggest(options: BenchSuggestOptions = {}): Promise<Record<string, number>> {
  const { articles = 5000, queries: queryCount = 2000, seed = 42, log = () => {} } = options;
  const workDir = options.workDir ?? join(tmpdir(), `kb-bench-suggest-${process.pid}`);
  const distDir = join(workDir, 'dist');
  mkdirSync(workDir, { recursive: true });
  let api: ApiProcess | undefined;
  try {
    log(`Preparing ${articles} articles (${options.source ? `copies of ${options.source}` : 'synthetic'})…`);
    const docs = benchDocs(articles, workDir, seed, options.source);
    const started = performance.now();
    const json = JSON.stringify(buildSuggestIndex(docs));
    const indexBuildMs = performance.now() - started;
    const indexFile = join(distDir, SUGGEST_INDEX_PATH);
    mkdirSync(dirname(indexFile), { recursive: true });
    writeFileSync(indexFile, json);
    writeBenchManifest(distDir, docs);
    log(`Index built in ${(indexBuildMs / 1000).toFixed(1)} s: ${(json.length / 1e6).toFixed(1)} MB of JSON`);

    api = await startApiProcess({ apiOnly: true, env: { KB_DIST_DIR: distDir, KB_DB: join(workDir, 'bench.sqlite') } });
    const base = `${api.origin}/api/suggest`;
    const queries = benchQueries(docs, queryCount + 200, seed);
    const times: number[] = [];
    let emptyResults = 0;
    for (const [i, { q, lang }] of queries.entries()) {
      const t0 = performance.now();
      const response = await fetch(`${base}?${new URLSearchParams({ q, lang, limit: '5' })}`);
      const body = (await response.json()) as { results?: unknown[] };
      const ms = performance.now() - t0;
      if (!response.ok) throw new Error(`HTTP ${response.status} for q=${q}: ${JSON.stringify(body).slice(0, 200)}`);
      if (i < 200) continue;
      times.push(ms);
      if (!body.results?.length) emptyResults++;
      if (times.length % 500 === 0) log(`  ${times.length}/${queryCount} queries`);
    }
    const memory = memoryMb(api.child.pid!);
    times.sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      articles: docs.length,
      indexBuildMs: Math.round(indexBuildMs),
      indexBytes: json.length,
      queries: times.length,
      p50Ms: round(percentile(times, 50)),
      p95Ms: round(percentile(times, 95)),
      p99Ms: round(percentile(times, 99)),
      maxMs: round(times.at(-1) ?? 0),
      rssMb: Math.round(memory.rss),
      peakRssMb: Math.round(memory.peak),
      emptyResults,
    };
  } finally {
    await api?.stop();
    if (!options.workDir) rmSync(workDir, { recursive: true, force: true });
  }
}

/** The budget {@link benchSuggest} is held to at 5,000 articles. */
export const SUGGEST_BUDGET = { p99Ms: 15, rssMb: 500 } as const;

/** Whether a result stays within {@link SUGGEST_BUDGET} (peak RSS counts, not just the last reading). */
export const withinSuggestBudget = (r: Record<string, number>) =>
  (r.p99Ms ?? Infinity) <= SUGGEST_BUDGET.p99Ms && (r.peakRssMb ?? Infinity) <= SUGGEST_BUDGET.rssMb;

/** A result as label/value rows, for bench:tickets' table. */
export function suggestRows(r: Record<string, number>): string[][] {
  return [
    ['articles indexed', String(r.articles)],
    ['index build', `${((r.indexBuildMs ?? 0) / 1000).toFixed(1)} s`],
    ['index JSON', `${((r.indexBytes ?? 0) / 1e6).toFixed(1)} MB`],
    ['queries timed', `${r.queries} (${r.emptyResults} without results)`],
    ['latency p50 / p95 / p99 / max', `${r.p50Ms} / ${r.p95Ms} / ${r.p99Ms} / ${r.maxMs} ms (budget p99 ≤ ${SUGGEST_BUDGET.p99Ms} ms)`],
    ['API RSS / peak', `${r.rssMb} / ${r.peakRssMb} MB (budget ≤ ${SUGGEST_BUDGET.rssMb} MB)`],
  ];
}

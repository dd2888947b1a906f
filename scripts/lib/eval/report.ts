/**
 * Turns evaluation outcomes into what people read: a table per language, the misses
 * with what came back instead, a JSON document for tools, and a one-line summary.
 */
import { median } from '../../../core/stats.ts';
import { summarizeByLang, type QualitySummary } from './metrics.ts';
import type { QueryOutcome } from './run.ts';

/** What was measured, for the report header and the JSON document. */
export interface RunInfo {
  engine: string;
  target: string;
  queryFiles: string[];
  k: number;
}

/** A query is a miss when no expected id is among the first k results. */
export const isMiss = (outcome: QueryOutcome, k: number) =>
  outcome.expected.length === 0 ? outcome.returned.length > 0 : outcome.rank === null || outcome.rank > k;

const fixed = (n: number) => n.toFixed(3);

/** The figures per language and overall as an aligned text table. */
export function formatTable(summaries: Map<string, QualitySummary>, k: number): string {
  const header = ['lang', 'queries', 'recall@1', `recall@${k}`, 'MRR', 'unanswerable', 'empty'];
  const rows = [...summaries].map(([lang, s]) => [
    lang,
    String(s.queries),
    fixed(s.recallAt1),
    fixed(s.recallAtK),
    fixed(s.mrr),
    String(s.unanswerable),
    s.unanswerable ? fixed(s.emptyOnUnanswerable) : '–',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

/** Every miss with its expected ids and the first results returned instead. */
export function formatMisses(outcomes: readonly QueryOutcome[], k: number, shown = 10): string {
  const misses = outcomes.filter((o) => isMiss(o, k));
  if (misses.length === 0) return `No misses within the first ${k} results.`;
  const blocks = misses.map((o) => {
    const found = o.expected.length === 0 ? 'unanswerable, yet answered' : o.rank === null ? 'not returned' : `found at rank ${o.rank}`;
    const returned = o.returned.length
      ? o.returned
          .slice(0, shown)
          .map((id, i) => `      ${i + 1}. ${id}`)
          .join('\n')
      : '      (no results)';
    return [
      `  [${o.lang}] ${o.text}   (${o.source})`,
      `    expected: ${o.expected.join(', ') || 'nothing'} — ${found}${o.failure ? ` — FAILED: ${o.failure}` : ''}`,
      `    returned (${o.returned.length}):`,
      returned,
    ].join('\n');
  });
  return [`Misses (no expected article in the first ${k}, or an answer to an unanswerable question): ${misses.length}`, ...blocks].join(
    '\n',
  );
}

/** The failures (timeouts, bad answers) that were counted as no results. */
export function formatFailures(outcomes: readonly QueryOutcome[]): string {
  const failed = outcomes.filter((o) => o.failure);
  if (failed.length === 0) return '';
  return [`Failed queries, counted as no results: ${failed.length}`, ...failed.map((o) => `  ${o.source}: ${o.failure}`)].join('\n');
}

/** The whole report as a JSON-ready object; per-query outcomes only when `verbose`. */
export function toJsonReport(info: RunInfo, outcomes: readonly QueryOutcome[], verbose: boolean) {
  const summaries = Object.fromEntries(summarizeByLang(outcomes, info.k));
  const failures = outcomes.filter((o) => o.failure).map((o) => ({ source: o.source, text: o.text, failure: o.failure }));
  return {
    ...info,
    summary: summaries,
    medianMs: medianMs(outcomes),
    failures,
    ...(verbose
      ? {
          outcomes: outcomes.map(({ lang, text, source, expected, returned, rank, ms }) => ({
            lang,
            text,
            source,
            expected,
            returned,
            rank,
            ms,
          })),
        }
      : {}),
  };
}

/** The median time one query took, in whole ms (0 for no queries: the report's field stays a number). */
export function medianMs(outcomes: readonly QueryOutcome[]): number {
  return Math.round(median(outcomes.map((o) => o.ms)) ?? 0);
}

/** One line for the end of the run. */
export function summaryLine(info: RunInfo, outcomes: readonly QueryOutcome[]): string {
  const all = summarizeByLang(outcomes, info.k).get('all')!;
  const failed = outcomes.filter((o) => o.failure).length;
  return (
    `eval-search ${info.engine}: ${all.queries} queries, recall@1 ${fixed(all.recallAt1)}, ` +
    `recall@${info.k} ${fixed(all.recallAtK)}, MRR ${fixed(all.mrr)}` +
    (all.unanswerable ? `, ${all.unanswerable} unanswerable, ${fixed(all.emptyOnUnanswerable)} answered with nothing` : '') +
    `, median ${medianMs(outcomes)} ms/query` +
    (failed ? `, ${failed} failed (counted as no results)` : '')
  );
}

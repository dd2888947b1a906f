/**
 * Runs every query through one engine, in order, and keeps what came back next to
 * what was expected. Queries run one at a time: the browser engine reuses one page.
 */
import { firstHitRank, type JudgedQuery } from './metrics.ts';
import type { EvalQuery } from './queries.ts';
import { QueryFailedError, type SearchEngine } from './engines/types.ts';

/** One query's result, ready for the metrics and the report. */
export interface QueryOutcome extends JudgedQuery {
  text: string;
  /** `file:line` of the query. */
  source: string;
  /** 1-based rank of the first expected id, null when it was not returned. */
  rank: number | null;
  /** How long the engine took, in ms (for the browser engine: page load to results shown). */
  ms: number;
  /** Why the engine could not answer (counted as no results), if it could not. */
  failure?: string;
}

/** Called after each query with how many are done. */
export type ProgressListener = (done: number, total: number, outcome: QueryOutcome) => void;

/** Asks `engine` every query; a {@link QueryFailedError} counts as no results, any other error ends the run. */
export async function runQueries(
  engine: SearchEngine,
  queries: readonly EvalQuery[],
  onProgress?: ProgressListener,
): Promise<QueryOutcome[]> {
  const outcomes: QueryOutcome[] = [];
  for (const query of queries) {
    let returned: string[] = [];
    let failure: string | undefined;
    const started = performance.now();
    try {
      returned = await engine.search({ lang: query.lang, text: query.text });
    } catch (error) {
      if (!(error instanceof QueryFailedError)) throw error;
      failure = error.message;
    }
    const outcome: QueryOutcome = {
      lang: query.lang,
      text: query.text,
      source: query.source,
      expected: query.expected,
      returned,
      rank: firstHitRank(query.expected, returned),
      ms: Math.round(performance.now() - started),
      ...(failure === undefined ? {} : { failure }),
    };
    outcomes.push(outcome);
    onProgress?.(outcomes.length, queries.length, outcome);
  }
  return outcomes;
}

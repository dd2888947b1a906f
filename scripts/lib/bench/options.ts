/**
 * Command-line options of `npm run bench:build`, checked at the edge: every number is
 * range-checked and every mistake is reported by option name.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, wholeNumberFlag } from '../cli/usage.ts';

/** The benchmark's settings after parsing. */
export interface BenchOptions {
  /** Generated articles (ignored with `corpus`). */
  articles: number;
  /** An existing content folder to measure instead of generated articles. */
  corpus: string | null;
  seed: number;
  runs: number;
  json: boolean;
  keep: boolean;
  /** Measure only the baseline (while the site's build is unavailable). */
  baselineOnly: boolean;
  /** Word searched for in the query-bytes step; null = chosen from the corpus. */
  query: string | null;
  queryLang: string;
  /** Each step (build, indexing, browser) is stopped after this many seconds. */
  timeoutSeconds: number;
  help: boolean;
}

/** The `--help` text. */
export const USAGE = `Usage: npm run bench:build -- [options]

Builds the same articles twice, as a bare Astro project plus Pagefind (the baseline) and
as our site, and prints build seconds, peak memory, Pagefind index size, pages and the
bytes a browser downloads for one search.

Options:
  --articles <n>     generate n synthetic articles, half zh-CN, half en (default 1000)
  --corpus <dir>     measure an existing content folder (topics.yaml + articles/<lang>/)
  --seed <n>         seed of the generated articles (default 1)
  --runs <n>         repeat the builds n times and report medians (default 1)
  --query <word>     word to search for (default: "password" for generated articles,
                     the commonest title word of the corpus otherwise)
  --query-lang <l>   language of the search page to open (default en)
  --timeout <s>      stop any single step after s seconds (default 1800)
  --baseline-only    measure only the baseline (when the site does not build yet)
  --json             also print the figures as JSON
  --keep             keep the work folders in .bench/ for inspection
  --help             show this help
`;

/** Parses argv (without node and the script). Throws UsageError naming the option at fault. */
export function parseBenchOptions(argv: string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        articles: { type: 'string' },
        corpus: { type: 'string' },
        seed: { type: 'string' },
        runs: { type: 'string' },
        query: { type: 'string' },
        'query-lang': { type: 'string' },
        timeout: { type: 'string' },
        'baseline-only': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.articles !== undefined && values.corpus !== undefined) throw new UsageError('use either --articles or --corpus, not both');
  const corpus = values.corpus === undefined ? null : resolve(values.corpus);
  if (corpus && !existsSync(resolve(corpus, 'articles'))) throw new UsageError(`--corpus: ${corpus} has no articles/ folder`);
  const query = values.query?.trim() ?? null;
  if (query !== null && (query.length === 0 || query.length > 100)) throw new UsageError('--query must be 1 to 100 characters');
  const queryLang = values['query-lang'] ?? 'en';
  if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$/.test(queryLang))
    throw new UsageError(`--query-lang must be a language tag such as en or zh-CN (got "${queryLang}")`);
  return {
    articles: wholeNumberFlag('articles', values.articles, 1000, 2, 100_000),
    corpus,
    seed: wholeNumberFlag('seed', values.seed, 1, 0, 2 ** 31 - 1),
    runs: wholeNumberFlag('runs', values.runs, 1, 1, 25),
    json: values.json,
    keep: values.keep,
    baselineOnly: values['baseline-only'],
    query,
    queryLang,
    timeoutSeconds: wholeNumberFlag('timeout', values.timeout, 1800, 10, 24 * 3600),
    help: values.help,
  };
}

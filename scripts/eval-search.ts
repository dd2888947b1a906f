/**
 * `npm run eval:search`: runs judged queries through a search engine and prints
 * recall@1, recall@k and MRR per language. See `--help` and tests/fixtures/search/README.md.
 */
import { HELP, parseCliOptions, type CliOptions } from './lib/eval/cli-options.ts';
import { createPagefindEngine } from './lib/eval/engines/pagefind.ts';
import { createSuggestEngine } from './lib/eval/engines/suggest.ts';
import type { SearchEngine } from './lib/eval/engines/types.ts';
import { summarizeByLang } from './lib/eval/metrics.ts';
import { readQueryFile, type EvalQuery } from './lib/eval/queries.ts';
import { formatFailures, formatMisses, formatTable, summaryLine, toJsonReport, type RunInfo } from './lib/eval/report.ts';
import { runQueries } from './lib/eval/run.ts';

async function openEngine(options: CliOptions): Promise<SearchEngine> {
  const timeoutMs = options.timeout * 1000;
  if (options.engine === 'suggest') return createSuggestEngine({ api: options.api!, limit: Math.max(options.k, 10), timeoutMs });
  return createPagefindEngine({ site: options.site!, timeoutMs, chromiumPath: options.chromium });
}

async function main(argv: string[]): Promise<number> {
  const options = parseCliOptions(argv);
  if (options === 'help') {
    console.log(HELP);
    return 0;
  }
  // Read every file before starting a browser: a bad line stops the run at once.
  const queries: EvalQuery[] = [];
  for (const file of options.queries) queries.push(...(await readQueryFile(file)));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`Loaded ${queries.length} queries from ${options.queries.length} file(s).`);

  const engine = await openEngine(options);
  const info: RunInfo = { engine: engine.name, target: engine.target, queryFiles: options.queries, k: options.k };
  log(`Measuring ${engine.name} at ${engine.target}`);
  const started = Date.now();
  let outcomes;
  try {
    outcomes = await runQueries(engine, queries, (done, total, outcome) => {
      if (outcome.failure) log(`  ${outcome.source}: ${outcome.failure}`);
      if (done % 20 === 0 || done === total) log(`  ${done}/${total} queries (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    });
  } finally {
    await engine.close();
  }

  if (options.json) {
    console.log(JSON.stringify(toJsonReport(info, outcomes, options.verbose), null, 2));
  } else {
    console.log(`\n${engine.name} — ${engine.target}\n`);
    console.log(formatTable(summarizeByLang(outcomes, options.k), options.k));
    const failures = formatFailures(outcomes);
    if (failures) console.log(`\n${failures}`);
    if (options.verbose) console.log(`\n${formatMisses(outcomes, options.k)}`);
  }
  log(summaryLine(info, outcomes));
  // Nothing was measured if every search failed: say so through the exit code.
  return outcomes.every((o) => o.failure) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`eval-search: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);

/**
 * `npm run bench:search`: search over 5,000 generated articles (issue 15). Builds them into a
 * site, serves it with the API (`npm start`'s server), then in Chromium times the search
 * page from the last keystroke to the first rendered results (p50/p95) with the bytes each
 * query downloads, and `/api/suggest`'s latency (p50/p99) in the same run. The default is
 * short (6 queries, 300 suggest requests): the machine is shared. The work is in
 * scripts/lib/bench-search/ and scripts/lib/bench/.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median, percentile } from '../core/stats.ts';
import { startApiProcess } from './lib/api-process.ts';
import { generateCorpus } from './lib/bench/generate.ts';
import { runOurs } from './lib/bench/steps.ts';
import { measureTyping, type TypingResult } from './lib/bench-search/typing.ts';
import { suggestLatencies } from './lib/bench-search/suggest-latency.ts';
import { BROWSER_UA, launchChromium } from './lib/chromium.ts';
import { UsageError, wholeNumberFlag } from './lib/cli/usage.ts';

const USAGE = `Usage: npm run bench:search -- [--articles 5000] [--queries 6] [--suggest-requests 300] [--keep]
  --articles          generated articles (both languages), default 5000
  --queries           search-page queries typed in Chromium, default 6 (half per language)
  --suggest-requests  GET /api/suggest requests timed, default 300
  --keep              keep .bench-search/ (the content and the build) for a rerun`;

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORK_DIR = join(REPO_ROOT, '.bench-search');

/** Questions from the generated articles' titles: what a visitor who wants that article might type. */
function queriesFrom(contentDir: string, perLang: number): Array<{ lang: string; text: string }> {
  const out: Array<{ lang: string; text: string }> = [];
  for (const lang of ['zh-CN', 'en']) {
    const dir = join(contentDir, 'articles', lang);
    const files = readdirSync(dir).sort();
    const step = Math.max(1, Math.floor(files.length / perLang));
    for (let i = 0; i < files.length && out.filter((q) => q.lang === lang).length < perLang; i += step) {
      const title = /^title: (.*)$/m.exec(readFileSync(join(dir, files[i]!), 'utf8'))?.[1]?.replace(/^['"]|['"]$/g, '');
      if (title) out.push({ lang, text: title.slice(0, 40) });
    }
  }
  return out;
}

const round = (n: number | null, digits = 1) => (n === null ? 'n/a' : n.toFixed(digits));

async function main() {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string' },
      queries: { type: 'string' },
      'suggest-requests': { type: 'string' },
      keep: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(USAGE);
  const articles = wholeNumberFlag('articles', values.articles, 5000, 10, 20000);
  const queryCount = wholeNumberFlag('queries', values.queries, 6, 2, 200);
  const suggestRequests = wholeNumberFlag('suggest-requests', values['suggest-requests'], 300, 10, 100000);
  const log = (line: string) => console.error(line);
  const contentDir = join(WORK_DIR, 'content');
  mkdirSync(WORK_DIR, { recursive: true });
  log(`Generating ${articles} articles…`);
  generateCorpus(contentDir, articles, 42);
  log('Building the site…');
  const ours = await runOurs({
    repoRoot: REPO_ROOT,
    contentDir,
    workDir: WORK_DIR,
    label: 'search',
    withMdx: false,
    timeoutSeconds: 1800,
    log,
  });
  log(`Built ${ours.pages} pages in ${ours.build.seconds.toFixed(0)} s`);
  const queries = queriesFrom(contentDir, Math.ceil(queryCount / 2)).slice(0, queryCount);
  const server = await startApiProcess({
    env: { KB_DIST_DIR: ours.outDir, KB_CONTENT_DIR: contentDir, KB_DB: join(WORK_DIR, 'bench.sqlite') },
    timeoutMs: 120_000,
  });
  const browser = await launchChromium({ userAgent: BROWSER_UA, timeoutMs: 60_000 });
  try {
    const typed: TypingResult[] = [];
    for (const q of queries) {
      const r = await measureTyping(browser, server.origin, q.lang, q.text, 30_000);
      log(
        `  ${q.lang} "${q.text}": ${r.ms.toFixed(0)} ms (${r.issuedMs.toFixed(0)} ms after the debounce), ${(r.bytes / 1024).toFixed(0)} KB in ${r.requests} requests (${(r.preloadBytes / 1024).toFixed(0)} KB preloaded), ${r.results} results`,
      );
      typed.push(r);
    }
    const loadBefore = loadavg()[0]!;
    const times = await suggestLatencies(server.origin, queries, suggestRequests, ours.outDir);
    const ms = typed.map((r) => r.ms);
    const issued = typed.map((r) => r.issuedMs);
    const kb = typed.map((r) => r.bytes / 1024);
    const preload = typed.map((r) => r.preloadBytes / 1024);
    const row = (label: string, values: number[], digits = 1) =>
      console.log(
        `| ${label} | ${round(median(values), digits)} | ${round(percentile(values, 0.95), digits)} | ${round(percentile(values, 0.99), digits)} | ${values.length} |`,
      );
    console.log(
      `bench:search — ${articles} articles, ${ours.pages} pages; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log('| figure | p50 | p95 | p99 | n |');
    console.log('|---|---|---|---|---|');
    row('search page: last keystroke → first rendered results (ms, 100 ms debounce included)', ms, 0);
    row('search page: search issued (after the debounce) → first rendered results (ms)', issued, 0);
    row('search page: KB downloaded per query (after the idle preload)', kb, 0);
    row('search page: KB preloaded once per visit before the first key (Pagefind)', preload, 0);
    row('GET /api/suggest over HTTP (ms)', times.suggest);
    row('same run, same route, no index work ("how do i") (ms)', times.baseline);
    row('SuggestIndex#search in process, no HTTP (ms)', times.inProcess, 2);
    console.log(`load average before the suggest run ${loadBefore.toFixed(1)}`);
  } finally {
    await browser.close();
    await server.stop();
    if (!values.keep) rmSync(WORK_DIR, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : error);
  process.exitCode = 1;
});

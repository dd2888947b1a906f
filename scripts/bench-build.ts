/**
 * `npm run bench:build -- --articles 1000`: how much our build costs over a bare Astro +
 * Pagefind build of the same articles, in time, memory, index size and search bytes.
 * Run with --help for the options; the work happens in scripts/lib/bench/.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasMdxArticles, pickQueryWord } from './lib/bench/disk.ts';
import { generateCorpus, validateCorpus } from './lib/bench/generate.ts';
import { stopRunning } from './lib/bench/measure.ts';
import { parseBenchOptions, USAGE, type BenchOptions } from './lib/bench/options.ts';
import { UsageError } from './lib/cli/usage.ts';
import { hasChromium, measureQueryBytes } from './lib/bench/query-bytes.ts';
import { CHROMIUM_PATH } from './lib/chromium.ts';
import { summarize, type CorpusInfo, type QueryResult } from './lib/bench/report.ts';
import { formatTable } from './lib/bench/table.ts';
import { runBaseline, runOurs, type BaselineRun, type OursRun, type StepContext } from './lib/bench/steps.ts';
import { LANGS } from '../core/content/article.ts';
import { listArticleFiles } from '../core/content/loader.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORK_DIR = join(REPO_ROOT, '.bench');
/** Files whose presence means our site's build pipeline exists. */
const SITE_FILES = ['astro.config.mjs', 'site/pages/[lang]/articles/[slug].astro'];

const started = Date.now();
/** Removes the work folders; set once they are known, so an interrupt cleans up too. */
let cleanup: () => void = () => undefined;
/** Progress goes to stderr so stdout holds only the table and the JSON. */
const log = (line: string): void => {
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${line}\n`);
};

/** Prepares the content folder: generates it, or checks the given corpus. */
function prepareContent(options: BenchOptions): { corpus: CorpusInfo; contentDir: string; label: string; temporary: boolean } {
  if (options.corpus) {
    log(`checking corpus ${options.corpus}`);
    const checked = validateCorpus(options.corpus);
    const perLang = Object.fromEntries(
      LANGS.map((lang) => [lang, listArticleFiles(options.corpus ?? '').filter((f) => f.startsWith(`articles/${lang}/`)).length]),
    );
    log(`corpus: ${checked.articles} articles, 0 errors, ${checked.warnings} warning(s)`);
    return {
      corpus: { source: options.corpus, generated: false, articles: checked.articles, perLang, seed: null },
      contentDir: options.corpus,
      label: 'corpus',
      temporary: false,
    };
  }
  const contentDir = join(WORK_DIR, `content-${options.articles}`);
  log(`generating ${options.articles} articles (seed ${options.seed}) into ${contentDir}`);
  const generated = generateCorpus(contentDir, options.articles, options.seed);
  const checked = validateCorpus(contentDir);
  log(`generated ${checked.articles} articles, ${(generated.bodyChars / 1e6).toFixed(2)} M body characters; loadContent: 0 problems`);
  return {
    corpus: { source: contentDir, generated: true, articles: generated.articles, perLang: generated.perLang, seed: options.seed },
    contentDir,
    label: String(options.articles),
    temporary: true,
  };
}

async function measureQuery(options: BenchOptions, contentDir: string, generated: boolean, outDir: string): Promise<QueryResult> {
  if (!hasChromium()) return { unavailable: `${CHROMIUM_PATH} is not installed` };
  const word =
    options.query ?? (generated ? (options.queryLang === 'zh-CN' ? '密码' : 'password') : pickQueryWord(contentDir, options.queryLang));
  if (!word) return { unavailable: `no ${options.queryLang} articles to pick a query word from (use --query)` };
  log(`opening /${options.queryLang}/search/?q=${word} in headless Chromium`);
  try {
    const bytes = await measureQueryBytes({
      outDir,
      lang: options.queryLang,
      query: word,
      timeoutSeconds: Math.min(options.timeoutSeconds, 120),
    });
    return { word, lang: options.queryLang, ...bytes };
  } catch (error) {
    return { unavailable: `the search page did not finish: ${(error as Error).message.split('\n')[0]}` };
  }
}

async function main(options: BenchOptions): Promise<void> {
  if (!options.baselineOnly) {
    const missing = SITE_FILES.filter((f) => !existsSync(join(REPO_ROOT, f)));
    if (missing.length)
      throw new Error(`our site cannot be built yet (missing ${missing.join(', ')}); use --baseline-only to measure the baseline alone`);
  }
  mkdirSync(WORK_DIR, { recursive: true });
  const loadStart = loadavg()[0] ?? 0;
  const content = prepareContent(options);
  const ctx: StepContext = {
    repoRoot: REPO_ROOT,
    contentDir: content.contentDir,
    workDir: WORK_DIR,
    label: content.label,
    withMdx: hasMdxArticles(content.contentDir),
    timeoutSeconds: options.timeoutSeconds,
    log,
  };
  cleanup = (): void => {
    cleanup = () => undefined;
    if (options.keep) return log(`kept work folders in ${WORK_DIR}`);
    for (const dir of [`baseline-${content.label}`, `ours-${content.label}`]) rmSync(join(WORK_DIR, dir), { recursive: true, force: true });
    if (content.temporary) rmSync(content.contentDir, { recursive: true, force: true });
  };

  const baseline: BaselineRun[] = [];
  const ours: OursRun[] = [];
  let query: QueryResult = { unavailable: options.baselineOnly ? 'our build was not measured (--baseline-only)' : 'not measured' };
  try {
    for (let run = 1; run <= options.runs; run++) {
      const tag = `run ${run}/${options.runs}`;
      const measureBaseline = async (): Promise<void> => {
        log(`${tag}: baseline astro build${ctx.withMdx ? ' (with MDX: the corpus has .mdx files)' : ''}`);
        const b = await runBaseline(ctx);
        baseline.push(b);
        log(`${tag}: baseline ${b.astro.seconds.toFixed(1)} s astro + ${b.pagefind.seconds.toFixed(1)} s pagefind, ${b.pages} pages`);
      };
      const measureOurs = async (): Promise<void> => {
        log(`${tag}: our build (KB_CONTENT_DIR=${ctx.contentDir})`);
        const o = await runOurs(ctx);
        ours.push(o);
        log(`${tag}: ours ${o.build.seconds.toFixed(1)} s, ${o.pages} pages`);
        // Bytes per query do not vary between runs of the same build: measure them once.
        if (run === 1) query = await measureQuery(options, ctx.contentDir, content.corpus.generated, o.outDir);
      };
      // Alternate which build goes first, so a warm disk cache or a burst of other work
      // on the machine does not always favour the same side.
      if (options.baselineOnly) await measureBaseline();
      else if (run % 2 === 1) await measureBaseline().then(measureOurs);
      else await measureOurs().then(measureBaseline);
    }
  } finally {
    cleanup();
  }
  const machine = { cpus: availableParallelism(), loadStart, loadEnd: loadavg()[0] ?? 0 };
  const summary = summarize(content.corpus, machine, baseline, ours, query);
  process.stdout.write(`\n${formatTable(summary)}\n`);
  if (options.json) process.stdout.write(`\n${JSON.stringify(summary, null, 2)}\n`);
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

let options: BenchOptions;
try {
  options = parseBenchOptions(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`bench:build: ${error.message}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopRunning();
    log(`stopped by ${signal}`);
    cleanup();
    process.exit(130);
  });
}
main(options).catch((error: unknown) => {
  stopRunning();
  log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

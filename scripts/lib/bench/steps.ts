/**
 * The measured steps of one benchmark run: the baseline's Astro build, Pagefind over the
 * baseline, and our site's build (which runs Pagefind itself in its build:done hook).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  astroPhasesFrom,
  pagefindPagesFromLog,
  pagefindSecondsFrom,
  routeTimesFrom,
  suggestSecondsFrom,
  type Phase,
  type RouteTime,
} from './astro-log.ts';
import { pagefindPagesFrom, writeBaselineProject } from './baseline.ts';
import { countHtmlPages, dirBytes } from './disk.ts';
import { measure, type Measured } from './measure.ts';
import { envWith } from '../../../core/config/env.ts';

/** The Astro CLI of the repository; both builds use the same one. */
const astroCli = (repoRoot: string): string => join(repoRoot, 'node_modules', 'astro', 'astro.js');

/** Figures of one step that built a site. */
export interface BuildFigures {
  seconds: number;
  peakTreeRssMb: number;
  /** MB per process name at the peak. */
  peakByProcess: Record<string, number>;
  gnuTimeMaxRssMb: number | null;
  cpuSeconds: number | null;
  /** Seconds per Astro build phase, as Astro logs them (empty for the Pagefind step). */
  phases: Partial<Record<Phase, number>>;
  /** Render time per route, slowest first (empty for the Pagefind step). */
  routes: RouteTime[];
}

/** One run of the baseline. */
export interface BaselineRun {
  astro: BuildFigures;
  pagefind: BuildFigures;
  pages: number;
  pagefindPages: number | null;
  indexBytes: number;
  outDir: string;
}

/** One run of our build. */
export interface OursRun {
  build: BuildFigures;
  /** Pagefind's share, as our integration prints it; null when no such line was found. */
  pagefindSeconds: number | null;
  /** The suggestion-index step of our build (none in the baseline). */
  suggestSeconds: number | null;
  pages: number;
  pagefindPages: number | null;
  indexBytes: number;
  outDir: string;
}

/** Shared settings of the steps. */
export interface StepContext {
  repoRoot: string;
  contentDir: string;
  workDir: string;
  label: string;
  withMdx: boolean;
  timeoutSeconds: number;
  log: (line: string) => void;
}

/** Progress worth showing from a build's output: phases, not one line per page. */
const isPhaseLine = (line: string): boolean =>
  !/[├└]─/.test(line) && /\[(build|content|vite|knowledge-base)\]|Completed in|pagefind|error/i.test(line);

const figures = (m: Measured): BuildFigures => ({
  seconds: m.seconds,
  peakTreeRssMb: m.peakTreeRssMb,
  peakByProcess: m.peakByProcess,
  gnuTimeMaxRssMb: m.gnuTimeMaxRssMb,
  cpuSeconds: m.cpuSeconds,
  phases: astroPhasesFrom(m.output),
  routes: routeTimesFrom(m.output),
});

/** Builds the bare baseline and indexes it with Pagefind, each step measured on its own. */
export async function runBaseline(ctx: StepContext): Promise<BaselineRun> {
  const project = writeBaselineProject(join(ctx.workDir, `baseline-${ctx.label}`), {
    articlesDir: join(ctx.contentDir, 'articles'),
    withMdx: ctx.withMdx,
  });
  const onLine = (line: string): void => {
    if (isPhaseLine(line)) ctx.log(`  baseline | ${line.trim()}`);
  };
  // --force clears Astro's content-layer cache, so every run is a cold build.
  const astro = await measure({
    command: process.execPath,
    args: [astroCli(ctx.repoRoot), 'build', '--force', '--root', project.root],
    cwd: project.root,
    timeoutSeconds: ctx.timeoutSeconds,
    onLine,
  });
  const pagefind = await measure({
    command: process.execPath,
    args: [project.pagefindScript, project.outDir, join(project.outDir, 'pagefind')],
    cwd: project.root,
    timeoutSeconds: ctx.timeoutSeconds,
    onLine,
  });
  return {
    astro: figures(astro),
    pagefind: figures(pagefind),
    pages: countHtmlPages(project.outDir),
    pagefindPages: pagefindPagesFrom(pagefind.output),
    indexBytes: dirBytes(join(project.outDir, 'pagefind')),
    outDir: project.outDir,
  };
}

/** Builds our site from the content folder, Pagefind included, as one measured step. */
export async function runOurs(ctx: StepContext): Promise<OursRun> {
  const outDir = join(ctx.workDir, `ours-${ctx.label}`);
  rmSync(outDir, { recursive: true, force: true });
  const build = await measure({
    command: process.execPath,
    args: ['--import', 'tsx', join(ctx.repoRoot, 'scripts', 'build.ts'), '--force'],
    cwd: ctx.repoRoot,
    env: envWith({ KB_CONTENT_DIR: ctx.contentDir, KB_OUT_DIR: outDir }),
    timeoutSeconds: ctx.timeoutSeconds,
    onLine: (line) => {
      if (isPhaseLine(line)) ctx.log(`  ours     | ${line.trim()}`);
    },
  });
  const indexBytes = dirBytes(join(outDir, 'pagefind'));
  if (indexBytes === 0) throw new Error(`our build finished but wrote no Pagefind index to ${join(outDir, 'pagefind')}`);
  return {
    build: figures(build),
    pagefindSeconds: pagefindSecondsFrom(build.output),
    suggestSeconds: suggestSecondsFrom(build.output),
    pages: countHtmlPages(outDir),
    pagefindPages: pagefindPagesFromLog(build.output),
    indexBytes,
    outDir,
  };
}

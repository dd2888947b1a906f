/**
 * Reads phase timings out of `astro build` output, so the report can say where time goes
 * (content sync, bundling, rendering pages, Pagefind) rather than only the total.
 */

/** Build phases in the order Astro runs them. */
export const PHASES = ['sync', 'server', 'client', 'pages', 'images'] as const;
export type Phase = (typeof PHASES)[number];

/** What each phase covers, for the report. */
export const PHASE_LABELS: Record<Phase, string> = {
  sync: 'content sync + setup',
  server: 'server bundle (vite)',
  client: 'client bundle (vite)',
  pages: 'rendering pages',
  images: 'optimizing images',
};

// The line that starts each phase (Astro 5's build logger, core/build/*.js).
const STARTS: Array<[RegExp, Phase]> = [
  [/Collecting build info/, 'sync'],
  [/Building static entrypoints/, 'server'],
  [/building client \(vite\)/, 'client'],
  [/generating static routes/, 'pages'],
  [/generating optimized images/, 'images'],
];

const seconds = (value: string, unit: string): number => (unit === 'ms' ? Number(value) / 1000 : Number(value));

/**
 * Seconds per phase. A phase ends with "✓ Completed in 1.23s." or, for the client bundle,
 * which prints no such line, "[vite] ✓ built in 1.23s"; the last one inside a phase wins.
 */
export function astroPhasesFrom(output: string): Partial<Record<Phase, number>> {
  const phases: Partial<Record<Phase, number>> = {};
  let current: Phase | null = null;
  for (const line of output.split('\n')) {
    const start = STARTS.find(([pattern]) => pattern.test(line));
    if (start) current = start[1];
    const done = /(?:Completed|built) in ([\d.]+)(ms|s)\b/.exec(line);
    if (done && current && !/page\(s\) built in/.test(line)) phases[current] = seconds(done[1] ?? '', done[2] ?? 's');
  }
  return phases;
}

/**
 * How long Pagefind took, from our integration's log: the last line that mentions Pagefind
 * and a duration such as "2.31s", "2310 ms" or "in 2.3 s" (clock times are skipped).
 */
export function pagefindSecondsFrom(output: string): number | null {
  const lines = output
    .split('\n')
    .filter((l) => /pagefind/i.test(l))
    .reverse();
  for (const line of lines) {
    const match = /(\d+(?:\.\d+)?)\s*(ms|s)\b/.exec(line.replace(/\d{2}:\d{2}:\d{2}/g, ''));
    if (match) return seconds(match[1] ?? '', match[2] ?? 's');
  }
  return null;
}

/** The page count our integration logs ("Pagefind indexed 1234 pages"), or null. */
export function pagefindPagesFromLog(output: string): number | null {
  const match = /pagefind\D{0,40}?(\d+) pages/i.exec(output);
  return match ? Number(match[1]) : null;
}

/** Render time of one route's pages, from Astro's per-page "(+3ms)" log lines. */
export interface RouteTime {
  route: string;
  pages: number;
  totalMs: number;
}

/**
 * Render time per route, slowest first: where a site's per-page cost goes. Astro prints
 * "▶ <route file>" and then one "├─ /path/index.html (+3ms)" line per page.
 */
export function routeTimesFrom(output: string): RouteTime[] {
  const routes = new Map<string, RouteTime>();
  let current: RouteTime | null = null;
  for (const line of output.split('\n')) {
    const start = /[▶λ] (\S+)/.exec(line);
    if (start?.[1]) {
      current = routes.get(start[1]) ?? { route: start[1], pages: 0, totalMs: 0 };
      routes.set(start[1], current);
      continue;
    }
    const page = /[├└]─ \S+ \(\+(\d+(?:\.\d+)?)(ms|s)\)/.exec(line);
    if (page && current) {
      current.pages += 1;
      current.totalMs += seconds(page[1] ?? '0', page[2] ?? 'ms') * 1000;
    }
  }
  return [...routes.values()].sort((a, b) => b.totalMs - a.totalMs);
}

/**
 * Seconds our build spent on the API's suggestion index ("Suggestion index: … in 1.8 s").
 * A bare Astro build has no such step, so the table shows it apart from the comparison.
 */
export function suggestSecondsFrom(output: string): number | null {
  const match = /Suggestion index:.* in (\d+(?:\.\d+)?) s/.exec(output);
  return match ? Number(match[1]) : null;
}

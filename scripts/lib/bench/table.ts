/**
 * The table printed at the end of a benchmark: baseline and ours side by side, the ratio,
 * and the target where there is one.
 */
import { PHASE_LABELS, PHASES, type RouteTime } from './astro-log.ts';
import { ratio } from '../../../core/stats.ts';
import type { BenchSummary } from './report.ts';

const num = (v: number | null | undefined, digits = 1): string => (v == null ? '—' : v.toFixed(digits));
const int = (v: number | null | undefined): string => (v == null ? '—' : Math.round(v).toLocaleString('en-US'));
const mb = (bytes: number | null | undefined): string => (bytes == null ? '—' : (bytes / 1024 / 1024).toFixed(2));
const verdict = (ok: boolean | null): string => (ok === null ? '' : ok ? 'ok' : 'OVER');

/** "node 350 + pagefind 105": who held the memory at the peak, largest first. */
const composition = (byName: Record<string, number>): string =>
  Object.entries(byName)
    .filter(([, mbs]) => mbs >= 1)
    .sort((x, y) => y[1] - x[1])
    .map(([name, mbs]) => `${name} ${mbs.toFixed(0)}`)
    .join(' + ') || '—';

/** "site/pages/[lang]/articles/[slug].astro 1000 pages × 2.1 ms": the slowest routes. */
const slowest = (routes: RouteTime[], count: number): string =>
  routes
    .slice(0, count)
    .map((r) => `${r.route} ${r.pages} × ${(r.totalMs / Math.max(r.pages, 1)).toFixed(1)} ms`)
    .join('; ') || '—';

function rowsOf(s: BenchSummary): string[][] {
  const b = s.baseline;
  const o = s.ours;
  const oursAstro = o?.siteSeconds != null && o.pagefindSeconds != null ? o.siteSeconds - o.pagefindSeconds : null;
  const perArticleMs = (seconds: number | null | undefined): number | null =>
    seconds == null ? null : (seconds * 1000) / s.corpus.articles;
  const phaseRows = PHASES.filter((p) => p in b.phases || (o && p in o.phases)).map((p) => [
    `  ${PHASE_LABELS[p]} s`,
    num(b.phases[p]),
    num(o?.phases[p]),
    num(ratio(o?.phases[p], b.phases[p]), 2),
    '',
  ]);
  const rows = [
    ['', 'baseline', 'ours', 'ours/base', 'target'],
    ['astro build s', num(b.astroSeconds), o ? `${num(oursAstro)}*` : '—', num(ratio(oursAstro, b.astroSeconds), 2), ''],
    ...phaseRows,
    [
      'pagefind s',
      num(b.pagefindSeconds),
      o ? `${num(o.pagefindSeconds)}*` : '—',
      num(ratio(o?.pagefindSeconds, b.pagefindSeconds), 2),
      '',
    ],
    [
      'total s (build incl. pagefind)',
      num(b.totalSeconds),
      num(o?.siteSeconds),
      num(s.ratios.time, 2),
      `≤ ${s.ratios.timeTarget} ${verdict(s.ratios.timeOk)}`,
    ],
    ['suggestion index s (API; no baseline)', '—', num(o?.suggestSeconds), '', ''],
    ['whole npm run build s', num(b.totalSeconds), num(o?.totalSeconds), num(ratio(o?.totalSeconds, b.totalSeconds), 2), ''],
    ['  total ms per article', num(perArticleMs(b.totalSeconds)), num(perArticleMs(o?.totalSeconds)), '', ''],
    ['CPU s, user+sys (GNU time)', num(b.cpuSeconds), num(o?.cpuSeconds), num(s.ratios.cpu, 2), ''],
    [
      'peak RSS MB (process tree)',
      num(b.peakRssMb, 0),
      num(o?.peakRssMb, 0),
      num(s.ratios.memory, 2),
      `≤ ${s.ratios.memoryTarget} ${verdict(s.ratios.memoryOk)}`,
    ],
    ['  baseline astro / pagefind step', `${num(b.astroPeakRssMb, 0)} / ${num(b.pagefindPeakRssMb, 0)}`, '', '', ''],
    [
      'max RSS MB, one process (GNU time)',
      num(b.gnuTimeMaxRssMb, 0),
      num(o?.gnuTimeMaxRssMb, 0),
      num(ratio(o?.gnuTimeMaxRssMb, b.gnuTimeMaxRssMb), 2),
      '',
    ],
    ['pagefind index MB on disk', mb(b.indexBytes), mb(o?.indexBytes), num(ratio(o?.indexBytes, b.indexBytes), 2), ''],
    ['pages (html files)', int(b.pages), int(o?.pages), '', ''],
    ['pages indexed by pagefind', int(b.pagefindPages), int(o?.pagefindPages), '', ''],
  ];
  if (!('unavailable' in s.query)) {
    const q = s.query;
    rows.push([`query "${q.word}": /pagefind/ bytes (requests)`, '', `${int(q.pagefindBytes)} (${q.pagefindRequests})`, '', '']);
    rows.push(['  whole page incl. HTML/CSS/JS (requests)', '', `${int(q.totalBytes)} (${q.totalRequests})`, '', '']);
  }
  return rows;
}

/** The report as aligned plain text, with notes under the table. */
export function formatTable(s: BenchSummary): string {
  const c = s.corpus;
  const what = c.generated ? `${c.articles} generated articles (seed ${c.seed})` : `${c.articles} articles from ${c.source}`;
  const langs = Object.entries(c.perLang)
    .map(([lang, n]) => `${n} ${lang}`)
    .join(' + ');
  const rows = rowsOf(s);
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string =>
    r
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const notes: string[] = [];
  if (s.ours) notes.push('* ours: pagefind s as our integration logs it; astro s = total − that.');
  notes.push(
    `page rendering, slowest routes: baseline ${slowest(s.routes.baseline, 1)}${s.routes.ours ? `; ours ${slowest(s.routes.ours, 4)}` : ''}`,
  );
  const held = s.peakByProcess;
  notes.push(
    `peak RSS held by (MB): baseline astro step ${composition(held.baselineAstro)}; baseline pagefind step ${composition(held.baselinePagefind)}${held.ours ? `; ours ${composition(held.ours)}` : ''}`,
  );
  if ('unavailable' in s.query) notes.push(`query bytes: unavailable (${s.query.unavailable})`);
  else {
    notes.push(`query: ${s.query.url}, ${s.query.results} result(s) shown`);
    if (s.query.failedRequests.length) notes.push(`! failed requests during the query: ${s.query.failedRequests.join(', ')}`);
  }
  const busy = Math.max(s.machine.loadStart, s.machine.loadEnd) > s.machine.cpus;
  notes.push(
    `machine: ${s.machine.cpus} CPUs, load average ${s.machine.loadStart.toFixed(1)} at start, ${s.machine.loadEnd.toFixed(1)} at end${busy ? ' (busy: other work ran alongside, timings are noisy)' : ''}`,
  );
  return [`Build benchmark: ${what}; ${langs}; median of ${s.runs} run(s)`, '', ...rows.map(line), '', ...notes].join('\n');
}

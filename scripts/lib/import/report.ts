/**
 * The import report: what each file became and what was dropped on the way, summed up
 * for the one-line summary the CLIs print and written in full with `--report`.
 */
import type { ConversionReport } from './mdx-to-markdown.ts';
import type { WriteResult, WriteStatus } from './write-articles.ts';

/** A problem that stops an import before anything is written (bad input file or folder). */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Totals over one import. */
export interface ImportSummary {
  articles: Record<WriteStatus, number>;
  /** Dropped or unwrapped items by kind (imports, exports, expressions, comments, components). */
  dropped: Record<string, number>;
  /** Unwrapped components by name. */
  components: Record<string, number>;
  links: { toArticles: number; madeAbsolute: number };
  /** Input rows skipped (FAQ import). */
  badRows: number;
}

const add = (into: Record<string, number>, key: string, n: number) => {
  if (n) into[key] = (into[key] ?? 0) + n;
};

/** Sums the per-file results of an import. */
export function summarize(results: ReadonlyArray<WriteResult & { conversion?: ConversionReport | null }>, badRows = 0): ImportSummary {
  const summary: ImportSummary = {
    articles: { written: 0, unchanged: 0, 'kept-hand-written': 0, invalid: 0 },
    dropped: {},
    components: {},
    links: { toArticles: 0, madeAbsolute: 0 },
    badRows,
  };
  for (const result of results) {
    summary.articles[result.status] += 1;
    const c = result.conversion;
    if (!c) continue;
    add(summary.dropped, 'imports', c.imports);
    add(summary.dropped, 'exports', c.exports);
    add(summary.dropped, 'expressions', c.expressions);
    add(summary.dropped, 'comments', c.comments);
    for (const [name, n] of Object.entries(c.components)) {
      add(summary.dropped, 'components', n);
      add(summary.components, name, n);
    }
    summary.links.toArticles += c.linksToArticles;
    summary.links.madeAbsolute += c.linksMadeAbsolute;
  }
  return summary;
}

/** The summary as the few lines a CLI prints at the end. */
export function formatSummary(summary: ImportSummary): string[] {
  const a = summary.articles;
  const lines = [`${a.written} written, ${a.unchanged} unchanged, ${a['kept-hand-written']} kept hand-written, ${a.invalid} invalid`];
  const dropped = Object.entries(summary.dropped).map(([kind, n]) => `${n} ${kind}`);
  if (dropped.length) lines.push(`dropped or unwrapped: ${dropped.join(', ')}`);
  const components = Object.entries(summary.components).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  if (components.length) lines.push(`components: ${components.map(([name, n]) => `${name} ${n}`).join(', ')}`);
  if (summary.links.toArticles || summary.links.madeAbsolute) {
    lines.push(`links: ${summary.links.toArticles} to imported articles, ${summary.links.madeAbsolute} made absolute`);
  }
  if (summary.badRows) lines.push(`${summary.badRows} bad rows skipped`);
  return lines;
}

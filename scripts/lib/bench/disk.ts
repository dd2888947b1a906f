/**
 * Sizes and counts on disk: the Pagefind index's footprint, how many pages a build wrote,
 * and the word to search for in the query measurement.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function walk(dir: string, visit: (path: string) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, visit);
    else if (entry.isFile()) visit(path);
  }
}

/** Total bytes of the files below `dir` (0 when it does not exist). */
export function dirBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  walk(dir, (path) => {
    total += statSync(path).size;
  });
  return total;
}

/** Number of `.html` files below `dir`, the pages a static build wrote (Pagefind's own folder excluded). */
export function countHtmlPages(dir: string): number {
  if (!existsSync(dir)) return 0;
  let count = 0;
  walk(dir, (path) => {
    if (path.endsWith('.html') && !path.includes('/pagefind/')) count += 1;
  });
  return count;
}

/** Whether any article in the content folder is MDX (the bare baseline then needs the MDX integration). */
export function hasMdxArticles(contentDir: string): boolean {
  let found = false;
  walk(join(contentDir, 'articles'), (path) => {
    if (path.endsWith('.mdx')) found = true;
  });
  return found;
}

const STOPWORDS = new Set([
  'about',
  'after',
  'again',
  'before',
  'their',
  'there',
  'these',
  'those',
  'which',
  'while',
  'would',
  'should',
  'could',
  'where',
  'other',
  'using',
  'under',
  'first',
]);

/**
 * The most frequent word (5–12 letters, not a stop word) in the titles of one language's
 * articles: a word readers would plausibly type, present in many pages, so the query
 * loads a realistic number of index chunks and result fragments.
 */
export function pickQueryWord(contentDir: string, lang: string): string | null {
  const dir = join(contentDir, 'articles', lang);
  if (!existsSync(dir)) return null;
  const counts = new Map<string, number>();
  walk(dir, (path) => {
    const title = /^title:\s*["']?(.+?)["']?\s*$/m.exec(readFileSync(path, 'utf8'))?.[1] ?? '';
    for (const word of title.toLowerCase().match(/[a-z]{5,12}/g) ?? []) {
      if (!STOPWORDS.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  });
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return ranked[0]?.[0] ?? null;
}

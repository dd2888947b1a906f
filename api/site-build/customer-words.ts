/**
 * The customers' words (issue 15): the subjects of the tickets an article solved (linked
 * `solved-by` or `created-from`), redacted, become extra search terms of that article in
 * both engines, refreshed at every build from the database the server uses. In the site
 * they are added to each article page before Pagefind indexes it (hidden, and as the
 * `words` metadata the relevance rule reads); in /api/suggest they are the `words` field.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticleId } from '../../core/content/article.ts';
import { redact } from '../../core/text/redact.ts';
import { migrate, openDatabase } from '../db/index.ts';
import { subjectsOfLinkedTickets, type ArticleSubjectRow } from '../db/queries/links.ts';

/** At most this many subjects per article: enough words, and pages stay small. */
export const MAX_SUBJECTS = 20;
/** A subject is cut after this many characters. */
export const MAX_SUBJECT_CHARS = 120;

/** Redacted, distinct subjects per article id, placeholders ("[EMAIL_1]") removed. */
export function customerWords(rows: readonly ArticleSubjectRow[]): Map<string, string[]> {
  const words = new Map<string, string[]>();
  for (const row of rows) {
    const names = [row.requester, row.agent].filter((n): n is string => !!n);
    const text = redact(row.subject, { names })
      .text.replace(/\[[A-Z_]+_\d+\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_SUBJECT_CHARS);
    if (!text) continue;
    const list = words.get(row.article) ?? [];
    if (list.length < MAX_SUBJECTS && !list.some((w) => w.toLowerCase() === text.toLowerCase())) list.push(text);
    words.set(row.article, list);
  }
  return words;
}

/** The customers' words of the database at `dbFile`; empty when there is no database yet. */
export async function loadCustomerWords(dbFile: string): Promise<Map<string, string[]>> {
  if (!existsSync(dbFile)) return new Map();
  const { db } = openDatabase(dbFile);
  try {
    await migrate(db);
    return customerWords(await subjectsOfLinkedTickets(db));
  } finally {
    await db.destroy();
  }
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Adds each article's words to its built page, inside the part Pagefind indexes. Returns
 * how many pages gained words. Pages outside the index (no `data-pagefind-body`) are left alone.
 */
export function injectCustomerWords(outDir: string, words: ReadonlyMap<string, readonly string[]>): number {
  let pages = 0;
  for (const [id, subjects] of words) {
    const { lang, slug } = parseArticleId(id);
    const file = join(outDir, lang, 'articles', slug, 'index.html');
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    const end = html.indexOf('</article>');
    if (end === -1 || !html.includes('data-pagefind-body') || html.includes('data-customer-words')) continue;
    const block = `<div hidden data-customer-words><span data-pagefind-meta="words">${escapeHtml(subjects.join(' | '))}</span></div>`;
    writeFileSync(file, html.slice(0, end) + block + html.slice(end));
    pages++;
  }
  return pages;
}

/**
 * Links and images inside articles must resolve in the build: an article link names an
 * article readers of this article can reach, a site path is one the help center serves,
 * and an image file exists (site/public for absolute paths, next to the article otherwise).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LANGS, isBuilt } from '../../../core/content/article.ts';
import type { LoadedArticle } from '../../../core/content/loader.ts';
import { TYPE_SEGMENTS } from '../../../core/content/urls.ts';
import type { CheckFinding, ProseLine } from './findings.ts';

export interface LinkContext {
  contentDir: string;
  /** Where absolute image paths are served from (Astro's publicDir). */
  publicDir: string;
  articles: ReadonlyMap<string, LoadedArticle>;
  topicIds: ReadonlySet<string>;
}

const LANG_ALT = LANGS.join('|');
const PAGES = new Set(['', 'search', 'contact', 'topics', ...Object.values(TYPE_SEGMENTS)]);

/** Every link and image target on a line: markdown `[..](url)`, `![..](url)`, and href/src attributes. */
export function linkTargets(text: string): Array<{ url: string; image: boolean }> {
  const out: Array<{ url: string; image: boolean }> = [];
  for (const m of text.matchAll(/(!?)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push({ url: m[2]!, image: m[1] === '!' });
  for (const m of text.matchAll(/\b(href|src)\s*=\s*["']([^"']+)["']/g)) out.push({ url: m[2]!, image: m[1] === 'src' });
  return out;
}

const safeDecode = (s: string) => {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
};

/** Why an internal page path does not resolve for `from`, or null when it does. */
function pageProblem(path: string, from: LoadedArticle, ctx: LinkContext): string | null {
  const article = new RegExp(`^/(${LANG_ALT})/articles/([^/]+)/?$`).exec(path);
  if (article) {
    const target = ctx.articles.get(`${article[1]}/${article[2]}`);
    if (!target) return `links to ${path}, but there is no article ${article[1]}/${article[2]}`;
    if (!isBuilt(target.data.state) && isBuilt(from.data.state)) return `links to ${path}, a wip article that is not published`;
    if (target.data.audience === 'internal' && from.data.audience !== 'internal')
      return `links to ${path}, an internal article public readers cannot open`;
    return null;
  }
  const topic = new RegExp(`^/(${LANG_ALT})/topics/([^/]+)/?$`).exec(path);
  if (topic) return ctx.topicIds.has(topic[2]!) ? null : `links to ${path}, but "${topic[2]}" is not in topics.yaml`;
  const page = new RegExp(`^/(${LANG_ALT})/(?:([a-z-]+)/?)?$`).exec(path);
  if (page && PAGES.has(page[2] ?? '')) return null;
  if (path === '/') return null;
  return `links to ${path}, which is not a page of the help center`;
}

/** Checks the links and images of one article. */
export function checkLinks(article: LoadedArticle, lines: ProseLine[], ctx: LinkContext): CheckFinding[] {
  const found: CheckFinding[] = [];
  for (const { line, text } of lines) {
    for (const { url, image } of linkTargets(text)) {
      if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(url)) continue; // another site, mail, or an anchor on this page
      const path = safeDecode(url.replace(/[?#].*$/, ''));
      const isImage = image || /\.(?:png|jpe?g|gif|svg|webp|avif)$/i.test(path);
      let problem: string | null;
      if (isImage) {
        const file = path.startsWith('/') ? join(ctx.publicDir, path) : join(ctx.contentDir, dirname(article.file), path);
        problem = existsSync(file) ? null : `image ${url} not found (looked for ${file})`;
      } else if (path.startsWith('/')) {
        problem = pageProblem(path, article, ctx);
      } else {
        problem = `relative link ${url}: write site links as absolute paths such as /${article.lang}/articles/<slug>/`;
      }
      if (problem) found.push({ file: article.file, line, severity: 'error', rule: isImage ? 'image' : 'link', message: problem });
    }
  }
  return found;
}

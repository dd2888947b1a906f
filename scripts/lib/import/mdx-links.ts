/**
 * Rewrites the links of imported pages. A link to another page of the same import becomes
 * the URL of the article it is imported as; any other link into the source site becomes an
 * absolute link to that site, so nothing points at a path our help center does not serve.
 */
import type { Lang } from '../../../core/content/article.ts';
import { articleUrl } from '../../../core/content/urls.ts';

/** An imported page as links reach it. */
export interface LinkTarget {
  slug: string;
  title: string;
}

/** What became of a link: pointed at an article, made absolute, or left as written. */
export type LinkKind = 'article' | 'absolute' | 'kept';

/** What a rewriter needs to know about one import. */
export interface LinkRewriterOptions {
  /** The language of the imported folder. */
  lang: Lang;
  /** The source site's origin, e.g. `https://docs.astro.build`. */
  siteBase: string;
  /** Imported pages by the path they are served at (see pagePathFromFile). */
  pages: ReadonlyMap<string, LinkTarget>;
}

/** A function rewriting one link found on the page served at `pagePath`. */
export type LinkRewriter = (url: string, pagePath: string) => { url: string; kind: LinkKind };

/** The URL segment the source site uses for a language (Starlight lowercases locales: `zh-cn`). */
export function langSegment(lang: Lang): string {
  return lang.toLowerCase();
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Splits `/a/b/?q=1#h` into the path and the `?…#…` suffix kept as written. */
function splitSuffix(url: string): { path: string; suffix: string } {
  const cut = url.search(/[?#]/);
  return cut === -1 ? { path: url, suffix: '' } : { path: url.slice(0, cut), suffix: url.slice(cut) };
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** Builds the rewriter for one import. */
export function createLinkRewriter(options: LinkRewriterOptions): LinkRewriter {
  const base = options.siteBase.replace(/\/+$/, '');
  const origin = new URL(base).origin;
  const ownSegment = langSegment(options.lang);
  const langPrefix = /^\/([a-z]{2}(?:-[a-z]+)?)(?:\/(.*?))?\/?$/i;

  return function rewriteLink(url, pagePath) {
    if (url === '' || url.startsWith('#') || url.startsWith('//')) return { url, kind: 'kept' };
    let sitePath: string;
    if (url.startsWith(`${origin}/`) || url === origin) {
      sitePath = url.slice(origin.length) || '/';
    } else if (url.startsWith('/')) {
      sitePath = url;
    } else if (HAS_SCHEME.test(url)) {
      return { url, kind: 'kept' };
    } else {
      // Relative links resolve against the page's own URL, which always ends in `/` on the source site.
      const pageUrl = new URL(`/${ownSegment}/${pagePath ? `${pagePath}/` : ''}`, origin);
      const { path, suffix } = splitSuffix(url);
      sitePath = safeDecode(new URL(path || '.', pageUrl).pathname) + suffix;
    }
    const { path, suffix } = splitSuffix(sitePath);
    const match = langPrefix.exec(path.replace(/\.mdx?$/, ''));
    if (match && match[1]?.toLowerCase() === ownSegment) {
      const target = options.pages.get((match[2] ?? '').replace(/(^|\/)index$/, ''));
      if (target) return { url: articleUrl(`${options.lang}/${target.slug}`) + suffix, kind: 'article' };
    }
    return { url: base + sitePath, kind: 'absolute' };
  };
}

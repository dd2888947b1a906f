/**
 * Every URL the help center publishes is built here, so pages, importers (which rewrite
 * links between imported pages) and the API agree on them.
 */
import type { ArticleType, Lang } from './article.ts';

/** The list page of each article type, by path segment. */
export const TYPE_SEGMENTS: Record<ArticleType, string> = {
  faq: 'faq',
  manual: 'manuals',
  solution: 'solutions',
  training: 'training',
};

export const langHome = (lang: Lang) => `/${lang}/`;
export const articleUrl = (id: string) => {
  const [lang, slug] = id.split('/');
  return `/${lang}/articles/${slug}/`;
};
export const topicUrl = (lang: Lang, topic: string) => `/${lang}/topics/${topic}/`;
export const topicsUrl = (lang: Lang) => `/${lang}/topics/`;
export const typeListUrl = (lang: Lang, type: ArticleType) => `/${lang}/${TYPE_SEGMENTS[type]}/`;
export const searchUrl = (lang: Lang, query?: string) =>
  `/${lang}/search/${query ? `?q=${encodeURIComponent(query)}` : ''}`;
export const contactUrl = (lang: Lang) => `/${lang}/contact/`;

/** Reads an article id back from an article URL (absolute or path), or null. */
export function articleIdFromUrl(url: string): string | null {
  const match = /\/(zh-CN|en)\/articles\/([a-z0-9-]+)\/?(?:[?#].*)?$/.exec(url);
  return match ? `${match[1]}/${match[2]}` : null;
}

/**
 * An ArticleCatalog read straight from the content folder, for command-line tools that run
 * without a site build (the importers check article ids and types against it; the training
 * report needs topics). Content with problems still yields the articles that parsed.
 */
import { catalogFrom, type ArticleCatalog } from '../../../api/lib/catalog/catalog.ts';
import { isPublished } from '../../../core/content/article.ts';
import { loadContent } from '../../../core/content/loader.ts';
import type { TopicTree } from '../../../core/content/topics.ts';

export function catalogFromContent(contentDir: string): { catalog: ArticleCatalog; topics: TopicTree | undefined } {
  const content = loadContent(contentDir);
  const articles = content.articles.map((a) => ({
    id: a.id,
    lang: a.lang,
    title: a.data.title,
    summary: a.data.summary,
    url: `/${a.lang}/articles/${a.slug}/`,
    type: a.data.type,
    topic: a.data.topic,
    topics: a.data.topics,
    state: a.data.state,
    audience: a.data.audience,
    listed: isPublished(a.data.state),
    translationKey: a.data.translationKey,
    owner: a.data.owner,
    reviewed: a.data.reviewed.toISOString().slice(0, 10),
    reviewEvery: a.data.reviewEvery,
    tickets: a.data.tickets,
    tags: a.data.tags,
  }));
  return {
    catalog: catalogFrom({ version: 1, builtAt: new Date().toISOString(), audience: 'internal', articles }),
    topics: content.topics ?? undefined,
  };
}

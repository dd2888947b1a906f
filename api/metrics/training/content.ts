/**
 * Content coverage of a topic from the build's catalog (docs/design.md §5): a published training
 * article, a published customer article (faq, manual or solution with audience public), and
 * any validated article. An article covers its `topic` and every id in its `topics`, and
 * with them each of their ancestors.
 */
import type { ArticleCatalog } from '../../lib/catalog/catalog.ts';
import { isPublished } from '../../../core/content/article.ts';
import { topicAncestry, type TopicTree } from '../../../core/content/topics.ts';

export interface TopicContent {
  hasTrainingArticle: boolean;
  hasCustomerArticle: boolean;
  hasValidatedArticle: boolean;
  /** Ids of every article covering the topic (its votes feed the unhelpful share). */
  articles: string[];
}

const CUSTOMER_TYPES = new Set(['faq', 'manual', 'solution']);

export function topicContent(catalog: ArticleCatalog, tree?: TopicTree): (topic: string) => TopicContent {
  const byTopic = new Map<string, TopicContent>();
  for (const a of catalog.manifest.articles) {
    // A topic is covered when it or a descendant has an article (docs/design.md §4).
    for (const topic of new Set([a.topic, ...a.topics].flatMap((t) => topicAncestry(tree, t)))) {
      let c = byTopic.get(topic);
      if (!c) byTopic.set(topic, (c = { hasTrainingArticle: false, hasCustomerArticle: false, hasValidatedArticle: false, articles: [] }));
      c.articles.push(a.id);
      if (!isPublished(a.state)) continue;
      if (a.type === 'training') c.hasTrainingArticle = true;
      if (CUSTOMER_TYPES.has(a.type) && a.audience === 'public') c.hasCustomerArticle = true;
      if (a.state === 'validated') c.hasValidatedArticle = true;
    }
  }
  const none: TopicContent = { hasTrainingArticle: false, hasCustomerArticle: false, hasValidatedArticle: false, articles: [] };
  return (topic) => byTopic.get(topic) ?? none;
}

/**
 * The site's view of the articles collection: which articles a build contains, which
 * are listed, and how they relate. Every page asks here rather than filtering itself,
 * so "published", "listed" and the audience rule are decided once.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { isBuilt, isPublished, parseArticleId, type ArticleType, type Lang } from '../../core/content/article.ts';
import { loadTopicTree, topicWithDescendants, type TopicTree } from '../../core/content/topics.ts';
import { audience, contentDir } from './build-config.ts';

export type ArticleEntry = CollectionEntry<'articles'>;

let cached: Promise<ArticleEntry[]> | undefined;
let topicTree: TopicTree | undefined;

/** The topic tree of the content folder being built. */
export function topics(): TopicTree {
  topicTree ??= loadTopicTree(contentDir);
  return topicTree;
}

/** Articles that get a page in this build: published or archived, and for the audience built. */
export function builtArticles(): Promise<ArticleEntry[]> {
  cached ??= getCollection(
    'articles',
    (entry) => isBuilt(entry.data.state) && (audience === 'internal' || entry.data.audience === 'public'),
  );
  return cached;
}

export const langOf = (entry: ArticleEntry): Lang => parseArticleId(entry.id).lang;
export const slugOf = (entry: ArticleEntry): string => parseArticleId(entry.id).slug;

/** Listed = shown in lists, search and the sitemap: published (archived ones are not). */
export const isListed = (entry: ArticleEntry) => isPublished(entry.data.state);

/**
 * Offered to customers in search and related lists: listed, and not training material,
 * which is for agents (issue 15); the agents' edition (KB_AUDIENCE=internal) keeps it.
 */
export const isSearchable = (entry: ArticleEntry) => isListed(entry) && (audience === 'internal' || entry.data.type !== 'training');

/**
 * Look-up tables built once per build: every article page asks for its related articles
 * and its translation, and scanning the whole collection for each page made the build
 * quadratic (18.6 ms a page at 5,000 articles against 2 ms at 100).
 */
interface ArticleIndex {
  /** Listed articles per language, newest review first. */
  listedByLang: Map<Lang, ArticleEntry[]>;
  /** Built articles by language and translationKey. */
  byTranslation: Map<string, ArticleEntry>;
  /** Listed articles per language and topic id (main or further topic), in listed order. */
  listedByTopic: Map<string, ArticleEntry[]>;
}
let index: Promise<ArticleIndex> | undefined;

function articleIndex(): Promise<ArticleIndex> {
  index ??= builtArticles().then((all) => {
    const listedByLang = new Map<Lang, ArticleEntry[]>();
    const byTranslation = new Map<string, ArticleEntry>();
    const listedByTopic = new Map<string, ArticleEntry[]>();
    const sorted = [...all].sort((a, b) => b.data.reviewed.getTime() - a.data.reviewed.getTime() || a.id.localeCompare(b.id));
    for (const entry of sorted) {
      const lang = langOf(entry);
      byTranslation.set(`${lang}/${entry.data.translationKey}`, entry);
      if (!isListed(entry)) continue;
      const inLang = listedByLang.get(lang);
      if (inLang) inLang.push(entry);
      else listedByLang.set(lang, [entry]);
      for (const topic of new Set([entry.data.topic, ...entry.data.topics])) {
        const key = `${lang}/${topic}`;
        const list = listedByTopic.get(key);
        if (list) list.push(entry);
        else listedByTopic.set(key, [entry]);
      }
    }
    return { listedByLang, byTranslation, listedByTopic };
  });
  return index;
}

/** Listed articles in one language, newest review first. */
export async function listedArticles(lang: Lang, filter: (e: ArticleEntry) => boolean = () => true): Promise<ArticleEntry[]> {
  return ((await articleIndex()).listedByLang.get(lang) ?? []).filter(filter);
}

/** Whether an article covers a topic (its main topic, further topics, or a subtopic of it). */
export function coversTopic(entry: ArticleEntry, topicId: string): boolean {
  const wanted = new Set(topicWithDescendants(topics(), topicId));
  return wanted.has(entry.data.topic) || entry.data.topics.some((t) => wanted.has(t));
}

export const articlesOfType = (lang: Lang, type: ArticleType) => listedArticles(lang, (e) => e.data.type === type);
export const articlesInTopic = (lang: Lang, topicId: string) => listedArticles(lang, (e) => coversTopic(e, topicId));

/** Up to `limit` listed articles sharing the main topic, same type first. */
export async function relatedArticles(entry: ArticleEntry, limit = 5): Promise<ArticleEntry[]> {
  const sameTopic = (await articleIndex()).listedByTopic.get(`${langOf(entry)}/${entry.data.topic}`) ?? [];
  const sameType: ArticleEntry[] = [];
  const otherType: ArticleEntry[] = [];
  for (const e of sameTopic) {
    if (e.id === entry.id || !isSearchable(e)) continue;
    (e.data.type === entry.data.type ? sameType : otherType).push(e);
    if (sameType.length >= limit) break;
  }
  return [...sameType, ...otherType].slice(0, limit);
}

/** The same article in the other language, when that version is built. */
export async function translationOf(entry: ArticleEntry, lang: Lang): Promise<ArticleEntry | undefined> {
  return (await articleIndex()).byTranslation.get(`${lang}/${entry.data.translationKey}`);
}

/** Featured articles first, then the most recently reviewed, for the home page. */
export async function popularArticles(lang: Lang, limit = 6): Promise<ArticleEntry[]> {
  const listed = await listedArticles(lang);
  return [...listed.filter((e) => e.data.featured), ...listed.filter((e) => !e.data.featured)].slice(0, limit);
}

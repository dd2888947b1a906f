/**
 * Maps no-result search queries to topics. A search that found nothing names no article, so
 * its topic is guessed from its words: a query belongs to topic T when it contains one of
 * T's terms — the parts of T's names in both languages ("Passwords and recovery" → "password",
 * "recovery"; "密码与找回" → "密码", "找回") and the tags of the articles whose main topic
 * is T. A query may belong to several topics and then counts for each; one that matches no
 * term counts for none. Crude by design, and documented as such in docs/training.md.
 */
import type { ArticleCatalog } from '../../lib/catalog/catalog.ts';
import type { TopicTree } from '../../../core/content/topics.ts';

/** Latin terms shorter than this match too much ("api" is kept as a tag only if ≥ 3). */
const MIN_LATIN = 3;
const MIN_CJK = 2;
const STOP = new Set(['and', 'the', 'for', 'with', 'app', 'data']);

const normalise = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
const isCjk = (s: string) => /[\u3400-\u9fff]/u.test(s);

/** A term's usable form: long enough, plural "s" dropped so "passwords" matches "password". */
function termOf(raw: string): string | null {
  const t = normalise(raw);
  if (!t || STOP.has(t)) return null;
  if (isCjk(t)) return t.length >= MIN_CJK ? t : null;
  if (t.length < MIN_LATIN) return null;
  return t.length > 4 && t.endsWith('s') ? t.slice(0, -1) : t;
}

/** The terms of every topic. */
export function topicTerms(topics: TopicTree | undefined, catalog: ArticleCatalog): Map<string, string[]> {
  const terms = new Map<string, Set<string>>();
  const add = (topic: string, raw: string) => {
    const t = termOf(raw);
    if (!t) return;
    let set = terms.get(topic);
    if (!set) terms.set(topic, (set = new Set()));
    set.add(t);
  };
  for (const topic of topics?.topics ?? []) {
    for (const name of Object.values(topic.name)) {
      for (const part of name.split(/\s+and\s+|[与和及、,，/&()（）]|\s+/u)) add(topic.id, part);
    }
  }
  for (const a of catalog.listed) for (const tag of a.tags) add(a.topic, tag);
  return new Map([...terms].map(([k, v]) => [k, [...v]]));
}

/** No-result searches per topic. */
export function noResultSearchesByTopic(
  queries: ReadonlyArray<{ query: string; searches: number }>,
  terms: ReadonlyMap<string, string[]>,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const q of queries) {
    const text = normalise(q.query);
    for (const [topic, list] of terms) {
      if (list.some((term) => text.includes(term))) counts.set(topic, (counts.get(topic) ?? 0) + q.searches);
    }
  }
  return counts;
}

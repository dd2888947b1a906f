/**
 * The search page's copy of the corpus's Chinese vocabulary (core/search/vocabulary.ts): the
 * shards a question needs, fetched once per page and kept, so the page re-splits Chinese
 * questions against exactly the words /api/suggest knows (core/search/relevance.ts).
 */
import type { KnownWord } from '../../../core/search/relevance.ts';
import { VOCAB_DIR, parseVocabularyShard, shardsForQuery } from '../../../core/search/vocabulary.ts';

/** Fetches one shard's text; an empty string when it cannot (a static copy without it: no re-split). */
export type ShardLoader = (lang: string, shard: number) => Promise<string>;

const fetchShard: ShardLoader = async (lang, shard) => {
  try {
    const res = await fetch(`/${VOCAB_DIR}/${lang}/${shard}.txt`);
    return res.ok ? await res.text() : '';
  } catch {
    return '';
  }
};

/** A language's vocabulary, loaded shard by shard as questions need them. */
export class PageVocabulary {
  private readonly words = new Set<string>();
  private readonly loaded = new Map<number, Promise<void>>();

  constructor(
    private readonly lang: string,
    private readonly load: ShardLoader = fetchShard,
  ) {}

  /** Loads the shards `text` needs and returns the re-split's oracle, or undefined for a question without Chinese. */
  async knownFor(text: string): Promise<KnownWord | undefined> {
    const shards = shardsForQuery(text);
    if (shards.length === 0) return undefined;
    await Promise.all(
      shards.map((shard) => {
        let pending = this.loaded.get(shard);
        if (!pending) {
          pending = this.load(this.lang, shard).then((body) => {
            for (const word of parseVocabularyShard(body)) this.words.add(word);
          });
          this.loaded.set(shard, pending);
        }
        return pending;
      }),
    );
    return (word) => this.words.has(word);
  }
}

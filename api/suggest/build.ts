/**
 * Builds the suggestion index: one lunr index per language over the published public
 * articles, serialised to JSON at build time (`kb-build/suggest-index.json`) so the API
 * only loads it. Text is tokenised by ./tokenize.ts and handed to lunr as ready terms,
 * with lunr's own pipeline emptied: lunr's trimmer strips every non-ASCII character,
 * which is why off-the-shelf lunr finds so little in Chinese.
 */
import lunr from 'lunr';
import { LANGS, type Lang } from '../../core/content/article.ts';
import { tokenize } from './tokenize.ts';
import { NO_SYNONYMS, type Synonyms } from '../../core/search/synonyms.ts';

/** Index format version; the loader rejects other versions. */
export const SUGGEST_INDEX_VERSION = 3;

/** What the index needs of an article. */
export interface SuggestDoc {
  /** `<lang>/<slug>` */
  id: string;
  lang: Lang;
  title: string;
  summary: string;
  tags: string[];
  /** Markdown/MDX body. */
  body: string;
  /** The customers' words for it: redacted subjects of the tickets it solved (docs/search.md). */
  words?: string[];
  url: string;
}

/** How much a match in each field counts, relative to the body (lunr field boosts). */
export const FIELD_BOOSTS = { title: 5, tags: 3, summary: 2, headings: 2, words: 2, body: 1 } as const;

/** BM25 parameters (see SuggestIndexOptions). */
export const BM25_B = 0.5;
export const BM25_K1 = 2;

/** Bodies beyond this many characters add size and time but rarely a better answer. */
export const MAX_BODY_CHARS = 20_000;

/** The shown part of a suggestion, kept beside the index so the API needs nothing else. */
export interface SuggestArticle {
  id: string;
  title: string;
  url: string;
}

/** The serialised index file. */
export interface SerializedSuggestIndex {
  version: typeof SUGGEST_INDEX_VERSION;
  builtAt: string;
  /** Per language: the lunr index, whose refs are positions in `articles`. */
  langs: Partial<Record<Lang, { index: object; articles: SuggestArticle[]; synonyms?: string[][] }>>;
}

/**
 * Markup that is not words: fenced-code markers, MDX imports, tags, link targets, entities.
 * Code itself stays (error names and config keys are what people search for).
 */
export function bodyText(body: string, maxChars = MAX_BODY_CHARS): string {
  return body
    .slice(0, maxChars)
    .replace(/^\s*(?:import|export)\s.*$/gm, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
}

/** The Markdown headings of a body (`## Title`), one per line, for the relevance rule's evidence. */
export function bodyHeadings(body: string, maxChars = MAX_BODY_CHARS): string {
  return [...body.slice(0, maxChars).matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)].map((m) => m[1]).join('\n');
}

/**
 * Ranking knobs. The defaults were tuned on the Astro-docs (zh-CN, en) and StackFAQ
 * judged queries with `npm run eval:search -- --engine suggest`: b 0.5 and k1 2 let long
 * guides compete with short error pages; a title boost above 5 pushed short titles that
 * share one word ahead of the answer.
 */
export interface SuggestIndexOptions {
  /** BM25 length normalisation, 0–1 (lunr's default 0.75). */
  b?: number;
  /** BM25 term-frequency saturation (lunr's default 1.2). */
  k1?: number;
  maxBodyChars?: number;
  boosts?: Partial<Record<keyof typeof FIELD_BOOSTS, number>>;
  /** Synonym groups (content/synonyms.yaml), kept with the index so queries use the build's list. */
  synonyms?: Synonyms;
}

/** One language's lunr index. */
function buildLangIndex(docs: SuggestDoc[], options: SuggestIndexOptions): lunr.Index {
  const builder = new lunr.Builder();
  builder.b(options.b ?? BM25_B);
  builder.k1(options.k1 ?? BM25_K1);
  // Terms arrive final from tokenize(); lunr must not trim, filter or stem them again.
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  // Fields arrive as term arrays; lunr's tokenizer would copy each into a Token with its
  // own metadata object (unused: no metadata is whitelisted), a third of the build time.
  builder.tokenizer = ((terms: string[]) => terms) as unknown as typeof lunr.tokenizer;
  builder.ref('id');
  for (const [field, boost] of Object.entries({ ...FIELD_BOOSTS, ...options.boosts })) builder.field(field, { boost });
  for (const [i, doc] of docs.entries()) {
    builder.add({
      // The position in `articles`: a short ref, repeated in every posting of the JSON.
      id: String(i),
      title: tokenize(doc.title),
      summary: tokenize(doc.summary),
      tags: tokenize(doc.tags.join(' ')),
      headings: tokenize(bodyHeadings(doc.body, options.maxBodyChars)),
      words: tokenize((doc.words ?? []).join('\n')),
      body: tokenize(bodyText(doc.body, options.maxBodyChars), { fast: true }),
    });
  }
  return builder.build();
}

/** Builds the whole serialised index from the articles to suggest. */
export function buildSuggestIndex(docs: SuggestDoc[], builtAt = new Date(), options: SuggestIndexOptions = {}): SerializedSuggestIndex {
  const langs: SerializedSuggestIndex['langs'] = {};
  for (const lang of LANGS) {
    const inLang = docs.filter((d) => d.lang === lang);
    if (!inLang.length) continue;
    langs[lang] = {
      index: buildLangIndex(inLang, options).toJSON(),
      articles: inLang.map((d) => ({ id: d.id, title: d.title, url: d.url })),
      synonyms: (options.synonyms ?? NO_SYNONYMS)[lang],
    };
  }
  return { version: SUGGEST_INDEX_VERSION, builtAt: builtAt.toISOString(), langs };
}

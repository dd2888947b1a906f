/**
 * The relevance rule: does an article plausibly answer a query? One rule for both search
 * engines (the search page over Pagefind, /api/suggest over lunr); each engine only gathers
 * the evidence — which of the query's units an article holds, and where — in its own way.
 * Issue 15 (honest search): answer only when the evidence carries meaning, never a fixed
 * top-k. docs/search.md ("The relevance rule") gives the figures the thresholds were tuned on.
 *
 * The evidence, per query unit (a word, a Chinese word, an error code):
 * - its weight, the unit's rarity in the articles of that language (IDF): a unit no
 *   article holds ("税率", "ipad", "xyzzy") weighs as much as the rarest known one, so a
 *   question about something the help center does not cover cannot be answered by the
 *   common words around it ("设置", "app");
 * - the best field of the article that holds it: title, a heading, the summary, the
 *   customers' own words (ticket subjects), or only the body.
 */
import { normalizeQuery } from './query.ts';
import { CHINESE_FILLERS, ENGLISH_STOPWORDS } from './stopwords.ts';

/** Where an article holds a query unit, strongest first. */
export type EvidenceField = 'title' | 'heading' | 'summary' | 'words' | 'body';

/** How much of a unit's weight a match in each field earns. */
export const FIELD_CREDIT: Record<EvidenceField, number> = { title: 1, heading: 0.9, summary: 0.9, words: 0.9, body: 0.65 };

/** A unit of a query the rule weighs. */
export interface QueryUnit {
  /** Normalised text: a lower-case word, a Chinese word, or an error code as typed ("e-lic-0042"). */
  text: string;
  /** `code`: letters with digits or joined by `-`/`_` (E-LIC-0042, 0x80070005, ERR_SSL_PROTOCOL_ERROR). */
  kind: 'word' | 'cjk' | 'code';
  /** Synonyms (content/synonyms.yaml): an article holding any of them holds the unit. */
  alternatives?: string[];
}

/** What an article holds of one unit. */
export interface UnitEvidence {
  /** The unit's weight (see {@link unitWeight}). */
  weight: number;
  /** The strongest field holding the unit, or null when the article lacks it. */
  field: EvidenceField | null;
  /** The unit is an error code (matched exactly, never by stem or part). */
  code?: boolean;
}

/** The thresholds of the rule; {@link RELEVANCE} holds the tuned values. */
export interface RelevanceThresholds {
  /** Share of the query's weight an answer must cover, with at least one unit beyond the body. */
  answer: number;
  /** Share an article covering its units in the body only must reach. */
  bodyOnly: number;
  /** Share a weak match ("related, may not answer this") must reach. */
  related: number;
  /** An answer must come within this share of the best answer's coverage. */
  spread: number;
  /**
   * A short question has no filler to spare: an answer must also cover `perUnit / units`
   * of it (at most 0.6), so "ipad app" is not answered by an article about the app alone.
   */
  perUnit: number;
  /**
   * In a small help center rarity says little (with 25 articles a word held by one weighs
   * barely less than one held by none), so an answer must also earn this share of the
   * question's weight beyond the body (title, headings, summary, customers' words) unless
   * it reaches `bodyOnly`; the share shrinks as `smallCorpus / articles` above `smallCorpus`
   * articles, where rarity speaks for itself.
   */
  strong: number;
  /** The number of articles up to which `strong` applies in full. */
  smallCorpus: number;
}

/** Tuned with `npm run eval:search` on the question sets of docs/search.md (all of them). */
export const RELEVANCE: RelevanceThresholds = {
  answer: 0.25,
  bodyOnly: 0.4,
  related: 0.15,
  spread: 0.5,
  perUnit: 1,
  strong: 0.25,
  smallCorpus: 50,
};

/** The rule's judgement of one article. */
export interface Judgement {
  /** Share of the query's weight the article covers, field credit included (0–1). */
  coverage: number;
  /** The article holds an error code of the query exactly. */
  codeMatch: boolean;
  verdict: 'answer' | 'related' | 'none';
}

/**
 * A unit's weight from its document frequency among `docCount` articles: ln(1 + N / df).
 * A unit no article holds weighs as much as one held by a single article.
 */
export function unitWeight(df: number, docCount: number): number {
  return Math.log(1 + Math.max(docCount, 1) / (df > 0 ? Math.max(df, 1) : UNKNOWN_DF));
}

/** The document frequency a unit no article holds is weighed at (below 1: it weighs more than any known unit). */
export const UNKNOWN_DF = 0.2;

const CODE = /^(?=.*\d)(?=.*[a-z])[a-z0-9]+(?:[-_.][a-z0-9]+)*$|^[a-z0-9]+(?:_[a-z0-9]+)+$|^\d{3,}$/;
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const LATIN_TOKEN = /[\p{L}\p{N}]+(?:[-_.][\p{L}\p{N}]+)*/gu;
const LONG_FILLERS = CHINESE_FILLERS.filter((f) => f.length > 1);
const SHORT_FILLERS = new Set(CHINESE_FILLERS.filter((f) => f.length === 1));
let segmenter: Intl.Segmenter | undefined;

/** True for a token that reads as an error code, version or identifier rather than a word. */
export function isCode(token: string): boolean {
  return token.length >= 3 && CODE.test(token);
}

/**
 * Does the corpus hold a Chinese word? Given by the engine (its index's document
 * frequency), so a word the segmenter cut across real words can be cut again.
 */
export type KnownWord = (word: string) => boolean;

/** Particles that end a phrase, never a word the re-split takes ("机的" in "司机的"). */
const PARTICLES = new Set(['的', '了', '吗', '呢', '吧', '啊']);

/** The longest word the re-split looks for in the corpus. */
const RESPLIT_MAX = 4;

/**
 * The Chinese words of a run: the segmenter's words of two or more characters, and runs
 * of single characters joined ("构|建" → "构建"), cut at filler words.
 *
 * With `known`, a piece holding a word no article holds is cut again against the corpus:
 * ICU cuts some phrases across words ("构建时报错" as 构建|时报|错, "网站里用" as 网站|里用),
 * and "时报", held by no article, would weigh as a word the help center does not cover
 * ("税率"). The piece is matched from its start, longest word first (4 characters at
 * most), against the words the corpus holds ("构建", "报错"); the characters left over are
 * dropped when they are filler or alone, and kept as a unit otherwise, so a truly unknown
 * word ("税率" in "税率设置") keeps its unknown weight. A piece in which the corpus holds
 * no word stays as the segmenter cut it.
 */
function chineseUnits(run: string, known?: KnownWord): string[] {
  let pieces = [run];
  for (const filler of LONG_FILLERS) pieces = pieces.flatMap((p) => (p.includes(filler) ? p.split(filler) : [p]));
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const piece of pieces) {
    const segments = [...segmenter.segment(piece)].map((s) => s.segment);
    /** The segmenter's words of two characters or more, and runs of single characters joined. */
    const plain = (list: readonly string[]) => {
      let singles = '';
      const flush = () => {
        if (singles.length >= 2) out.push(singles);
        singles = '';
      };
      for (const segment of list) {
        if (SHORT_FILLERS.has(segment)) flush();
        else if (segment.length === 1) singles += segment;
        else {
          flush();
          out.push(segment);
        }
      }
      flush();
    };
    const start = out.length;
    plain(segments);
    // A piece holding a word no article holds is cut again, whole, against the corpus's words.
    if (known && out.slice(start).some((word) => !known(word))) {
      out.length = start;
      resplit(segments, known, plain);
    }
  }
  return out;

  function resplit(span: readonly string[], isKnown: KnownWord, plain: (list: readonly string[]) => void) {
    const text = span.join('');
    const found: Array<{ at: number; word: string }> = [];
    for (let at = 0; at < text.length;) {
      let word = '';
      for (let len = Math.min(RESPLIT_MAX, text.length - at); len >= 2 && !word; len--) {
        const candidate = text.slice(at, at + len);
        // A word does not end in a particle ("机的"): the particle is the cut.
        if (!PARTICLES.has(candidate.at(-1)!) && isKnown(candidate)) word = candidate;
      }
      if (word) {
        found.push({ at, word });
        at += word.length;
      } else at++;
    }
    if (found.length === 0) return plain(span);
    let at = 0;
    const rest = (end: number) => {
      const left = [...text.slice(at, end)].filter((c) => !SHORT_FILLERS.has(c));
      // Characters each held by some article are what is left of a cut across words ("里用"), not a new word.
      if (left.length >= 2 && !left.every((c) => isKnown(c))) out.push(left.join(''));
    };
    for (const f of found) {
      rest(f.at);
      out.push(f.word);
      at = f.at + f.word.length;
    }
    rest(text.length);
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Does normalised `text` hold the word or phrase `form` (a Chinese one anywhere, a Latin one from a word start)? */
function holdsPhrase(text: string, form: string): boolean {
  if (/[\u3400-\u9fff]/.test(form)) return text.includes(form);
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

/**
 * The units of a query, in the order typed, without repeats: English words without stop
 * words, error codes whole, Chinese words without filler. A member of a synonym group
 * (normalised, see core/search/synonyms.ts) found in the query becomes one unit with the
 * group's other members as alternatives, in place of the units it would give alone.
 * `known` (the corpus's Chinese words) re-splits Chinese words no article holds (see
 * chineseUnits).
 */
export function relevanceUnits(text: string, synonyms: readonly (readonly string[])[] = [], known?: KnownWord): QueryUnit[] {
  const units = plainUnits(text, known);
  const normalized = normalizeQuery(text);
  for (const group of synonyms) {
    const member = group.find((m) => holdsPhrase(normalized, m));
    if (!member) continue;
    const covered = new Set(plainUnits(member).map((u) => u.text));
    const at = units.findIndex((u) => covered.has(u.text));
    const unit: QueryUnit = {
      text: member,
      kind: /[\u3400-\u9fff]/.test(member) ? 'cjk' : 'word',
      alternatives: group.filter((m) => m !== member),
    };
    const kept = units.filter((u) => !covered.has(u.text));
    kept.splice(at === -1 ? kept.length : Math.min(at, kept.length), 0, unit);
    units.splice(0, units.length, ...kept);
  }
  return units;
}

function plainUnits(text: string, known?: KnownWord): QueryUnit[] {
  const normalized = normalizeQuery(text);
  const units: QueryUnit[] = [];
  const seen = new Set<string>();
  const add = (unit: QueryUnit) => {
    if (seen.has(unit.text)) return;
    seen.add(unit.text);
    units.push(unit);
  };
  for (const part of normalized.split(/([\u3400-\u9fff\uf900-\ufaff]+)/)) {
    if (!part) continue;
    if (CJK_RUN.test(part)) {
      CJK_RUN.lastIndex = 0;
      for (const word of chineseUnits(part, known)) add({ text: word, kind: 'cjk' });
      continue;
    }
    for (const [token] of part.matchAll(LATIN_TOKEN)) {
      if (isCode(token)) add({ text: token, kind: 'code' });
      else
        for (const word of token.split(/[-_.]/)) {
          if (word.length >= 2 && !ENGLISH_STOPWORDS.has(word)) add({ text: word, kind: 'word' });
        }
    }
  }
  return units;
}

/** Judges one article from what it holds of each query unit. */
export function judge(evidence: readonly UnitEvidence[], docCount = Infinity, thresholds: RelevanceThresholds = RELEVANCE): Judgement {
  const total = evidence.reduce((sum, e) => sum + e.weight, 0);
  if (total <= 0) return { coverage: 0, codeMatch: false, verdict: 'none' };
  let covered = 0;
  let strongCovered = 0;
  let codeMatch = false;
  let codeMiss = false;
  for (const e of evidence) {
    if (e.field === null) {
      if (e.code) codeMiss = true;
      continue;
    }
    covered += e.weight * FIELD_CREDIT[e.field];
    if (e.field !== 'body') strongCovered += e.weight * FIELD_CREDIT[e.field];
    if (e.code) codeMatch = true;
  }
  const coverage = covered / total;
  const strong = strongCovered / total;
  const strongNeeded = thresholds.strong * Math.min(1, thresholds.smallCorpus / Math.max(docCount, 1));
  const beyondBody = strongCovered > 0 && strong >= strongNeeded;
  const needed = Math.max(thresholds.answer, Math.min(0.6, thresholds.perUnit / evidence.length));
  // An exact error code is the strongest evidence there is; a code no article holds means
  // the question is about something the help center does not document.
  const answers = codeMatch || (!codeMiss && (coverage >= Math.max(needed, thresholds.bodyOnly) || (beyondBody && coverage >= needed)));
  return { coverage, codeMatch, verdict: answers ? 'answer' : coverage >= thresholds.related ? 'related' : 'none' };
}

/** Candidates split by the rule, each list in the engine's own order. */
export interface Selection<T> {
  answers: T[];
  related: T[];
}

/** How {@link selectAnswers} judges. */
export interface SelectOptions {
  /** Articles in the engine's index for that language (see {@link RelevanceThresholds.strong}). */
  docCount?: number;
  thresholds?: RelevanceThresholds;
}

/**
 * Applies the rule to ranked candidates. Answers keep the engine's order (ordering them by
 * coverage was tried and measured worse on both engines); an answer far below the best answer's coverage (more than
 * `spread`) is only related: when one article covers the whole question, one covering half
 * of it is not an answer beside it.
 */
export function selectAnswers<T>(
  candidates: ReadonlyArray<{ item: T; evidence: readonly UnitEvidence[] }>,
  { docCount = Infinity, thresholds = RELEVANCE }: SelectOptions = {},
): Selection<T> {
  const judged = candidates.map((c) => ({ item: c.item, judgement: judge(c.evidence, docCount, thresholds) }));
  const best = Math.max(0, ...judged.filter((j) => j.judgement.verdict === 'answer').map((j) => j.judgement.coverage));
  const answers: T[] = [];
  const related: T[] = [];
  for (const { item, judgement } of judged) {
    const close = judgement.codeMatch || judgement.coverage >= best - thresholds.spread;
    if (judgement.verdict === 'answer' && close) answers.push(item);
    else if (judgement.verdict !== 'none') related.push(item);
  }
  return { answers, related };
}

const LATIN_SUFFIX = /(?:ations?|ings?|ed|es|s|e|ly)$/;

/** A light stem for matching an English word inside text: "passwords" → "password", "configure" → "configur". */
export function lightStem(word: string): string {
  const stemmed = word.replace(LATIN_SUFFIX, '');
  return stemmed.length >= 3 ? stemmed : word;
}

/** Does normalised `text` hold `unit` (or one of its alternatives)? Words match by light stem at a word start; codes and Chinese exactly. */
export function textHolds(text: string, unit: QueryUnit): boolean {
  if (unit.alternatives?.length) return [unit.text, ...unit.alternatives].some((form) => formHolds(text, form, unit.kind));
  return formHolds(text, unit.text, unit.kind);
}

function formHolds(text: string, form: string, kind: QueryUnit['kind']): boolean {
  if (kind === 'cjk' || /[\u3400-\u9fff]/.test(form)) return text.includes(form);
  if (form.includes(' ')) return holdsPhrase(text, form);
  const escaped = escapeRegExp(kind === 'word' ? lightStem(form) : form);
  const tail = kind === 'code' ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}${tail}`, 'u').test(text);
}

/** The strongest field of `fields` (normalised texts) that holds `unit`, or null. */
export function fieldHolding(fields: Partial<Record<EvidenceField, string>>, unit: QueryUnit): EvidenceField | null {
  for (const field of ['title', 'heading', 'summary', 'words', 'body'] as const) {
    const text = fields[field];
    if (text && textHolds(text, unit)) return field;
  }
  return null;
}

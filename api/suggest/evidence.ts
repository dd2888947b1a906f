/**
 * The relevance rule's evidence from the suggestion index: for each unit of a query
 * (core/search/relevance.ts), how many articles hold it (its weight) and in which field
 * each candidate holds it. Chinese words are looked up as their character pairs, the way
 * bodies are indexed (./tokenize.ts): a word is held where all its pairs are.
 */
import {
  FIELD_CREDIT,
  type EvidenceField,
  type KnownWord,
  type QueryUnit,
  type UnitEvidence,
  unitWeight,
} from '../../core/search/relevance.ts';
import type { Postings } from './postings.ts';
import { queryTerms, stem } from './tokenize.ts';

/** The rule's field for each field of the lunr index. */
const FIELD_OF: Record<string, EvidenceField> = {
  title: 'title',
  headings: 'heading',
  summary: 'summary',
  tags: 'summary',
  words: 'words',
  body: 'body',
};

/** The index terms one form of a unit is held through: all of them must be there. */
function formTerms(form: string, kind: QueryUnit['kind']): string[] {
  if (kind === 'code') return [form];
  if (/[\u3400-\u9fff]/.test(form)) {
    if (form.length <= 2) return [form];
    const pairs: string[] = [];
    for (let i = 0; i + 1 < form.length; i++) pairs.push(form.slice(i, i + 2));
    return [...new Set(pairs)];
  }
  if (!form.includes(' ') && /^[a-z]+$/.test(form)) return [stem(form)];
  return queryTerms(form);
}

/**
 * Does some article hold a Chinese word? A pair of characters is indexed as such; a longer
 * word only counts when indexed whole (a segmenter's word of some article), not when its
 * pairs merely occur somewhere. The relevance rule re-splits a word no article holds
 * against these (core/search/relevance.ts).
 */
export function corpusWord(postings: Postings): KnownWord {
  return (word) => postings.presence([word], []).df > 0;
}

/** One unit across the index: its weight and, per candidate (by position), its strongest field or null. */
export interface UnitPresence {
  unit: QueryUnit;
  weight: number;
  fields: Array<EvidenceField | null>;
}

/** Best field of a bit mask over `postings.fields`. */
function bestField(mask: number, names: readonly string[]): EvidenceField | null {
  let best: EvidenceField | null = null;
  for (let i = 0; i < names.length; i++) {
    if (!(mask & (1 << i))) continue;
    const field = FIELD_OF[names[i]!] ?? 'body';
    if (best === null || FIELD_CREDIT[field] > FIELD_CREDIT[best]) best = field;
  }
  return best;
}

/**
 * Where the index holds each unit, for the candidates judged (see the module comment). A
 * unit's document frequency adds up those of its forms (itself and its synonyms).
 */
export function unitPresence(
  postings: Postings,
  units: readonly QueryUnit[],
  candidates: readonly number[],
  docCount: number,
): UnitPresence[] {
  return units.map((unit) => {
    const fields: Array<EvidenceField | null> = candidates.map(() => null);
    let df = 0;
    const take = (terms: string[]) => {
      if (!terms.length) return 0;
      const { df: formDf, masks } = postings.presence(terms, candidates);
      masks.forEach((mask, c) => {
        if (mask < 0) return;
        // All terms in one field earn that field; terms spread over fields only the body's credit.
        const field = bestField(mask, postings.fields) ?? 'body';
        const known = fields[c];
        if (!known || FIELD_CREDIT[field] > FIELD_CREDIT[known]) fields[c] = field;
      });
      return formDf;
    };
    for (const form of [unit.text, ...(unit.alternatives ?? [])]) {
      let formDf = take(formTerms(form, unit.kind));
      // A long Chinese word in a title or summary is also indexed whole.
      if (/[\u3400-\u9fff]/.test(form) && form.length > 2) formDf = Math.max(formDf, take([form]));
      df += formDf;
    }
    return { unit, weight: unitWeight(Math.min(df, docCount), docCount), fields };
  });
}

/** The evidence of the candidate at position `c`. */
export function evidenceOf(c: number, presence: readonly UnitPresence[]): UnitEvidence[] {
  return presence.map((p) => ({ weight: p.weight, field: p.fields[c] ?? null, code: p.unit.kind === 'code' }));
}

/**
 * The relevance rule's evidence from the suggestion index: for each unit of a query
 * (core/search/relevance.ts), how many articles hold it (its weight) and in which field
 * each candidate holds it. Chinese words are looked up as their character pairs, the way
 * bodies are indexed (./tokenize.ts): a word is held where all its pairs are.
 */
import { FIELD_CREDIT, type EvidenceField, type QueryUnit, type UnitEvidence, unitWeight } from '../../core/search/relevance.ts';
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

/** One unit across the index: its weight and, per document holding it, its strongest field. */
interface UnitPresence {
  unit: QueryUnit;
  weight: number;
  fields: Map<number, EvidenceField>;
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

/** Where the index holds each unit (see the module comment). */
export function unitPresence(postings: Postings, units: readonly QueryUnit[], docCount: number): UnitPresence[] {
  return units.map((unit) => {
    const fields = new Map<number, EvidenceField>();
    const better = (doc: number, field: EvidenceField) => {
      const known = fields.get(doc);
      if (!known || FIELD_CREDIT[field] > FIELD_CREDIT[known]) fields.set(doc, field);
    };
    for (const form of [unit.text, ...(unit.alternatives ?? [])]) {
      const terms = formTerms(form, unit.kind);
      if (!terms.length) continue;
      const perTerm = terms.map((term) => postings.fieldMasks(term)).sort((a, b) => a.size - b.size);
      const [first, ...rest] = perTerm;
      for (const [doc, mask] of first ?? []) {
        let together = mask;
        let everywhere = true;
        for (const masks of rest) {
          const other = masks.get(doc);
          if (other === undefined) {
            everywhere = false;
            break;
          }
          together &= other;
        }
        // All terms in one field earn that field; terms spread over fields only the body's credit.
        if (everywhere) better(doc, bestField(together, postings.fields) ?? 'body');
      }
      // A long Chinese word in a title or summary is also indexed whole.
      if (/[\u3400-\u9fff]/.test(form) && form.length > 2) {
        for (const [doc, mask] of postings.fieldMasks(form)) {
          const field = bestField(mask, postings.fields);
          if (field) better(doc, field);
        }
      }
    }
    return { unit, weight: unitWeight(fields.size, docCount), fields };
  });
}

/** A document's evidence for the rule. */
export function evidenceOf(doc: number, presence: readonly UnitPresence[]): UnitEvidence[] {
  return presence.map((p) => ({ weight: p.weight, field: p.fields.get(doc) ?? null, code: p.unit.kind === 'code' }));
}

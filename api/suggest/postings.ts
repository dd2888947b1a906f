/**
 * lunr's scoring, answered from compact postings. lunr scores a document as the sum over
 * its fields of `queryVector · fieldVector / |queryVector|`: the field vector holds each
 * term's BM25 weight times the field boost, and |queryVector| is √(query terms the index
 * knows). lunr's own query path keeps the index as millions of small objects and walks
 * them per query: at 5,000 articles that measured p99 193 ms and 762 MB peak RSS.
 *
 * Here the field vectors of the serialised lunr index are turned into one posting list
 * per term (document, summed field weights) in typed arrays when the index is loaded, so a
 * query only adds up the postings of its own terms. Scores equal lunr's
 * (tests/unit/suggest-ranking.test.ts checks it against lunr.Index#query).

/** The parts of lunr's serialised index (lunr.Index#toJSON) read here. */
interface SerializedLunr {
  invertedIndex: Array<[string, { _index: number }]>;
  fieldVectors: Array<[string, number[]]>;
}

/** A document and its score. */
export interface ScoredDoc {
  /** The lunr ref: a position in the index's article list. */
  doc: number;
  score: number;
}

/** Term-at-a-time scorer over one language's index. */
export class Postings {
  private readonly termIds = new Map<string, number>();
  /** Postings of term t are entries offsets[t] … offsets[t + 1] - 1. */
  private readonly offsets: Uint32Array;
  private readonly docs: Uint32Array;
  private readonly weights: Float32Array;
  /** The field of each posting, as a position in `fields`. */
  private readonly fieldIds: Uint8Array;
  /** Field names, in the order first seen. */
  readonly fields: string[] = [];
  private readonly scratch: Float64Array;
  /** Distinct documents holding each term. */
  private readonly dfs: Uint32Array;
  // Scratch of presence(), one slot per document, kept zeroed (or -1) between calls.
  private readonly counts: Uint8Array;
  private readonly seenAt: Int32Array;
  private readonly candidateAt: Int32Array;
  private stamp = 0;

  constructor(serialized: SerializedLunr, docCount: number) {
    let terms = 0;
    for (const [term, posting] of serialized.invertedIndex) {
      this.termIds.set(term, posting._index);
      terms = Math.max(terms, posting._index + 1);
    }
    // Two passes over the field vectors: count each term's entries, then fill them in.
    const counts = new Uint32Array(terms + 1);
    for (const [, elements] of serialized.fieldVectors) {
      for (let i = 0; i < elements.length; i += 2) counts[elements[i]! + 1]!++;
    }
    this.offsets = new Uint32Array(terms + 1);
    for (let t = 1; t <= terms; t++) this.offsets[t] = this.offsets[t - 1]! + counts[t]!;
    this.docs = new Uint32Array(this.offsets[terms]!);
    this.weights = new Float32Array(this.offsets[terms]!);
    this.fieldIds = new Uint8Array(this.offsets[terms]!);
    const next = this.offsets.slice(0, terms);
    for (const [fieldRef, elements] of serialized.fieldVectors) {
      const slash = fieldRef.indexOf('/');
      const doc = Number(fieldRef.slice(slash + 1));
      const fieldName = fieldRef.slice(0, slash);
      let fieldId = this.fields.indexOf(fieldName);
      if (fieldId === -1) fieldId = this.fields.push(fieldName) - 1;
      for (let i = 0; i < elements.length; i += 2) {
        const slot = next[elements[i]!]!++;
        this.docs[slot] = doc;
        this.weights[slot] = elements[i + 1]!;
        this.fieldIds[slot] = fieldId;
      }
    }
    this.scratch = new Float64Array(docCount);
    this.counts = new Uint8Array(docCount);
    this.seenAt = new Int32Array(docCount).fill(-1);
    this.candidateAt = new Int32Array(docCount).fill(-1);
    this.dfs = new Uint32Array(terms);
    for (let t = 0; t < terms; t++) this.dfs[t] = this.distinctDocs(t);
  }

  private distinctDocs(t: number): number {
    const stamp = ++this.stamp;
    let n = 0;
    for (let i = this.offsets[t]!, end = this.offsets[t + 1]!; i < end; i++) {
      const doc = this.docs[i]!;
      if (this.seenAt[doc] !== stamp) {
        this.seenAt[doc] = stamp;
        n++;
      }
    }
    return n;
  }

  /**
   * How many documents hold every one of `terms` (in any fields), and for each of
   * `candidates` the field mask holding all of them together (bit i is `fields[i]`; 0 when
   * they are spread over fields), or -1 when the candidate lacks one. The relevance rule's
   * evidence (core/search/relevance.ts), in passes over typed arrays: no per-query maps.
   */
  presence(terms: readonly string[], candidates: readonly number[]): { df: number; masks: Int32Array } {
    const masks = new Int32Array(candidates.length).fill(-1);
    const ids = [...new Set(terms)].map((term) => this.termIds.get(term));
    if (ids.length === 0 || ids.some((t) => t === undefined)) return { df: 0, masks };
    const termIds = ids as number[];
    let df = 0;
    if (termIds.length === 1) df = this.dfs[termIds[0]!]!;
    else {
      for (const t of termIds) {
        const stamp = ++this.stamp;
        for (let i = this.offsets[t]!, end = this.offsets[t + 1]!; i < end; i++) {
          const doc = this.docs[i]!;
          if (this.seenAt[doc] === stamp) continue;
          this.seenAt[doc] = stamp;
          if (++this.counts[doc]! === termIds.length) df++;
        }
      }
      for (const t of termIds) for (let i = this.offsets[t]!, end = this.offsets[t + 1]!; i < end; i++) this.counts[this.docs[i]!] = 0;
    }
    candidates.forEach((doc, c) => (this.candidateAt[doc] = c));
    const together = new Int32Array(candidates.length).fill(-1);
    const termMask = new Int32Array(candidates.length);
    for (const t of termIds) {
      termMask.fill(0);
      for (let i = this.offsets[t]!, end = this.offsets[t + 1]!; i < end; i++) {
        const c = this.candidateAt[this.docs[i]!]!;
        if (c >= 0) termMask[c]! |= 1 << this.fieldIds[i]!;
      }
      for (let c = 0; c < candidates.length; c++) together[c] = termMask[c] === 0 ? 0 : together[c]! & termMask[c]!;
      // A candidate that lacks this term is marked by a zero mask below.
      for (let c = 0; c < candidates.length; c++) if (termMask[c] === 0) masks[c] = -2;
    }
    for (const doc of candidates) this.candidateAt[doc] = -1;
    for (let c = 0; c < candidates.length; c++) masks[c] = masks[c] === -2 ? -1 : together[c]! >>> 0;
    return { df, masks };
  }

  /**
   * The best `top` documents matching any of `terms`, best first (ties: lower ref first).
   * Selecting the top few instead of sorting every match keeps common terms cheap.
   */
  search(terms: string[], top = Infinity): ScoredDoc[] {
    const touched: number[] = [];
    const scores = this.scratch;
    let known = 0;
    for (const term of new Set(terms)) {
      const t = this.termIds.get(term);
      if (t === undefined) continue;
      known++;
      for (let i = this.offsets[t]!, end = this.offsets[t + 1]!; i < end; i++) {
        const doc = this.docs[i]!;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc]! += this.weights[i]!;
      }
    }
    const norm = Math.sqrt(known);
    const better = (a: ScoredDoc, b: ScoredDoc) => b.score - a.score || a.doc - b.doc;
    let results: ScoredDoc[];
    if (touched.length <= top) {
      results = touched.map((doc) => ({ doc, score: scores[doc]! / norm })).sort(better);
    } else {
      // Insertion into a short sorted list: one comparison per match that cannot enter it.
      results = [];
      for (const doc of touched) {
        const score = scores[doc]! / norm;
        const last = results[results.length - 1];
        if (results.length === top && last && (score < last.score || (score === last.score && doc > last.doc))) continue;
        const entry = { doc, score };
        let i = results.length;
        while (i > 0 && better(entry, results[i - 1]!) < 0) i--;
        results.splice(i, 0, entry);
        if (results.length > top) results.pop();
      }
    }
    for (const doc of touched) scores[doc] = 0;
    return results;
  }

  /**
   * Where each document holds `term`: document → bit mask of field positions (bit i is
   * `fields[i]`). The relevance rule's evidence (core/search/relevance.ts).
   */
  fieldMasks(term: string): Map<number, number> {
    const masks = new Map<number, number>();
    const t = this.termIds.get(term);
    if (t === undefined) return masks;
    for (let i = this.offsets[t]!, end = this.offsets[t + 1]!; i < end; i++) {
      const doc = this.docs[i]!;
      masks.set(doc, (masks.get(doc) ?? 0) | (1 << this.fieldIds[i]!));
    }
    return masks;
  }

  /** Entries held, for sizing. */
  get size(): number {
    return this.docs.length;
  }
}

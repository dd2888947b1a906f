import { describe, expect, it } from 'vitest';
import {
  fieldHolding,
  isCode,
  judge,
  relevanceUnits,
  selectAnswers,
  unitWeight,
  type EvidenceField,
  type QueryUnit,
} from '../../core/search/relevance.ts';

/**
 * A tiny corpus of 4 articles, as normalised fields. Weights are ln(1 + 4 / df), and
 * ln(1 + 4 / 0.2) = 3.04 for a unit no article holds.
 */
const corpus: Record<string, Partial<Record<EvidenceField, string>>> = {
  reset: { title: 'i forgot my password. how do i reset it?', body: 'open the sign-in page and choose forgot password.' },
  activation: { title: 'activation fails with "e-lic-0042 activation code already in use"', body: 'release the code on the old computer.' },
  export: { title: 'how many rows can i export to excel?', body: 'exports stop at one million rows. the app splits bigger exports.' },
  mobile: { title: 'the mobile app is stuck on syncing', body: 'check the app version and the connection.' },
};

/** Judges every article of the corpus for `query`, in the corpus's order. */
function ask(query: string) {
  const units = relevanceUnits(query);
  const docs = Object.entries(corpus);
  const weights = units.map((unit) => unitWeight(docs.filter(([, f]) => fieldHolding(f, unit)).length, docs.length));
  const candidates = docs.map(([id, fields]) => ({
    item: id,
    evidence: units.map((unit: QueryUnit, i) => ({ weight: weights[i]!, field: fieldHolding(fields, unit), code: unit.kind === 'code' })),
  }));
  return selectAnswers(candidates);
}

describe('relevanceUnits', () => {
  it('drops English stop words and keeps error codes whole', () => {
    expect(relevanceUnits('How do I fix E-LIC-0042?')).toEqual([
      { text: 'fix', kind: 'word' },
      { text: 'e-lic-0042', kind: 'code' },
    ]);
  });
  it('cuts Chinese at filler words into words', () => {
    expect(relevanceUnits('税率设置怎么办').map((u) => u.text)).toEqual(['税率', '设置']);
  });
  it('drops Chinese function words ("一个", "只有", "可以")', () => {
    expect(relevanceUnits('写一个返回 JSON 的接口').map((u) => u.text)).toEqual(['返回', 'json', '接口']);
    expect(relevanceUnits('只有登录后才能看').map((u) => u.text)).not.toContain('只有');
  });
  it('reads codes, versions and identifiers as codes, words as words', () => {
    expect(['e-lic-0042', '0x80070005', 'err_ssl_protocol_error', '1603'].every(isCode)).toBe(true);
    expect(['password', 'node', '42'].some(isCode)).toBe(false);
  });
});

describe('re-splitting Chinese words no article holds', () => {
  const vocabulary = new Set(['构建', '报错', '设置', '找不到', '密码']);
  const known = (word: string) => vocabulary.has(word);
  it('cuts a phrase the segmenter split across words against the corpus ("构建时报错")', () => {
    expect(relevanceUnits('构建时报错').map((u) => u.text)).toEqual(['构建', '时报']);
    expect(relevanceUnits('构建时报错找不到 sharp 怎么办', [], known).map((u) => u.text)).toEqual(['构建', '报错', '找不到', 'sharp']);
  });
  it('keeps a truly unknown word whole, so it keeps its unknown weight ("税率")', () => {
    expect(relevanceUnits('税率设置怎么办', [], known).map((u) => u.text)).toEqual(['税率', '设置']);
  });
});

describe('the relevance rule', () => {
  it('answers a natural question with its article first', () => {
    expect(ask('how do I reset my password').answers[0]).toBe('reset');
  });

  it('answers an off-topic question with nothing', () => {
    expect(ask('how do I change the PIN of my bank card').answers).toEqual([]);
    expect(ask('xyzzy frobnicate')).toEqual({ answers: [], related: [] });
  });

  it('lets an exact error code win over articles sharing only common words', () => {
    expect(ask('activation code error E-LIC-0042').answers).toEqual(['activation']);
  });

  it('answers nothing when the question names an error code no article holds', () => {
    expect(ask('activation code E-PAY-7781').answers).toEqual([]);
  });

  it('does not answer a short question by its common word alone ("ipad app")', () => {
    // ipad: unknown, 3.04; app: df 2, ln 3 = 1.10. The mobile article covers 1.10 / 4.14 = 0.27 of it.
    const { answers, related } = ask('ipad app');
    expect(answers).toEqual([]);
    expect(related).toContain('mobile');
  });

  it('credits a title match above a body-only match', () => {
    const units = [{ weight: 1, field: 'title' as const }];
    expect(judge(units).coverage).toBeGreaterThan(judge([{ weight: 1, field: 'body' }]).coverage);
  });

  it('in a small help center, asks an answer to earn a share of the question beyond the body', () => {
    // Title 1 of 10 (0.1 beyond the body), body 4 (× 0.65), 5 missing: coverage 0.36.
    const evidence = [
      { weight: 1, field: 'title' as const },
      { weight: 4, field: 'body' as const },
      { weight: 5, field: null },
    ];
    expect(judge(evidence, 20).verdict).toBe('related');
    expect(judge(evidence, 1000).verdict).toBe('answer');
    // A body covering enough of the question still answers, however small the help center.
    expect(
      judge(
        [
          { weight: 1, field: 'title' },
          { weight: 6, field: 'body' },
          { weight: 2, field: null },
        ],
        20,
      ).verdict,
    ).toBe('answer');
  });

  it('judges a query with no weight as no answer', () => {
    expect(judge([]).verdict).toBe('none');
  });
});

describe('fieldHolding', () => {
  it('matches English words by stem at a word start, codes and Chinese exactly', () => {
    expect(fieldHolding({ body: 'the exports stop' }, { text: 'export', kind: 'word' })).toBe('body');
    expect(fieldHolding({ title: 'passwords' }, { text: 'password', kind: 'word' })).toBe('title');
    expect(fieldHolding({ body: 'e-lic-00421' }, { text: 'e-lic-0042', kind: 'code' })).toBeNull();
    expect(fieldHolding({ summary: '重置登录密码' }, { text: '密码', kind: 'cjk' })).toBe('summary');
  });
});

import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { buildSuggestIndex } from '../../api/suggest/build.ts';
import { Postings } from '../../api/suggest/postings.ts';
import { SuggestIndex } from '../../api/suggest/search.ts';
import { queryTerms } from '../../api/suggest/tokenize.ts';
import { suggestFixture } from '../fixtures/suggest/articles.ts';

// Through JSON, as the API loads it from the build.
const index = new SuggestIndex(JSON.parse(JSON.stringify(buildSuggestIndex(suggestFixture))));
const ids = (q: string, lang: 'zh-CN' | 'en') => index.search(q, lang, 5).map((r) => r.article);

describe('suggestion ranking', () => {
  it('finds a Chinese word written inside a sentence', () => {
    expect(ids('我的项目构建失败了', 'zh-CN')[0]).toBe('zh-CN/build-errors');
  });

  it('finds a Chinese article from a question full of filler words', () => {
    expect(ids('请问忘记密码该怎么办', 'zh-CN')[0]).toBe('zh-CN/reset-password');
  });

  it('answers a question the segmenter cuts across words ("构建时报错": 时报 is in no article, 报错 is)', () => {
    const withErrors = suggestFixture.map((d) => (d.id === 'zh-CN/build-errors' ? { ...d, body: `${d.body}构建报错时先看日志。` } : d));
    const resplit = new SuggestIndex(JSON.parse(JSON.stringify(buildSuggestIndex(withErrors))));
    expect(index.search('构建时报错', 'zh-CN', 5)).toEqual([]);
    expect(resplit.search('构建时报错', 'zh-CN', 5).map((s) => s.article)[0]).toBe('zh-CN/build-errors');
  });
  it('ranks a Chinese title match above a body match', () => {
    expect(ids('密码', 'zh-CN')).toEqual(['zh-CN/reset-password', 'zh-CN/printer-setup']);
  });

  it('ranks an English title match above a body match', () => {
    expect(ids('password', 'en')).toEqual(['en/reset-password', 'en/printer-setup']);
  });

  it('finds an English inflection through stemming', () => {
    expect(ids('exporting a report', 'en')[0]).toBe('en/export-reports');
    expect(ids('printers', 'en')[0]).toBe('en/printer-setup');
  });

  it('finds an article by its tags', () => {
    expect(ids('spreadsheet', 'en')).toEqual(['en/export-reports']);
  });

  it('only suggests articles in the language asked for', () => {
    expect(ids('sharp', 'en')).toEqual([]);
    expect(ids('sharp', 'zh-CN')).toEqual(['zh-CN/build-errors']);
  });

  it('returns nothing for a query of stop words only', () => {
    expect(ids('how do I', 'en')).toEqual([]);
  });

  it('returns at most the limit, with title, url and a score', () => {
    const results = index.search('password printer reports', 'en', 2);
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({
      url: expect.stringMatching(/^\/en\/articles\//),
      title: expect.any(String),
      score: expect.any(Number),
    });
  });

  it('leaves out articles the caller does not accept', () => {
    expect(index.search('password', 'en', 5, (id) => id !== 'en/reset-password').map((r) => r.article)).toEqual(['en/printer-setup']);
  });

  it("scores exactly as lunr's own query does", () => {
    const serialized = buildSuggestIndex(suggestFixture).langs.en!;
    const postings = new Postings(serialized.index as never, serialized.articles.length);
    const lunrIndex = lunr.Index.load(serialized.index);
    for (const q of ['password', 'reset password printer', 'exported reports csv', 'stuck print jobs']) {
      const terms = queryTerms(q);
      const expected = lunrIndex.query((query) => query.term(terms, { usePipeline: false })).map((h) => [Number(h.ref), h.score]);
      const actual = postings.search(terms).map((h) => [h.doc, h.score]);
      expect(actual.map(([doc]) => doc)).toEqual(expected.map(([doc]) => doc));
      actual.forEach(([, score], i) => expect(score).toBeCloseTo(expected[i]![1]!, 5));
    }
  });

  it('rejects an index file of another version', () => {
    expect(() => new SuggestIndex({ version: 99, builtAt: '', langs: {} } as never)).toThrow(/version 3/);
  });
});

describe('postings top-k selection', () => {
  it('returns the same best documents as a full ranking', () => {
    const serialized = buildSuggestIndex(suggestFixture).langs['zh-CN']!;
    const postings = new Postings(serialized.index as never, serialized.articles.length);
    const terms = queryTerms('密码 打印 构建');
    expect(postings.search(terms, 2)).toEqual(postings.search(terms).slice(0, 2));
  });
});

import { describe, expect, it } from 'vitest';
import { resultArticleId } from '../../scripts/lib/eval/engines/pagefind.ts';
import { firstHitRank, meanReciprocalRank, recallAtK, summarizeByLang, type JudgedQuery } from '../../scripts/lib/eval/metrics.ts';
import { parseQueryLines, QueryFileError } from '../../scripts/lib/eval/queries.ts';
import { medianMs } from '../../scripts/lib/eval/report.ts';
import type { QueryOutcome } from '../../scripts/lib/eval/run.ts';

// Four queries whose first hits sit at ranks 1, 3, 2 and nowhere.
const judged: JudgedQuery[] = [
  { lang: 'en', expected: ['en/a'], returned: ['en/a', 'en/b', 'en/c'] },
  { lang: 'en', expected: ['en/x'], returned: ['en/b', 'en/c', 'en/x'] },
  { lang: 'zh-CN', expected: ['zh-CN/y', 'zh-CN/z'], returned: ['zh-CN/b', 'zh-CN/z', 'zh-CN/y'] },
  { lang: 'zh-CN', expected: ['zh-CN/w'], returned: [] },
];

describe('firstHitRank', () => {
  it('gives the 1-based rank of the first expected id', () => {
    expect(firstHitRank(['en/x'], ['en/b', 'en/c', 'en/x'])).toBe(3);
  });
  it('takes the best-placed id when several are expected', () => {
    expect(firstHitRank(['zh-CN/y', 'zh-CN/z'], ['zh-CN/b', 'zh-CN/z', 'zh-CN/y'])).toBe(2);
  });
  it('is null when no expected id is returned', () => {
    expect(firstHitRank(['en/w'], ['en/a'])).toBeNull();
  });
});

describe('recallAtK', () => {
  it('counts a query once its first hit is within k', () => {
    expect(recallAtK(judged, 1)).toBe(1 / 4);
    expect(recallAtK(judged, 2)).toBe(2 / 4);
    expect(recallAtK(judged, 3)).toBe(3 / 4);
    expect(recallAtK(judged, 5)).toBe(3 / 4);
  });
  it('is 0 for an empty set of queries', () => {
    expect(recallAtK([], 5)).toBe(0);
  });
  it('rejects a k that is not a positive integer', () => {
    expect(() => recallAtK(judged, 0)).toThrow(RangeError);
  });
});

describe('meanReciprocalRank', () => {
  it('averages 1/rank, counting a query with no hit as 0', () => {
    // (1/1 + 1/3 + 1/2 + 0) / 4 = (11/6) / 4 = 11/24
    expect(meanReciprocalRank(judged)).toBeCloseTo(11 / 24, 12);
  });
  it('looks past k: a hit at rank 10 still counts 1/10', () => {
    const late = Array.from({ length: 10 }, (_, i) => `en/p${i + 1}`);
    expect(meanReciprocalRank([{ lang: 'en', expected: ['en/p10'], returned: late }])).toBeCloseTo(0.1, 12);
  });
});

describe('summarizeByLang', () => {
  it('gives each language and all queries their own figures', () => {
    const summaries = summarizeByLang(judged, 2);
    expect(summaries.get('en')).toEqual({
      queries: 2,
      unanswerable: 0,
      emptyOnUnanswerable: 0,
      recallAt1: 0.5,
      recallAtK: 0.5,
      k: 2,
      mrr: (1 + 1 / 3) / 2,
    });
    expect(summaries.get('zh-CN')).toEqual({
      queries: 2,
      unanswerable: 0,
      emptyOnUnanswerable: 0,
      recallAt1: 0,
      recallAtK: 0.5,
      k: 2,
      mrr: 0.5 / 2,
    });
    expect(summaries.get('all')).toMatchObject({ queries: 4, recallAt1: 0.25, recallAtK: 0.5 });
  });
});

describe('parseQueryLines', () => {
  it('reads the help center format and skips blank lines', () => {
    const text = '{"lang":"zh-CN","text":"找不到 sharp","expected":["zh-CN/reference-errors-missing-sharp"]}\n\n';
    expect(parseQueryLines(text, 'q.jsonl')).toEqual([
      { lang: 'zh-CN', text: '找不到 sharp', expected: ['zh-CN/reference-errors-missing-sharp'], source: 'q.jsonl:1' },
    ]);
  });
  it('maps a StackFAQ line to the English FAQ article of its thread', () => {
    const [query] = parseQueryLines('{"query_id":"T001-Q0","text":"Delete my account?","thread_id":"T001"}', 'dev.jsonl');
    expect(query).toMatchObject({ lang: 'en', expected: ['en/faq-t001'] });
  });
  it('rejects the whole file and names every bad line', () => {
    const text = [
      '{"lang":"en","text":"ok","expected":["en/install-and-setup"]}',
      '{"lang":"en","text":"broken"',
      '{"lang":"fr","text":"x","expected":["en/a"]}',
    ].join('\n');
    let error: unknown;
    try {
      parseQueryLines(text, 'q.jsonl');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QueryFileError);
    expect((error as QueryFileError).problems.map((p) => p.line)).toEqual([2, 3]);
  });
  it('rejects an expected id in another language than the query', () => {
    expect(() => parseQueryLines('{"lang":"en","text":"x","expected":["zh-CN/a"]}', 'q.jsonl')).toThrow(/query language/);
  });
  it('rejects a query with no expected article', () => {
    expect(() => parseQueryLines('{"lang":"en","text":"x","expected":[]}', 'q.jsonl')).toThrow(/at least one/);
  });
  it('rejects a file with no queries', () => {
    expect(() => parseQueryLines('\n', 'q.jsonl')).toThrow(/no queries/);
  });
});

describe('resultArticleId', () => {
  it('prefers data-article', () => {
    expect(resultArticleId({ article: 'en/routing', href: '/en/articles/other/' })).toBe('en/routing');
  });
  it('falls back to the article link', () => {
    expect(resultArticleId({ article: null, href: '/zh-CN/articles/guides-deploy-github/?highlight=x' })).toBe(
      'zh-CN/guides-deploy-github',
    );
  });
  it('is null when neither names an article', () => {
    expect(resultArticleId({ article: '', href: '/en/topics/deploy/' })).toBeNull();
  });
});

describe('medianMs', () => {
  const outcome = (ms: number): QueryOutcome => ({
    lang: 'en',
    text: 'q',
    source: 'queries.txt:1',
    expected: ['en/a'],
    returned: [],
    rank: null,
    ms,
  });

  it('rounds the median of an even count to whole milliseconds', () => {
    // Sorted 3, 4, 8, 20: (4 + 8) ÷ 2 = 6; sorted 3, 4: 3.5 → 4
    expect(medianMs([20, 3, 8, 4].map(outcome))).toBe(6);
    expect(medianMs([4, 3].map(outcome))).toBe(4);
  });

  it('is 0 when no query ran', () => {
    expect(medianMs([])).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeQuery, chineseBigrams, normalizeQuery } from '../../core/search/query.ts';

describe('search query analysis', () => {
  it('normalises width, case and spaces', () => {
    expect(normalizeQuery('  ＳＨＡＲＰ   Error ')).toBe('sharp error');
  });

  it('drops English question words and keeps the problem', () => {
    expect(analyzeQuery('How do I reset my password?').terms).toEqual(['reset', 'password']);
  });

  it('cuts Chinese questions at filler words and keeps Latin terms', () => {
    expect(analyzeQuery('为什么导出的报表是空白的 sharp').terms).toEqual(['导出', '报表', '空白', 'sharp']);
  });

  it('keeps words that contain a filler character', () => {
    expect(analyzeQuery('打印的时间不对').terms).toEqual(['打印', '时间不对']);
    expect(analyzeQuery('目的地址').terms).toEqual(['目的地址']);
  });

  it('separates Chinese and Latin written together', () => {
    expect(analyzeQuery('sharp报错').terms).toEqual(['sharp', '报错']);
  });

  it('treats Chinese punctuation as a separator', () => {
    expect(analyzeQuery('导出数据，打印报表').terms).toHaveLength(2);
  });

  it('keeps a query made only of filler, so something is still searched', () => {
    expect(analyzeQuery('怎么办').terms).toEqual(['怎么办']);
  });

  it('returns no terms for blank input', () => {
    expect(analyzeQuery('   ').terms).toEqual([]);
  });

  it('removes duplicate terms', () => {
    expect(analyzeQuery('printer printer driver').terms).toEqual(['printer', 'driver']);
  });

  it('makes character pairs of Chinese runs for the broadest retry', () => {
    expect(chineseBigrams('报错找不到')).toEqual(['报错', '错找', '找不', '不到']);
    expect(chineseBigrams('打印')).toEqual(['打印']);
  });
});

describe('chinese words', () => {
  it('returns the multi-character words of a phrase, never the phrase itself', async () => {
    const { chineseWords } = await import('../../core/search/query.ts');
    const words = chineseWords('打印预览空白');
    expect(words.every((w) => w.length >= 2 && '打印预览空白'.includes(w) && w !== '打印预览空白')).toBe(true);
    expect(chineseWords('打印')).toEqual([]);
  });
});

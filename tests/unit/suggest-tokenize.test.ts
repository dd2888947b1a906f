import { describe, expect, it } from 'vitest';
import { guessLang, queryTerms, tokenize } from '../../api/suggest/tokenize.ts';

describe('suggestion tokeniser', () => {
  it('indexes a Chinese phrase as character bigrams, so a word the segmenter splits still matches', () => {
    expect(tokenize('构建')).toContain('构建');
    expect(tokenize('项目构建失败')).toEqual(expect.arrayContaining(['项目', '目构', '构建', '建失', '失败']));
  });

  it('keeps segmenter words longer than two characters as terms of their own', () => {
    expect(tokenize('中华人民共和国')).toContain('共和国');
  });

  it('drops Chinese filler words from questions', () => {
    const terms = queryTerms('密码忘了怎么办');
    expect(terms).toContain('密码');
    expect(terms.some((t) => t.includes('怎么'))).toBe(false);
  });

  it('drops English stop words and stems the rest', () => {
    expect(queryTerms('How do I reset my passwords?')).toEqual(['reset', 'password']);
  });

  it('splits mixed scripts into Latin words and Chinese terms', () => {
    expect(queryTerms('sharp报错')).toEqual(['sharp', '报错']);
  });

  it('guesses Chinese for text that is mostly Chinese characters, even with English words in it', () => {
    expect(guessLang('构建时报错找不到 sharp')).toBe('zh-CN');
    expect(guessLang('Build fails: cannot find sharp')).toBe('en');
  });
});

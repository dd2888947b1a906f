import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSynonyms, parseSynonyms } from '../../core/search/synonyms.ts';
import { relevanceUnits } from '../../core/search/relevance.ts';
import { checkSynonyms } from '../../scripts/lib/check/synonyms.ts';
import { buildSuggestIndex } from '../../api/suggest/build.ts';
import { SuggestIndex } from '../../api/suggest/search.ts';
import { suggestFixture } from '../fixtures/suggest/articles.ts';

const folderWith = (yaml: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-synonyms-'));
  writeFileSync(join(dir, 'synonyms.yaml'), yaml);
  return dir;
};

describe('synonyms.yaml', () => {
  it('reads groups per language, normalised', () => {
    expect(parseSynonyms('en:\n  - [Sign In, log in]\nzh-CN:\n  - [登录, 登陆]\n')).toEqual({
      en: [['sign in', 'log in']],
      'zh-CN': [['登录', '登陆']],
    });
  });

  it('is checked by check:content: a word in two groups, a group of one, an unknown language', () => {
    expect(checkSynonyms(folderWith('en:\n  - [login, sign in]\n  - [login, logon]\n'))[0]).toMatchObject({
      file: 'synonyms.yaml',
      rule: 'synonyms',
      message: expect.stringContaining('"login" is also in group 1'),
    });
    expect(checkSynonyms(folderWith('en:\n  - [login]\n'))[0]?.message).toMatch(/at least two/);
    expect(checkSynonyms(folderWith('fr:\n  - [a, b]\n'))).toHaveLength(1);
    expect(checkSynonyms(folderWith('en:\n  - [login, sign in]\n'))).toEqual([]);
  });

  it('the content folder ships a valid list', () => {
    expect(loadSynonyms('content').en.length).toBeGreaterThan(0);
    expect(checkSynonyms('content')).toEqual([]);
  });

  it('makes a query unit of a synonym, with the group as alternatives', () => {
    expect(relevanceUnits('how do I log in', [['sign in', 'log in', 'login']])).toEqual([
      { text: 'log in', kind: 'word', alternatives: ['sign in', 'login'] },
    ]);
  });

  it('lets /api/suggest find an article through a synonym it does not contain', () => {
    const plain = new SuggestIndex(JSON.parse(JSON.stringify(buildSuggestIndex(suggestFixture))));
    expect(plain.search('passcode forgotten', 'en', 5)).toEqual([]);
    const synonyms = { en: [['password', 'passcode']], 'zh-CN': [] };
    const index = new SuggestIndex(JSON.parse(JSON.stringify(buildSuggestIndex(suggestFixture, new Date(), { synonyms }))));
    expect(index.search('passcode forgotten', 'en', 5)[0]?.article).toBe('en/reset-password');
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexVocabulary, writeSuggestIndex } from '../../api/site-build/suggest-index.ts';
import { corpusWord } from '../../api/suggest/evidence.ts';
import { Postings } from '../../api/suggest/postings.ts';
import { relevanceUnits } from '../../core/search/relevance.ts';
import { VOCAB_SHARDS, parseVocabularyShard, shardsForQuery, vocabShard, vocabularyShards } from '../../core/search/vocabulary.ts';
import { PageVocabulary } from '../../site/islands/search/vocabulary.ts';
import { articleFile, contentFolder } from '../support/content.ts';

describe('the Chinese vocabulary both engines re-split against', () => {
  it('keeps Chinese words of 1–4 characters, sharded by first character, and reads them back', () => {
    const shards = vocabularyShards(['构建', '报错', 'sharp', '服务器', '构建', '一二三四五', '里']);
    expect(shards).toHaveLength(VOCAB_SHARDS);
    const words = shards.flatMap(parseVocabularyShard).sort();
    expect(words).toEqual(['报错', '服务器', '构建', '里'].sort());
    expect(parseVocabularyShard(shards[vocabShard('构建')]!)).toContain('构建');
  });

  it('a question needs the shards of its Chinese characters only', () => {
    expect(shardsForQuery('how do I build')).toEqual([]);
    expect(shardsForQuery('构建 sharp')).toEqual([...new Set([vocabShard('构'), vocabShard('建')])].sort((a, b) => a - b));
  });

  it('every word the re-split asks about lies in the shards of the question', () => {
    const text = '构建时报错找不到 sharp 怎么办，网站里用不了';
    const needed = new Set(shardsForQuery(text));
    const asked: string[] = [];
    relevanceUnits(text, [], (word) => {
      asked.push(word);
      return word.length === 2 && asked.length % 3 === 0;
    });
    expect(asked.length).toBeGreaterThan(0);
    for (const word of asked) expect(needed.has(vocabShard(word))).toBe(true);
  });

  it('the search page cuts a question exactly as /api/suggest does (same words, from the same index)', async () => {
    const content = contentFolder({
      'articles/zh-CN/build.md': articleFile(
        { title: '构建失败', translationKey: 'build', owner: 'Team' },
        '构建时如果报错找不到 sharp，请重新安装依赖。网站里使用图片组件。',
      ),
      'articles/zh-CN/tax.md': articleFile({ title: '设置账户', translationKey: 'tax', owner: 'Team' }, '在设置里修改密码。'),
    });
    const out = join(content, 'out');
    writeSuggestIndex(content, out);
    const serialized = JSON.parse(readFileSync(join(out, 'kb-build', 'suggest-index.json'), 'utf8'));
    const part = serialized.langs['zh-CN'];
    const suggestKnows = corpusWord(new Postings(part.index, part.articles.length));
    const page = new PageVocabulary('zh-CN', async (lang, shard) => readFileSync(join(out, 'search-vocab', lang, `${shard}.txt`), 'utf8'));
    expect(new Set(indexVocabulary(serialized, 'zh-CN')).size).toBeGreaterThan(10);
    for (const question of ['构建时报错找不到 sharp 怎么办', '税率设置怎么办', '网站里用图片', '设置密码']) {
      const pageKnows = await page.knownFor(question);
      expect(relevanceUnits(question, [], pageKnows)).toEqual(relevanceUnits(question, [], suggestKnows));
    }
    const units = relevanceUnits('构建时报错', [], await page.knownFor('构建时报错')).map((u) => u.text);
    expect(units).toEqual(['构建', '报错']);
    expect(await page.knownFor('no chinese here')).toBeUndefined();
  });
});

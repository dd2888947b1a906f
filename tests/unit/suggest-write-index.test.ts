import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suggestDocsFromContent, writeSuggestIndex } from '../../api/site-build/suggest-index.ts';
import { SuggestIndex } from '../../api/suggest/search.ts';

import { articleFile, contentFolder as folder } from '../support/content.ts';

/** An article about passwords whose slug is also its translation key. */
const article = (slug: string, fields: Record<string, string> = {}) =>
  articleFile({ title: `Password ${slug}`, translationKey: slug, owner: 'Team', ...fields }, 'Body text about passwords.');

describe('suggestion index build step', () => {
  it('indexes published public articles only, as the public site publishes them', () => {
    const content = folder({
      'articles/en/validated.md': article('validated'),
      'articles/en/not-validated.md': article('not-validated', { state: 'not-validated' }),
      'articles/en/draft.md': article('draft', { state: 'wip' }),
      'articles/en/archived.md': article('archived', { state: 'archived' }),
      'articles/en/internal.md': article('internal', { audience: 'internal' }),
    });
    expect(
      suggestDocsFromContent(content)
        .map((d) => d.id)
        .sort(),
    ).toEqual(['en/not-validated', 'en/validated']);
  });

  it('writes kb-build/suggest-index.json that the API loads', () => {
    const content = folder({
      'articles/en/validated.md': article('validated'),
      'articles/zh-CN/validated.md': article('validated', { title: '重置密码' }),
    });
    const report = writeSuggestIndex(content, join(content, 'out'));
    expect(report).toMatchObject({ file: join(content, 'out', 'kb-build', 'suggest-index.json'), articles: 2 });
    expect(report.bytes).toBe(readFileSync(report.file).length);
    const index = SuggestIndex.fromDist(join(content, 'out'));
    expect(index.search('passwords', 'en', 5)).toEqual([
      { article: 'en/validated', title: 'Password validated', url: '/en/articles/validated/', score: expect.any(Number) },
    ]);
    expect(index.search('密码', 'zh-CN', 5).map((r) => r.article)).toEqual(['zh-CN/validated']);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { suggestDocsFromContent, writeSuggestIndex } from '../../api/site-build/suggest-index.ts';
import { SuggestIndex } from '../../api/suggest/search.ts';

const TOPICS = `- id: accounts\n  name: { zh-CN: 账户, en: Accounts }\n`;
const article = (slug: string, fields: Record<string, string> = {}) => {
  const data = {
    title: `Password ${slug}`,
    summary: 'Use the link.',
    type: 'faq',
    topic: 'accounts',
    state: 'validated',
    translationKey: slug,
    owner: 'Team',
    reviewed: '2026-09-01',
    ...fields,
  };
  return `---\n${Object.entries(data)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n\nBody text about passwords.\n`;
};

let dir: string;
function folder(files: Record<string, string>) {
  dir = mkdtempSync(join(tmpdir(), 'kb-suggest-'));
  for (const [path, text] of Object.entries({ 'topics.yaml': TOPICS, ...files })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
afterEach(() => rmSync(dir, { recursive: true, force: true }));

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

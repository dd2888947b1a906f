import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { formatProblem, loadContent, splitFrontmatter } from '../../core/content/loader.ts';
import { articleFile as article, contentFolder as folder } from '../support/content.ts';

describe('content loader', () => {
  it('loads articles with ids from their paths', () => {
    const c = loadContent(folder({ 'articles/en/reset-password.md': article(), 'articles/zh-CN/reset-password.mdx': article() }));
    expect(c.problems).toEqual([]);
    expect(c.articles.map((a) => a.id).sort()).toEqual(['en/reset-password', 'zh-CN/reset-password']);
  });

  it('names the file and the field of invalid frontmatter', () => {
    const c = loadContent(folder({ 'articles/en/bad.md': article({ type: 'howto' }) }));
    expect(c.problems.map(formatProblem)).toEqual([expect.stringMatching(/^articles\/en\/bad\.md: type: Invalid enum value/)]);
  });

  it('reports an unknown topic', () => {
    const c = loadContent(folder({ 'articles/en/bad.md': article({ topic: 'printing' }) }));
    expect(c.problems.map(formatProblem)).toEqual(['articles/en/bad.md: topic: unknown topic "printing" (not in topics.yaml)']);
  });

  it('reports the same id written as .md and .mdx', () => {
    const c = loadContent(folder({ 'articles/en/a.md': article(), 'articles/en/a.mdx': article({ translationKey: 'other' }) }));
    expect(c.problems.map(formatProblem).join()).toMatch(/duplicate article id "en\/a"/);
  });

  it('reports two articles of one language sharing a translationKey', () => {
    const c = loadContent(folder({ 'articles/en/a.md': article(), 'articles/en/b.md': article() }));
    expect(c.problems).toEqual([expect.objectContaining({ file: 'articles/en/b.md', field: 'translationKey' })]);
  });

  it('reports a file in a folder that is not a language', () => {
    const c = loadContent(folder({ 'articles/fr/a.md': article() }));
    expect(c.problems.map(formatProblem).join()).toMatch(/"fr" is not a language folder/);
  });

  it('reports a file name that is not a slug', () => {
    const c = loadContent(folder({ 'articles/en/Reset Password.md': article() }));
    expect(c.problems.map(formatProblem).join()).toMatch(/is not a slug/);
  });

  it('reports a file without frontmatter and broken YAML', () => {
    const c = loadContent(folder({ 'articles/en/a.md': 'Just text', 'articles/en/b.md': '---\ntitle: [unclosed\n---\n' }));
    expect(c.problems.map(formatProblem)).toEqual([
      'articles/en/a.md: has no frontmatter (a --- block at the top)',
      expect.stringMatching(/^articles\/en\/b\.md: frontmatter is not valid YAML/),
    ]);
  });

  it('splits frontmatter and tells on which line the body starts', () => {
    expect(splitFrontmatter('---\na: 1\nb: 2\n---\nBody')).toEqual({ yaml: 'a: 1\nb: 2', body: 'Body', bodyLine: 5 });
  });

  it('accepts the shipped demo content without problems', () => {
    const c = loadContent(join(import.meta.dirname, '../../content'));
    expect(c.problems.map(formatProblem)).toEqual([]);
    expect(c.articles.length).toBeGreaterThanOrEqual(40);
  });
});

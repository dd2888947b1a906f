import { describe, expect, it } from 'vitest';
import { knowledgeBase } from '../../site/integrations/knowledge-base.ts';
import { contentFolder } from '../support/content.ts';

/** A content folder with `articles` (path below articles/ → text). */
const contentWith = (articles: Record<string, string>) =>
  contentFolder(Object.fromEntries(Object.entries(articles).map(([path, text]) => [`articles/${path}`, text])));
const frontmatter = (extra: string) =>
  `---\ntitle: T\nsummary: S\ntype: faq\ntopic: accounts\nstate: validated\ntranslationKey: t\nowner: O\nreviewed: 2026-01-01\n${extra}---\nBody\n`;

function runSetup(contentDir: string) {
  const hook = knowledgeBase({ contentDir }).hooks['astro:config:setup'] as unknown as (o: {
    logger: { info(): void; warn(): void };
  }) => void;
  return () => hook({ logger: { info() {}, warn() {} } });
}

describe("the build's content check", () => {
  it('passes valid content', () => {
    expect(runSetup(contentWith({ 'en/a.md': frontmatter('') }))).not.toThrow();
  });

  it('stops the build naming the file and the field of every problem', () => {
    const dir = contentWith({
      'en/a.md': frontmatter('audience: partners\n'),
      'en/b.md': frontmatter('').replace('topic: accounts', 'topic: nope').replace('translationKey: t', 'translationKey: u'),
    });
    expect(runSetup(dir)).toThrow(/articles\/en\/a\.md: audience: .*\n.*articles\/en\/b\.md: topic: unknown topic "nope"/);
  });

  it('stops the build on a translationKey clash', () => {
    expect(runSetup(contentWith({ 'en/a.md': frontmatter(''), 'en/b.md': frontmatter('') }))).toThrow(
      /articles\/en\/b\.md: translationKey: "t" is already used/,
    );
  });
});

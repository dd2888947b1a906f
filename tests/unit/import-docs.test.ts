import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../core/content/article.ts';
import { loadContent } from '../../core/content/loader.ts';
import { importDocs, type DocsImportOptions } from '../../scripts/lib/import/docs-importer.ts';
import { createLinkRewriter } from '../../scripts/lib/import/mdx-links.ts';
import { convertMdx, type ConvertOptions } from '../../scripts/lib/import/mdx-to-markdown.ts';
import { slugFromPath } from '../../core/text/slug.ts';
import { truncateAtBoundary } from '../../scripts/lib/import/text.ts';
import { tempDir } from '../support/temp-dir.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/astro-docs', import.meta.url));
const folders: Record<Lang, string> = { en: join(FIXTURES, 'en'), 'zh-CN': join(FIXTURES, 'zh-cn') };

function runImport(lang: Lang, contentDir: string, options: Partial<DocsImportOptions> = {}) {
  return importDocs({
    folder: folders[lang],
    lang,
    contentDir,
    type: 'manual',
    topic: 'imported',
    owner: 'Imported',
    sourceLabel: 'Astro docs (withastro/docs, MIT)',
    siteBase: 'https://docs.astro.build',
    today: '2026-01-15',
    ...options,
  });
}

/** Imports the English fixtures into a fresh folder and returns one article's text. */
function importedArticle(slug: string, lang: Lang = 'en'): string {
  const out = join(tempDir('import-docs-'), 'content');
  runImport(lang, out);
  return readFileSync(join(out, 'articles', lang, `${slug}.md`), 'utf8');
}

function convert(source: string, options: Partial<ConvertOptions> = {}) {
  return convertMdx(source, {
    lang: 'en',
    mdx: true,
    pageTitle: () => undefined,
    rewriteUrl: (url) => ({ url, kind: 'kept' }),
    ...options,
  });
}

describe('slugs', () => {
  it('turns the path without extension into a slug with hyphens for slashes', () => {
    expect(slugFromPath('guides/deploy/github.mdx')).toBe('guides-deploy-github');
  });

  it('lowercases the path and collapses other characters into single hyphens', () => {
    expect(slugFromPath('Guides/Deploy  Now/GitHub_Pages.md')).toBe('guides-deploy-now-github-pages');
  });

  it('keeps index at the root as index', () => {
    expect(slugFromPath('index.mdx')).toBe('index');
  });

  it('writes each page to articles/<lang>/<slug>.md', () => {
    const out = join(tempDir('import-docs-'), 'content');
    runImport('zh-CN', out);
    expect(readdirSync(join(out, 'articles', 'zh-CN')).sort()).toEqual([
      'develop-and-build.md',
      'guides-deploy-github.md',
      'install-and-setup.md',
      'reference-errors-action-called-from-server-error.md',
    ]);
  });
});

describe('MDX conversion', () => {
  it('drops import lines and counts them in the report', () => {
    const out = join(tempDir('import-docs-'), 'content');
    const report = runImport('en', out);
    const page = report.files.find((f) => f.origin === 'install-and-setup.mdx');
    expect(readFileSync(join(out, 'articles/en/install-and-setup.md'), 'utf8')).not.toMatch(/^import /m);
    expect(page?.conversion?.imports).toBe(3);
  });

  it('reduces components to their text and reports them by name', () => {
    const out = join(tempDir('import-docs-'), 'content');
    const report = runImport('en', out);
    const text = readFileSync(join(out, 'articles/en/install-and-setup.md'), 'utf8');
    expect(text).not.toMatch(/<(Steps|PackageManagerTabs|FileTree|ReadMore|Fragment)\b/);
    expect(text).toContain('See [all the available `create astro` command flags]');
    expect(report.files.find((f) => f.origin === 'install-and-setup.mdx')?.conversion?.components).toMatchObject({
      Steps: 2,
      PackageManagerTabs: 6,
    });
  });

  it('drops a component that has no text, such as DontEditWarning', () => {
    const text = importedArticle('reference-errors-action-called-from-server-error');
    expect(text).not.toContain('DontEditWarning');
    expect(text).toContain('> **ActionCalledFromServerError**: Action called from a server-rendered page');
  });

  it('keeps fenced code from inside components, with its language', () => {
    expect(importedArticle('install-and-setup')).toContain(
      '```shell\n   # create a new project with npm\n   npm create astro@latest\n   ```',
    );
  });

  it('writes a code block title as a line above the code', () => {
    expect(importedArticle('guides-deploy-github')).toContain('`deploy.yml`\n\n   ```yaml\n   name: Deploy to GitHub Pages');
  });

  it('turns an aside into a blockquote that starts with its bold title', () => {
    expect(importedArticle('install-and-setup')).toContain('> **Online previews**\n>\n> Prefer to try Astro in your browser?');
  });

  it('labels an untitled aside in the language of the import', () => {
    expect(importedArticle('guides-deploy-github', 'zh-CN')).toMatch(/> \*\*警告\*\*\n/);
  });

  it('drops expressions and JSX comments and counts them apart', () => {
    const { markdown, report } = convert('Total: {1 + 1}\n\n{/* a note for translators */}\n\nDone.\n');
    expect(markdown).toBe('Total:\n\nDone.\n');
    expect(report).toMatchObject({ expressions: 1, comments: 1 });
  });

  it('gives back prose that only looks like a text directive', () => {
    expect(convert('Enable the JSON:API module.\n').markdown).toBe('Enable the JSON:API module.\n');
  });

  it('keeps inline code written as a kbd element', () => {
    expect(convert('Press <kbd>Ctrl</kbd> + <kbd>C</kbd>.\n').markdown).toBe('Press `Ctrl` + `C`.\n');
  });

  it('turns an HTML heading on its own line into a Markdown heading', () => {
    expect(convert('<h3>Use JSON Schemas</h3>\n').markdown).toBe('### Use JSON Schemas\n');
  });
});

describe('links', () => {
  const rewrite = createLinkRewriter({
    lang: 'zh-CN',
    siteBase: 'https://docs.astro.build',
    pages: new Map([
      ['guides/deploy/github', { slug: 'guides-deploy-github', title: 'GitHub' }],
      ['guides/deploy', { slug: 'guides-deploy-index', title: 'Deploy' }],
    ]),
  });

  it('points a link to another imported page at its article, keeping the anchor', () => {
    const text = importedArticle('install-and-setup');
    expect(text).toContain('[start the Astro dev server](/en/articles/develop-and-build/#start-the-astro-dev-server)');
  });

  it('makes a link to a page outside the import an absolute link to the source site', () => {
    expect(importedArticle('guides-deploy-github')).toContain(
      '[`site`](https://docs.astro.build/en/reference/configuration-reference/#site)',
    );
  });

  it('keeps in-page anchors and external links as written', () => {
    const text = importedArticle('guides-deploy-github');
    expect(text).toContain('[configure a custom domain](#change-your-github-url-to-a-custom-domain)');
    expect(text).toContain('[GitHub Pages](https://pages.github.com/)');
  });

  it('resolves a relative link against the page it is on', () => {
    expect(rewrite('../github/#setup', 'guides/deploy/netlify')).toEqual({
      url: '/zh-CN/articles/guides-deploy-github/#setup',
      kind: 'article',
    });
  });

  it('maps a folder index page to the article of its index file', () => {
    expect(rewrite('/zh-cn/guides/deploy/', 'install-and-setup')).toEqual({ url: '/zh-CN/articles/guides-deploy-index/', kind: 'article' });
  });

  it('sends a link to the other language to the source site', () => {
    expect(rewrite('/en/guides/deploy/github/', 'install-and-setup')).toEqual({
      url: 'https://docs.astro.build/en/guides/deploy/github/',
      kind: 'absolute',
    });
  });
});

describe('articles written', () => {
  it('validates with the shared schema, in both languages', () => {
    const out = join(tempDir('import-docs-'), 'content');
    runImport('en', out);
    runImport('zh-CN', out);
    const content = loadContent(out);
    expect(content.problems).toEqual([]);
    expect(content.articles).toHaveLength(8);
  });

  it('pairs the two languages of a page by translationKey', () => {
    const out = join(tempDir('import-docs-'), 'content');
    runImport('en', out);
    runImport('zh-CN', out);
    const keys = loadContent(out)
      .articles.filter((a) => a.slug === 'guides-deploy-github')
      .map((a) => a.data.translationKey);
    expect(keys).toEqual(['guides-deploy-github', 'guides-deploy-github']);
  });

  it('takes the summary from the first paragraph when the page has no description', () => {
    const out = join(tempDir('import-docs-'), 'content');
    runImport('en', out);
    const article = loadContent(out).articles.find((a) => a.slug === 'reference-errors-action-called-from-server-error');
    expect(article?.data.summary).toBe(
      'ActionCalledFromServerError: Action called from a server-rendered page or endpoint without using Astro.callAction(). This wrapper must be used to call actions from server code.',
    );
  });

  it('records where each article came from, with the licence', () => {
    expect(importedArticle('guides-deploy-github')).toContain('source: Astro docs (withastro/docs, MIT) guides/deploy/github.mdx');
  });

  it('cuts a long summary at a word boundary and ends it with an ellipsis', () => {
    const cut = truncateAtBoundary(`${'word '.repeat(120)}end`, 500);
    expect(cut.length).toBeLessThanOrEqual(500);
    expect(cut).toMatch(/word…$/);
  });

  it('reports a page that does not parse and writes the others', () => {
    const folder = tempDir('import-docs-');
    writeFileSync(join(folder, 'good.mdx'), '---\ntitle: Good\ndescription: Fine.\n---\nText.\n');
    writeFileSync(join(folder, 'broken.mdx'), '---\ntitle: Broken\n---\n<Steps>\nnever closed\n');
    const out = join(tempDir('import-docs-'), 'content');
    const report = runImport('en', out, { folder });
    expect(report.files.map((f) => [f.origin, f.status])).toEqual([
      ['broken.mdx', 'invalid'],
      ['good.mdx', 'written'],
    ]);
    expect(readdirSync(join(out, 'articles/en'))).toEqual(['good.md']);
  });
});

describe('the content folder', () => {
  it('is created by --out with a topics.yaml holding the given topic', () => {
    const out = join(tempDir('import-docs-'), 'new', 'content');
    runImport('en', out, { topic: 'deploy-guides' });
    const topics = loadContent(out).topics;
    expect(topics?.byId.get('deploy-guides')?.name.en).toBe('Deploy guides');
  });

  it('gets a missing topic appended to its existing topics.yaml, keeping what was there', () => {
    const out = tempDir('import-docs-');
    const original = '# Our taxonomy\n- id: accounts\n  name: { zh-CN: 账户, en: Accounts }\n';
    writeFileSync(join(out, 'topics.yaml'), original);
    runImport('en', out);
    const text = readFileSync(join(out, 'topics.yaml'), 'utf8');
    expect(text.startsWith(original)).toBe(true);
    expect(loadContent(out).topics?.ids).toEqual(new Set(['accounts', 'imported']));
  });
});

describe('re-importing', () => {
  it('leaves every file byte-identical, the review date included', () => {
    const out = join(tempDir('import-docs-'), 'content');
    runImport('en', out, { today: '2026-01-15' });
    const read = () => readdirSync(join(out, 'articles/en')).map((name) => readFileSync(join(out, 'articles/en', name)));
    const first = read();
    const report = runImport('en', out, { today: '2026-02-20' });
    expect(read()).toEqual(first);
    expect(report.files.every((f) => f.status === 'unchanged')).toBe(true);
  });

  it('never overwrites a hand-written article', () => {
    const out = join(tempDir('import-docs-'), 'content');
    mkdirSync(join(out, 'articles/en'), { recursive: true });
    const handWritten =
      '---\ntitle: Our own page\nsummary: Ours.\ntype: manual\ntopic: imported\nstate: validated\ntranslationKey: develop-and-build\nowner: Docs team\nreviewed: 2026-01-01\n---\n\nOurs.\n';
    writeFileSync(join(out, 'articles/en/develop-and-build.md'), handWritten);
    const report = runImport('en', out);
    expect(readFileSync(join(out, 'articles/en/develop-and-build.md'), 'utf8')).toBe(handWritten);
    const page = report.files.find((f) => f.origin === 'develop-and-build.mdx');
    expect(page?.status).toBe('kept-hand-written');
    expect(page?.problems).toEqual(['kept hand-written articles/en/develop-and-build.md']);
  });

  it('replaces an imported article whose file was edited', () => {
    const out = join(tempDir('import-docs-'), 'content');
    runImport('en', out);
    const file = join(out, 'articles/en/develop-and-build.md');
    const imported = readFileSync(file, 'utf8');
    writeFileSync(file, imported.replace('Astro', 'Astra'));
    runImport('en', out);
    expect(readFileSync(file, 'utf8')).toBe(imported);
  });
});

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../core/content/article.ts';
import { loadContent } from '../../core/content/loader.ts';
import { answerToMarkdown, importFaq, type FaqImportOptions } from '../../scripts/lib/import/faq-importer.ts';
import { ImportError } from '../../scripts/lib/import/report.ts';
import { tempDir, tempFile } from '../support/temp-dir.ts';

const SAMPLE = fileURLToPath(new URL('../fixtures/stackfaq/faq_pairs.sample.jsonl', import.meta.url));

function runImport(contentDir: string, options: Partial<FaqImportOptions> = {}) {
  return importFaq({
    file: SAMPLE,
    lang: 'en',
    contentDir,
    type: 'faq',
    topic: 'faq',
    owner: 'Imported',
    sourceLabel: 'StackFAQ (Stack Exchange, CC BY-SA)',
    today: '2026-01-15',
    ...options,
  });
}

/** Writes `text` to a file with the given name in a temp folder. */
function article(contentDir: string, slug: string, lang: Lang = 'en'): string {
  return readFileSync(join(contentDir, 'articles', lang, `${slug}.md`), 'utf8');
}

describe('FAQ import from JSONL', () => {
  it('writes one article per thread, slugged faq-<thread id in lower case>', () => {
    const out = join(tempDir('import-faq-'), 'content');
    runImport(out);
    expect(readdirSync(join(out, 'articles/en')).sort()).toEqual(['faq-t000.md', 'faq-t001.md', 'faq-t002.md']);
  });

  it('keeps the answers in file order as numbered sections', () => {
    const out = join(tempDir('import-faq-'), 'content');
    runImport(out);
    const headings = article(out, 'faq-t001').match(/^## .*$/gm);
    expect(headings).toEqual(['## Answer 1', '## Answer 2', '## Answer 3', '## Answer 4']);
    expect(article(out, 'faq-t001')).toMatch(/## Answer 1\n\nfrom here :/);
  });

  it('titles the article with the question and summarises it with the first answer', () => {
    const out = join(tempDir('import-faq-'), 'content');
    runImport(out);
    const faq = loadContent(out).articles.find((a) => a.slug === 'faq-t000');
    expect(faq?.data).toMatchObject({
      title: 'Strikethrough with GitHub Markdown',
      summary: 'Use ~~tildes around the words~~.',
      type: 'faq',
      topic: 'faq',
    });
  });

  it('uses Chinese section headings for a zh-CN import', () => {
    const out = join(tempDir('import-faq-'), 'content');
    runImport(out, { lang: 'zh-CN' });
    expect(article(out, 'faq-t000', 'zh-CN')).toContain('## 回答 1');
  });

  it('escapes HTML-looking text in answers so it shows as written', () => {
    const out = join(tempDir('import-faq-'), 'content');
    runImport(out);
    expect(article(out, 'faq-t000')).toContain('the following syntax  &lt;del> ... &lt;/del>   successfully');
  });

  it('escapes a leading marker that would turn an answer into a heading or list', () => {
    expect(answerToMarkdown('# not a heading\n1. not a list')).toBe('\\# not a heading\n1\\. not a list');
  });

  it('ends every article with the Stack Exchange CC BY-SA attribution', () => {
    const out = join(tempDir('import-faq-'), 'content');
    runImport(out);
    expect(article(out, 'faq-t002').trimEnd()).toMatch(
      /Stack Exchange users \(StackFAQ thread T002\), licensed under \[CC BY-SA\]\([^)]+\)\.\*$/,
    );
  });

  it('writes articles that validate with the shared schema', () => {
    const out = join(tempDir('import-faq-'), 'content');
    runImport(out);
    const content = loadContent(out);
    expect(content.problems).toEqual([]);
    expect(content.articles).toHaveLength(3);
  });

  it('reports a bad row with its line number and imports the rest', () => {
    const lines = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');
    lines.splice(2, 0, '{"thread_id": "T999", "question": "cut off');
    lines.splice(5, 0, '{"thread_id": "T998", "question": "No answer here"}');
    const out = join(tempDir('import-faq-'), 'content');
    const report = runImport(out, { file: tempFile('faq.jsonl', lines.join('\n')) });
    expect(report.badRows.map((row) => row.line)).toEqual([3, 6]);
    expect(report.badRows[1]?.message).toBe('missing answer');
    expect(report.files.map((f) => [f.id, f.status])).toEqual([
      ['en/faq-t000', 'written'],
      ['en/faq-t001', 'written'],
      ['en/faq-t002', 'written'],
    ]);
  });

  it('stops before writing anything when the file is not JSONL', () => {
    const out = join(tempDir('import-faq-'), 'content');
    const notJsonl = tempFile('faq.jsonl', '# Frequently asked questions\n\nHow do I reset my password?\n');
    expect(() => runImport(out, { file: notJsonl })).toThrow(ImportError);
    expect(() => runImport(out, { file: notJsonl })).toThrow(
      /faq.jsonl is not a FAQ JSONL file: no row has a question and an answer \(line 1: not valid JSON/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a file that is neither .jsonl nor .csv', () => {
    expect(() => runImport(join(tempDir('import-faq-'), 'content'), { file: tempFile('faq.txt', 'question,answer\n') })).toThrow(
      'faq.txt: expected a .jsonl or .csv file',
    );
  });
});

describe('FAQ import from CSV', () => {
  it('reads quoted multi-line answers and groups rows by thread_id', () => {
    const csv =
      'thread_id,question,answer\nA1,How do I log in?,"Open the app.\nTap **Sign in**."\nA1,How do I log in?,Use single sign-on.\n';
    const out = join(tempDir('import-faq-'), 'content');
    runImport(out, { file: tempFile('faq.csv', csv) });
    expect(article(out, 'faq-a1')).toContain('## Answer 1\n\nOpen the app.\nTap **Sign in**.\n\n## Answer 2\n\nUse single sign-on.');
  });

  it('falls back to the id column, then to the question, to group rows', () => {
    const csv = 'Question,Answer\nWhere is my invoice?,Under Billing.\nWhere is my invoice?,Or ask us.\nCan I pay by card?,Yes.\n';
    const out = join(tempDir('import-faq-'), 'content');
    const report = runImport(out, { file: tempFile('faq.csv', csv) });
    expect(report.files).toHaveLength(2);
    expect(report.files.every((f) => /^en\/faq-q[0-9a-f]{10}$/.test(f.id))).toBe(true);
  });

  it('stops when the header row names no question and answer columns', () => {
    expect(() => runImport(join(tempDir('import-faq-'), 'content'), { file: tempFile('faq.csv', 'a,b\n1,2\n') })).toThrow(
      /header row must name "question" and "answer"/,
    );
  });
});

describe('re-importing FAQs', () => {
  it('leaves every file byte-identical', () => {
    const out = join(tempDir('import-faq-'), 'content');
    runImport(out, { today: '2026-01-15' });
    const before = readdirSync(join(out, 'articles/en')).map((name) => article(out, name.replace(/\.md$/, '')));
    runImport(out, { today: '2026-03-01' });
    expect(readdirSync(join(out, 'articles/en')).map((name) => article(out, name.replace(/\.md$/, '')))).toEqual(before);
  });

  it('never overwrites a hand-written article with the same slug', () => {
    const out = join(tempDir('import-faq-'), 'content');
    mkdirSync(join(out, 'articles/en'), { recursive: true });
    const handWritten =
      '---\ntitle: Strikethrough\nsummary: Use two tildes.\ntype: faq\ntopic: faq\nstate: validated\ntranslationKey: faq-t000\nowner: Support\nreviewed: 2026-01-01\n---\n\nUse `~~text~~`.\n';
    writeFileSync(join(out, 'articles/en/faq-t000.md'), handWritten);
    const report = runImport(out);
    expect(article(out, 'faq-t000')).toBe(handWritten);
    expect(report.files[0]).toMatchObject({ status: 'kept-hand-written', problems: ['kept hand-written articles/en/faq-t000.md'] });
  });
});

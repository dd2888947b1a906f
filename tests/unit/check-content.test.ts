import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent, type CheckReport } from '../../scripts/lib/check/check.ts';
import { formatReport } from '../../scripts/lib/check/report.ts';
import { proseLines } from '../../scripts/lib/check/findings.ts';
import { tempDir } from '../support/temp-dir.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/broken-content', import.meta.url));
const options = { today: new Date('2026-11-27T00:00:00Z'), publicDir: fileURLToPath(new URL('../../site/public', import.meta.url)) };
const report = checkContent(FIXTURES, options);
const of = (r: CheckReport, file: string) =>
  r.findings.filter((f) => f.file === `articles/${file}`).map((f) => `${f.severity} ${f.rule}${f.line ? `:${f.line}` : ''}`);

describe('check:content on articles with one defect each', () => {
  it.each([
    ['en/bad-schema.md', 'error schema:4'],
    ['en/unknown-topic.md', 'error schema:5'],
    ['en/bad-ticket.md', 'error schema:10'],
    ['en/duplicate-ticket.md', 'error ticket-id:10'],
    ['en/dead-link.md', 'error link:15'],
    ['en/bad-topic-link.md', 'error link:13'],
    ['en/missing-image.md', 'error image:13'],
    ['en/overdue.md', 'warning review-overdue:9'],
    ['en/personal-data.md', 'error personal-data:15'],
    ['en/mdx-import.mdx', 'error mdx-esm:13'],
    ['en/mdx-script.mdx', 'error mdx-script:13'],
    ['en/mdx-event-handler.mdx', 'error mdx-event-handler:13'],
    ['en/mdx-javascript-url.mdx', 'error mdx-javascript-url:13'],
    ['en/mdx-component.mdx', 'error mdx-component:15'],
    ['zh-CN/clean.md', 'warning translation-mismatch:7'],
  ])('reports %s with exactly its defect', (file, expected) => {
    expect(of(report, file)).toEqual([expected]);
  });

  it('finds nothing in a clean article, ignoring code blocks, inline code and reserved addresses', () => {
    expect(of(report, 'en/clean.mdx')).toEqual([]);
  });

  it('allows personal data in an internal article', () => {
    expect(of(report, 'en/internal-notes.md')).toEqual([]);
  });

  it('counts errors and warnings', () => {
    expect([report.errors, report.warnings]).toEqual([13, 2]);
  });

  it("does not report the organisation's listed public contacts", () => {
    const dir = tempDir('kb-check-');
    cpSync(FIXTURES, dir, { recursive: true });
    writeFileSync(
      join(dir, 'articles/en/personal-data.md'),
      readFixture('en/personal-data.md').replace('li.wei@corp-mail.cn', '+86 21 6088 6618'),
    );
    expect(of(checkContent(dir, options), 'en/personal-data.md')).toEqual(['error personal-data:15']);
    writeFileSync(join(dir, 'public-contacts.txt'), '# hotline\n+86 21 6088 6618\n');
    expect(of(checkContent(dir, options), 'en/personal-data.md')).toEqual([]);
  });
});

function readFixture(file: string): string {
  return readFileSync(join(FIXTURES, 'articles', file), 'utf8');
}

describe('report formats', () => {
  it('prints GitHub annotations with file and line', () => {
    const text = formatReport(report, 'github', 'content');
    expect(text).toContain('::error file=content/articles/en/dead-link.md,line=15,title=link::links to /en/articles/no-such-article/');
    expect(text).toContain('::warning file=content/articles/en/overdue.md,line=9,');
  });

  it('prints a JSON report that parses', () => {
    const json = JSON.parse(formatReport(report, 'json'));
    expect(json).toMatchObject({ articles: 17, errors: 13, warnings: 2 });
    expect(json.findings[0]).toEqual({
      file: expect.any(String),
      line: expect.any(Number),
      severity: expect.any(String),
      rule: expect.any(String),
      message: expect.any(String),
    });
  });

  it('ends the text format with a one-line summary', () => {
    expect(formatReport(report, 'text').split('\n').at(-1)).toBe('check:content: 17 articles, 13 error(s), 2 warning(s)');
  });
});

describe('proseLines', () => {
  it('skips fenced code and blanks inline code', () => {
    expect(proseLines('a `<Tabs>` b\n```\n<script>\n```\nc', 10)).toEqual([
      { line: 10, text: 'a          b' },
      { line: 14, text: 'c' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../../scripts/lib/check/check.ts';
import { buildDraft } from '../../core/drafting/draft.ts';
import { loadTopicTree } from '../../core/content/topics.ts';
import { ticketSchema } from '../../core/tickets/ticket.ts';
import { tempDir } from '../support/temp-dir.ts';

const options = { today: new Date('2026-11-27T00:00:00Z'), publicDir: fileURLToPath(new URL('../../site/public', import.meta.url)) };
const TOPICS = new URL('../fixtures/broken-content/topics.yaml', import.meta.url);

/** A content folder with one article: the frontmatter fields given, then the body. */
function contentWith(file: string, text: string): string {
  const dir = tempDir('kb-unfinished-');
  copyFileSync(TOPICS, join(dir, 'topics.yaml'));
  mkdirSync(join(dir, 'articles', file.split('/')[0]!), { recursive: true });
  writeFileSync(join(dir, 'articles', file), text);
  return dir;
}

const article = (fields: { state?: string; summary?: string }, body: string) =>
  [
    '---',
    'title: Printing fails after the update',
    `summary: ${JSON.stringify(fields.summary ?? 'Reinstall the printer driver from Settings.')}`,
    'type: solution',
    'topic: accounts',
    `state: ${fields.state ?? 'not-validated'}`,
    'translationKey: printing',
    'owner: Team · Someone',
    'reviewed: 2026-11-01',
    '---',
    '',
    body,
  ].join('\n');

const findings = (text: string, file = 'en/printing.md') =>
  checkContent(contentWith(file, text), options).findings.map((f) => `${f.rule}:${f.line ?? '-'} ${f.message}`);

describe('check:content refuses unfinished published articles', () => {
  it.each([
    [
      'a Chinese to-do',
      'zh-CN/printing.md',
      '## 原因\n\n_待补充：问题为什么会发生。_',
      /unfinished:14 draft placeholder "待补充".*set state: wip/,
    ],
    ['an English to-do', 'en/printing.md', '## Cause\n\n_To do: why it happens._', /unfinished:14 draft placeholder "To do:"/],
    ['a redaction placeholder', 'en/printing.md', 'Call [PHONE_1] for help.', /unfinished:12 redaction placeholder \[PHONE_1\].*reword/],
    ['an address placeholder', 'en/printing.md', 'Send it to [ADDRESS_1].', /unfinished:12 redaction placeholder \[ADDRESS_1\]/],
  ])('fails on %s with file, line and what to do', (_label, file, body, expected) => {
    const found = findings(article({}, body), file);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(expected);
  });

  it('fails on a summary that is not a sentence, at the summary line', () => {
    expect(findings(article({ summary: 'Printer driver' }, 'Body.'))).toEqual([
      'summary-sentence:3 summary: write the answer as one or two full sentences, ending with a full stop (it is shown in search results)',
    ]);
  });

  it('accepts a summary ending in a quotation or a Chinese full stop', () => {
    expect(findings(article({ summary: '在“设置”中重新安装打印机驱动。' }, '正文。'), 'zh-CN/printing.md')).toEqual([]);
    expect(findings(article({ summary: 'Choose "Reinstall driver."' }, 'Body.'))).toEqual([]);
  });

  it('lets a wip draft keep its placeholders', () => {
    expect(findings(article({ state: 'wip', summary: 'To do: give the answer.' }, '_To do: why._ [NAME_1]'))).toEqual([]);
  });

  it('does not take "to do" in a sentence for a placeholder', () => {
    expect(findings(article({}, 'To do this, open Settings. What to do: nothing.'))).toEqual([]);
  });
});

describe('a draft from a ticket', () => {
  const ticket = ticketSchema.parse({
    id: 'INC0031422',
    source: 'servicenow',
    subject: 'Printing fails after the update',
    priority: 'normal',
    status: 'solved',
    createdAt: '2026-11-01T09:00:00Z',
    agent: 'Team · Someone',
    description: 'Hi Anna,\nprinting fails since the 7.4.2 update. Call me on +44 20 7946 0958.',
  });
  const drafted = () => {
    const dir = contentWith('en/keep.md', article({}, 'Body.'));
    const options = { type: 'solution', lang: 'en', ticketRef: ticket.id, topic: 'accounts', today: '2026-11-27' } as const;
    return { dir, draft: buildDraft(ticket, options, loadTopicTree(dir)) };
  };

  it('passes check:content as wip, fails once published, and passes when its placeholders are filled', () => {
    const { dir, draft } = drafted();
    const at = (text: string) => {
      writeFileSync(join(dir, draft.file), text);
      return checkContent(dir, options)
        .findings.filter((f) => f.severity === 'error')
        .map((f) => f.rule);
    };
    expect(at(draft.text)).toEqual([]);
    const published = draft.text.replace('state: wip', 'state: not-validated');
    expect(at(published)).toContain('unfinished');
    const filled = published
      .replace(/^summary: .*$/m, 'summary: Reinstall the printer driver after the update.')
      .replace(/_To do:[^_]*_/g, 'Reinstall the driver from Settings.')
      .replace(/\[[A-Z]+_\d+\]/g, 'the support line');
    expect(at(filled)).toEqual([]);
  });

  it('holds none of the personal data of the ticket', () => {
    const { draft } = drafted();
    expect(draft.text).not.toMatch(/Anna|7946/);
    expect(draft.text).toContain('7.4.2');
  });
});

describe('a ticket with no text', () => {
  it('is refused with what is missing instead of an empty skeleton', () => {
    const bare = ticketSchema.parse({
      id: 'INC0000001',
      source: 'servicenow',
      subject: 'Network / VPN incident',
      priority: 'normal',
      status: 'closed',
      createdAt: '2026-11-01T09:00:00Z',
      agent: 'Team · Someone',
      topic: 'accounts',
    });
    expect(() =>
      buildDraft(
        bare,
        { type: 'solution', lang: 'en', ticketRef: bare.id, today: '2026-11-27' },
        loadTopicTree(contentWith('en/x.md', 'x')),
      ),
    ).toThrow(/INC0000001 has no text to draft from.*short_description or close_notes/);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../api/db/index.ts';
import { upsertTickets } from '../../api/db/queries/tickets.ts';
import { ticketSchema, type TicketInput } from '../../core/tickets/ticket.ts';
import { parseArticle } from '../../core/content/loader.ts';
import { loadTopicTree } from '../../core/content/topics.ts';
import { articleFromTicket } from '../../scripts/lib/draft/run.ts';
import { draftSlug } from '../../core/drafting/draft.ts';
import { escapeMdx } from '../../core/drafting/skeleton.ts';
import { migratedDatabase } from '../support/database.ts';
import { tempDir } from '../support/temp-dir.ts';

const NOW = new Date('2026-11-27T10:00:00');

const ticket = (overrides: Partial<TicketInput> = {}) =>
  ticketSchema.parse({
    id: 'INC0031422',
    source: 'servicenow',
    subject: 'Activation fails with E-LIC-0042',
    priority: 'normal',
    status: 'solved',
    createdAt: '2026-11-01T09:00:00Z',
    topic: 'licensing',
    requester: 'Li Wei',
    agent: 'Licensing team · Hao Chen',
    lang: 'en',
    description: 'Li Wei (li.wei@corp-mail.cn, 13800138000) cannot activate on a new laptop.',
    resolution: 'Released the old device in Settings > Licences. Activation then worked.',
    product: 'Lumen ERP desktop 7.4',
    ...overrides,
  });

let dir: string;
let db: Db;
beforeEach(async () => {
  dir = tempDir('kb-draft-');
  copyFileSync(new URL('../../content/topics.yaml', import.meta.url), join(dir, 'topics.yaml'));
  ({ db } = await migratedDatabase());
});
afterEach(async () => {
  await db.destroy();
});

async function draft(t: TicketInput[] | ReturnType<typeof ticket>, request: Partial<Parameters<typeof articleFromTicket>[1]> = {}) {
  await upsertTickets(db, Array.isArray(t) ? t.map((x) => ticketSchema.parse(x)) : [t]);
  return articleFromTicket(db, { ticketId: 'INC0031422', type: 'solution', contentDir: dir, now: NOW, ...request });
}

describe('article:from-ticket', () => {
  it('writes a wip article whose frontmatter passes the shared schema', async () => {
    const { path } = await draft(ticket());
    const parsed = parseArticle(readFileSync(path, 'utf8'), loadTopicTree(dir));
    expect(parsed.problems).toEqual([]);
    expect(parsed.data).toMatchObject({
      state: 'wip',
      type: 'solution',
      topic: 'licensing',
      tickets: ['INC0031422'],
      owner: 'Licensing team · Hao Chen',
      translationKey: 'activation-fails-with-e-lic-0042',
      reviewed: new Date('2026-11-27T00:00:00Z'),
    });
    expect(path).toBe(join(dir, 'articles/en/activation-fails-with-e-lic-0042.mdx'));
  });

  it('fills the English KCS skeleton from the ticket', async () => {
    const { draft: d } = await draft(ticket());
    expect(d.text.match(/^## .*/gm)).toEqual(['## Issue', '## Environment', '## Resolution', '## Cause']);
    expect(d.text).toContain('Released the old device');
    expect(d.text).toContain('Product: Lumen ERP desktop 7.4');
  });

  it('uses the Chinese headings for a zh-CN article', async () => {
    const { draft: d } = await draft(ticket({ subject: '激活失败，提示 E-LIC-0042', lang: 'zh-CN' }));
    expect(d.text.match(/^## .*/gm)).toEqual(['## 问题', '## 环境', '## 解决方法', '## 原因']);
  });

  it("names a Chinese subject's file after the ticket id", async () => {
    const { draft: d } = await draft(ticket({ subject: '激活失败' }), { lang: 'zh-CN' });
    expect(d.file).toBe('articles/zh-CN/ticket-inc0031422.mdx');
  });

  it('takes the slug from --slug', async () => {
    expect((await draft(ticket(), { slug: 'release-a-device' })).draft.file).toBe('articles/en/release-a-device.mdx');
  });

  it("replaces the requester's name, e-mail and phone and reports them without values", async () => {
    const { draft: d } = await draft(ticket());
    expect(d.text).toContain('[NAME_1] ([EMAIL_1], [PHONE_1]) cannot activate');
    expect(d.text).not.toMatch(/Li Wei|li\.wei@|13800138000/);
    expect(d.redactions).toEqual([
      { kind: 'name', placeholder: '[NAME_1]', line: 1, field: 'description' },
      { kind: 'email', placeholder: '[EMAIL_1]', line: 1, field: 'description' },
      { kind: 'phone', placeholder: '[PHONE_1]', line: 1, field: 'description' },
    ]);
  });

  it("keeps the requester's name out of the slug", async () => {
    expect(draftSlug('[NAME_1] cannot print', 'INC1')).toBe('cannot-print');
  });

  it("asks for --topic with the list of topics when the ticket's topic is unknown", async () => {
    await expect(draft(ticket({ topic: 'lizenzen' }))).rejects.toThrow(/--topic.*"lizenzen" is not in topics.yaml[\s\S]*licensing/);
  });

  it('uses --topic when the ticket has no usable topic', async () => {
    const { draft: d } = await draft(ticket({ topic: undefined }), { topic: 'install-desktop' });
    expect(d.frontmatter.topic).toBe('install-desktop');
  });

  it('asks for --owner when the ticket names no agent', async () => {
    await expect(draft(ticket({ agent: undefined }))).rejects.toThrow(/--owner/);
  });

  it('never overwrites an existing article', async () => {
    mkdirSync(join(dir, 'articles/en'), { recursive: true });
    writeFileSync(join(dir, 'articles/en/release-a-device.md'), 'hand-written');
    await expect(draft(ticket(), { slug: 'release-a-device' })).rejects.toThrow(/already exists/);
    expect(readFileSync(join(dir, 'articles/en/release-a-device.md'), 'utf8')).toBe('hand-written');
    expect(existsSync(join(dir, 'articles/en/release-a-device.mdx'))).toBe(false);
  });

  it('fails for a ticket that is not in the database', async () => {
    await expect(draft(ticket(), { ticketId: 'INC9999999' })).rejects.toThrow(/No ticket "INC9999999"/);
  });

  it('asks for --source when the id exists in several sources', async () => {
    const both = [ticket(), { ...ticket(), source: 'zendesk' as const }];
    await expect(draft(both as TicketInput[])).rejects.toThrow(/--source/);
  });

  it('names the source in tickets: when the id exists in several sources', async () => {
    const both = [ticket(), { ...ticket(), source: 'zendesk' as const }];
    const { draft: d } = await draft(both as TicketInput[], { source: 'zendesk' });
    expect(d.frontmatter.tickets).toEqual(['zendesk:INC0031422']);
  });

  it('escapes ticket text that MDX would read as code', () => {
    expect(escapeMdx('use {x} and <b>\nimport os')).toBe('use \\{x\\} and \\<b\\>\n&#105;mport os');
  });
});

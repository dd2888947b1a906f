import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migratedDatabase } from '../support/database.ts';
import { insertLink, subjectsOfLinkedTickets } from '../../api/db/queries/links.ts';
import { upsertTickets } from '../../api/db/queries/tickets.ts';
import { customerWords, injectCustomerWords } from '../../api/site-build/customer-words.ts';
import { buildSuggestIndex } from '../../api/suggest/build.ts';
import { SuggestIndex } from '../../api/suggest/search.ts';
import { ticketSchema, type TicketInput } from '../../core/tickets/ticket.ts';
import { suggestFixture } from '../fixtures/suggest/articles.ts';

const ticket = (id: string, fields: Partial<TicketInput> = {}) =>
  ticketSchema.parse({
    id,
    source: 'zendesk',
    subject: 'x',
    priority: 'normal',
    status: 'solved',
    createdAt: '2026-11-01T09:00:00Z',
    ...fields,
  });

describe("the customers' words", () => {
  it('reads the subjects of solved-by and created-from tickets, not of referenced ones', async () => {
    const { db } = await migratedDatabase();
    await upsertTickets(db, [
      ticket('1', { subject: 'Cannot log on after holiday' }),
      ticket('2', { subject: 'Locked out of my account' }),
      ticket('3', { subject: 'Printer question' }),
    ]);
    const now = new Date('2026-11-02T00:00:00Z');
    await insertLink(db, { ticket: '1', source: 'zendesk', article: 'en/reset-password', relation: 'solved-by' }, now);
    await insertLink(db, { ticket: '2', source: '', article: 'en/reset-password', relation: 'created-from' }, now);
    await insertLink(db, { ticket: '3', source: 'zendesk', article: 'en/reset-password', relation: 'referenced' }, now);
    const rows = await subjectsOfLinkedTickets(db);
    expect(rows.map((r) => r.subject).sort()).toEqual(['Cannot log on after holiday', 'Locked out of my account']);
  });

  it('redacts personal data and drops repeats', () => {
    const words = customerWords([
      { article: 'en/a', subject: 'Mail from ann.lee@lumen-mail.cn bounces', requester: null, agent: null },
      { article: 'en/a', subject: 'mail from bob@corp-mail.cn BOUNCES', requester: null, agent: null },
      { article: 'en/a', subject: 'Jane Smith cannot log on', requester: 'Jane Smith', agent: null },
    ]);
    expect(words.get('en/a')).toEqual(['Mail from bounces', 'cannot log on']);
  });

  it('lets /api/suggest find an article by words only its tickets use', () => {
    const docs = suggestFixture.map((d) => (d.id === 'en/reset-password' ? { ...d, words: ['Locked out after holiday'] } : d));
    const index = new SuggestIndex(JSON.parse(JSON.stringify(buildSuggestIndex(docs))));
    expect(index.search('locked out after the holiday', 'en', 5).map((s) => s.article)).toEqual(['en/reset-password']);
    const without = new SuggestIndex(JSON.parse(JSON.stringify(buildSuggestIndex(suggestFixture))));
    expect(without.search('locked out after the holiday', 'en', 5)).toEqual([]);
  });

  it('adds the words to the indexed part of the built page, escaped, once', () => {
    const out = mkdtempSync(join(tmpdir(), 'kb-words-'));
    mkdirSync(join(out, 'en/articles/reset-password'), { recursive: true });
    const file = join(out, 'en/articles/reset-password/index.html');
    writeFileSync(file, '<main><article data-pagefind-body><h1>Reset</h1></article></main>');
    const words = new Map([['en/reset-password', ['Locked <out>']]]);
    expect(injectCustomerWords(out, words)).toBe(1);
    expect(injectCustomerWords(out, words)).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(
      '<main><article data-pagefind-body><h1>Reset</h1><div hidden data-customer-words><span data-pagefind-meta="words">Locked &lt;out&gt;</span></div></article></main>',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { articleFrontmatterSchema, articleIdSchema, articleSchemaFor, isPublished } from '../../core/content/article.ts';

const valid = {
  title: '忘记密码，如何重置登录密码？',
  summary: '在登录页点击“忘记密码”。',
  type: 'faq',
  topic: 'accounts-password',
  state: 'validated',
  translationKey: 'reset-password',
  owner: '账户组',
  reviewed: '2026-09-15',
};
const topics = new Set(['accounts', 'accounts-password', 'billing']);
const schema = articleSchemaFor(topics);

function fieldsOf(input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('article schema', () => {
  it('accepts a complete article and fills the defaults', () => {
    const parsed = schema.parse(valid);
    expect(parsed.audience).toBe('public');
    expect(parsed.reviewEvery).toBe(180);
    expect(parsed.tickets).toEqual([]);
    expect(parsed.reviewed.toISOString()).toBe('2026-09-15T00:00:00.000Z');
  });

  it('accepts dates that YAML parsed into Date objects', () => {
    expect(schema.parse({ ...valid, reviewed: new Date('2026-01-02') }).reviewed.getUTCDate()).toBe(2);
  });

  it('turns numeric ticket ids into strings', () => {
    expect(schema.parse({ ...valid, tickets: [35436, 'INC0012345'] }).tickets).toEqual(['35436', 'INC0012345']);
  });

  it.each([
    ['a missing title', { title: undefined }, 'title'],
    ['an empty summary', { summary: '  ' }, 'summary'],
    ['an unknown type', { type: 'howto' }, 'type'],
    ['an unknown state', { state: 'published' }, 'state'],
    ['an unknown audience', { audience: 'partners' }, 'audience'],
    ['a translationKey with spaces', { translationKey: 'Reset Password' }, 'translationKey'],
    ['a date that is not YYYY-MM-DD', { reviewed: '15/09/2026' }, 'reviewed'],
    ['an impossible date', { reviewed: '2026-02-31' }, 'reviewed'],
    ['a month that does not exist', { reviewed: '2026-13-01' }, 'reviewed'],
    ['a review interval of zero days', { reviewEvery: 0 }, 'reviewEvery'],
    ['a malformed ticket id', { tickets: ['INC 001'] }, 'tickets.0'],
    ['a misspelt field', { tittle: 'x' }, ''],
    ['a title over 200 characters', { title: 'x'.repeat(201) }, 'title'],
  ])('rejects %s, naming the field', (_, change, field) => {
    const fields = fieldsOf({ ...valid, ...change });
    expect(fields).toContain(field);
  });

  it('rejects a topic that is not in the taxonomy', () => {
    const result = schema.safeParse({ ...valid, topic: 'printing' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/unknown topic "printing"/);
  });

  it('rejects an unknown topic among the further topics, naming its position', () => {
    expect(fieldsOf({ ...valid, topics: ['billing', 'nope'] })).toEqual(['topics.1']);
  });

  it('checks shape without a taxonomy when none is given', () => {
    expect(articleFrontmatterSchema.safeParse({ ...valid, topic: 'anything-goes' }).success).toBe(true);
  });
});

describe('article ids and states', () => {
  it.each(['zh-CN/reset-password', 'en/faq-t000'])('accepts the id %s', (id) => {
    expect(articleIdSchema.safeParse(id).success).toBe(true);
  });
  it.each([
    'zh-cn/reset-password',
    'fr/x',
    'en/Reset',
    'en/a/b',
    'en/',
    '/x',
    'en',
    'en/a--b',
    'en/a-',
    'en/-a',
    'xen/a',
    'en/a\n',
    'zh-CNen/a',
  ])('rejects the id %s', (id) => {
    expect(articleIdSchema.safeParse(id).success).toBe(false);
  });
  it('publishes only not-validated and validated articles', () => {
    expect(['wip', 'not-validated', 'validated', 'archived'].filter((s) => isPublished(s as never))).toEqual([
      'not-validated',
      'validated',
    ]);
  });
});

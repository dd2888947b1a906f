/**
 * Topics are a tree (docs/design.md §4): on a three-level fixture, every per-topic figure
 * (support KPIs, content gaps, training coverage and need) counts a subtopic's tickets and
 * articles under each ancestor, and the topic filter keeps a topic with its descendants.
 * Expected values are computed by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { upsertTickets } from '../../api/db/queries/tickets.ts';
import { insertTrainingRecords } from '../../api/db/queries/training.ts';
import { buildTopicTree, topicAncestry, topicScope } from '../../core/content/topics.ts';
import { ticketSchema, type TicketInput } from '../../core/tickets/ticket.ts';
import { manifestArticle } from '../support/catalog.ts';
import { migratedDatabase } from '../support/database.ts';
import { computeMetric, METRIC_NOW, metricTestEnv } from '../support/metrics.ts';

const name = (en: string) => ({ 'zh-CN': `${en}（中）`, en });
/** accounts › accounts-signin › accounts-sso, and reports on its own. */
const tree = buildTopicTree([
  {
    id: 'accounts',
    name: name('Accounts'),
    children: [{ id: 'accounts-signin', name: name('Sign-in'), children: [{ id: 'accounts-sso', name: name('SSO') }] }],
  },
  { id: 'reports', name: name('Reports') },
]);

const H = 3_600_000;
function ticket(id: string, topic: string, resolvedAfterHours: number | null, extra: Partial<TicketInput> = {}): TicketInput {
  const createdAt = '2026-11-02T00:00:00.000Z';
  return {
    id,
    source: 'api',
    subject: `ticket ${id}`,
    topic,
    priority: 'normal',
    status: resolvedAfterHours === null ? 'open' : 'solved',
    createdAt,
    ...(resolvedAfterHours === null ? {} : { resolvedAt: new Date(Date.parse(createdAt) + resolvedAfterHours * H).toISOString() }),
    ...extra,
  };
}

/**
 * A1 accounts 10 h, escalated (ann) · A2 accounts-signin 20 h (ann) · A3 accounts-sso open (bo) ·
 * A4 accounts-sso 30 h (bo) · R1 reports 5 h (ann) · X1 legacy (unknown to the taxonomy), open.
 */
const tickets = [
  ticket('A1', 'accounts', 10, { escalated: true, tier: 2, agent: 'ann' }),
  ticket('A2', 'accounts-signin', 20, { agent: 'ann' }),
  ticket('A3', 'accounts-sso', null, { agent: 'bo' }),
  ticket('A4', 'accounts-sso', 30, { agent: 'bo' }),
  ticket('R1', 'reports', 5, { agent: 'ann' }),
  ticket('X1', 'legacy', null),
];
/** Articles only on the deepest topic: an FAQ and a training article on accounts-sso. */
const articles = [
  manifestArticle('en/sso-faq', { topic: 'accounts-sso' }),
  manifestArticle('en/sso-training', { type: 'training', topic: 'accounts-sso' }),
];

async function setup() {
  const { db } = await migratedDatabase();
  await upsertTickets(
    db,
    tickets.map((t) => ticketSchema.parse(t)),
  );
  // bo completed the SSO training before his ticket was resolved.
  await insertTrainingRecords(db, [{ agent: 'bo', article: 'en/sso-training', completedAt: '2026-11-01T00:00:00.000Z' }]);
  return metricTestEnv(db, { topics: tree, articles });
}
const PERIOD = { from: '2026-11-01', to: '2026-11-30', tz: 'UTC' };
const topicRow = (rows: unknown[] | undefined, key: string) =>
  (rows as Array<Record<string, unknown>>).find((r) => r['dimension'] === 'topic' && r['key'] === key);
const byTopic = (rows: unknown[] | undefined, topic: string) => (rows as Array<Record<string, unknown>>).find((r) => r['topic'] === topic);

describe('the topic tree helpers', () => {
  it('give a topic with its ancestors, and with its descendants', () => {
    expect(topicAncestry(tree, 'accounts-sso')).toEqual(['accounts-sso', 'accounts-signin', 'accounts']);
    expect(topicAncestry(tree, 'legacy')).toEqual(['legacy']);
    expect(topicAncestry(undefined, 'accounts-sso')).toEqual(['accounts-sso']);
    expect(topicScope(tree, 'accounts-signin')).toEqual(['accounts-signin', 'accounts-sso']);
    expect(topicScope(tree, 'legacy')).toEqual(['legacy']);
  });
});

describe('support KPIs by topic', () => {
  it('count a subtopic under every ancestor, and an unknown topic apart', async () => {
    const env = await setup();
    const r = await computeMetric(env, 'resolution-rate', PERIOD, METRIC_NOW);
    expect(r.parts).toEqual({ tickets: 6, resolved: 4, judged: 6, tooRecent: 0 }); // every ticket once overall
    // accounts: A1–A4 (3 resolved); accounts-signin: A2–A4 (2); accounts-sso: A3, A4 (1)
    expect(topicRow(r.rows, 'accounts')).toMatchObject({ tickets: 4, resolved: 3, value: 0.75 });
    expect(topicRow(r.rows, 'accounts-signin')).toMatchObject({ tickets: 3, resolved: 2 });
    expect(topicRow(r.rows, 'accounts-sso')).toMatchObject({ tickets: 2, resolved: 1, value: 0.5 });
    expect(topicRow(r.rows, 'reports')).toMatchObject({ tickets: 1, resolved: 1 });
    expect(topicRow(r.rows, 'legacy')).toMatchObject({ tickets: 1, resolved: 0 });
  });

  it('take medians over a parent and all its subtopics', async () => {
    const env = await setup();
    const r = await computeMetric(env, 'resolution-time', PERIOD, METRIC_NOW);
    expect(topicRow(r.rows, 'accounts')).toMatchObject({ tickets: 3, median: 20 }); // 10, 20, 30
    expect(topicRow(r.rows, 'accounts-signin')).toMatchObject({ tickets: 2, median: 25 }); // 20, 30
    const escalation = await computeMetric(env, 'escalation-rate', PERIOD, METRIC_NOW);
    expect(topicRow(escalation.rows, 'accounts')).toMatchObject({ tickets: 4, escalated: 1, value: 0.25 });
  });

  it('filter by a topic with its descendants', async () => {
    const env = await setup();
    const signin = await computeMetric(env, 'resolution-rate', { ...PERIOD, topic: 'accounts-signin' }, METRIC_NOW);
    expect(signin.parts).toMatchObject({ tickets: 3, resolved: 2 }); // A2, A3, A4
    const accounts = await computeMetric(env, 'escalation-rate', { ...PERIOD, topic: 'accounts' }, METRIC_NOW);
    expect(accounts.parts).toEqual({ tickets: 4, escalated: 1 });
  });
});

describe('content gaps', () => {
  it('treat a parent as covered by an article in a subtopic', async () => {
    const env = await setup();
    const r = await computeMetric(env, 'content-gaps', PERIOD, METRIC_NOW);
    // accounts, accounts-signin and accounts-sso are covered through en/sso-faq; reports and legacy are not.
    expect(r.rows!.map((row) => [row['topic'], row['tickets']])).toEqual([
      ['legacy', 1],
      ['reports', 1],
    ]);
    expect(r.value).toBe(2);
  });
});

describe('training coverage and need', () => {
  it('roll tickets and training articles up the tree', async () => {
    const env = await setup();
    const r = await computeMetric(env, 'training-coverage', PERIOD, METRIC_NOW);
    // accounts: resolved A1 (ann, untrained), A2 (ann), A4 (bo, trained on accounts-sso) → 1 of 3 tickets; agents ann ✗, bo ✓
    expect(byTopic(r.rows, 'accounts')).toMatchObject({
      tickets: 4,
      resolved: 3,
      agents: 2,
      trainedAgents: 1,
      ticketWeightedCoverage: 1 / 3,
      hasTrainingArticle: true,
      hasCustomerArticle: true,
    });
    expect(byTopic(r.rows, 'accounts-sso')).toMatchObject({ tickets: 2, resolved: 1, ticketWeightedCoverage: 1 });
    // The total counts every resolved ticket once: A1, A2, A4, R1 → 1 covered of 4.
    expect(r.value).toBe(0.25);
  });

  it('do not call a parent a content gap when its subtopic has the articles', async () => {
    const env = await setup();
    const r = await computeMetric(env, 'training-need', PERIOD, METRIC_NOW);
    expect(byTopic(r.rows, 'accounts')).toMatchObject({ hasTrainingArticle: true, hasCustomerArticle: true, label: null });
    expect(byTopic(r.rows, 'reports')).toMatchObject({ label: 'content-gap' });
    const filtered = await computeMetric(env, 'training-need', { ...PERIOD, topic: 'accounts-signin' }, METRIC_NOW);
    expect(filtered.rows!.map((row) => row['topic']).sort()).toEqual(['accounts-signin', 'accounts-sso']);
  });
});

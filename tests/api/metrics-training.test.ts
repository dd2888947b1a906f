/** The training metrics on a hand-made fixture (tests/api/training-fixture.ts); arithmetic in the comments. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../api/db/index.ts';
import { insertTrainingRecords } from '../../api/db/queries/training.ts';
import { metricSettings } from '../../api/metrics/env.ts';
import { parseMetricQuery } from '../../api/metrics/period.ts';
import { metrics } from '../../api/metrics/training.ts';
import type { MetricEnv, MetricRow } from '../../api/metrics/types.ts';
import { loadTopicTree } from '../../core/content/topics.ts';
import { addTickets, seedTrainingFixture, ticket, trainingArticles } from './training-fixture.ts';
import { testCatalog } from '../support/catalog.ts';
import { migratedDatabase } from '../support/database.ts';

const topics = loadTopicTree('content');
const march = parseMetricQuery({ from: '2026-03-01', to: '2026-03-31', tz: 'UTC' }, new Date('2026-04-15T00:00:00Z'));
const metric = (id: string) => metrics.find((m) => m.id === id)!;
const byTopic = (rows: MetricRow[] | undefined, topic: string) => rows!.find((r) => r['topic'] === topic)!;

let db: Db;
let env: MetricEnv;
beforeEach(async () => {
  ({ db } = await migratedDatabase());
  env = {
    db,
    catalog: testCatalog(trainingArticles, { builtAt: '2026-03-01T00:00:00Z', audience: 'internal' }),
    topics,
    now: () => new Date('2026-04-15T00:00:00Z'),
    settings: metricSettings(),
  };
});

describe('training-coverage', () => {
  beforeEach(async () => seedTrainingFixture(db));

  it('reads training at resolution time: trained before counts, resolved before training or after expiry does not', async () => {
    const r = await metric('training-coverage').compute(env, march);
    const lic = byTopic(r.rows, 'licensing');
    // Resolved licensing tickets: L1 (alice, trained), L2 (bob, resolved 10:00 before his 12:00 training),
    // L3 (bob, after), L4 (carol, expired), L6 (no agent) → covered L1, L3 = 2 of 5.
    expect(lic['ticketWeightedCoverage']).toBe(2 / 5);
    // Agents who resolved: alice (trained), bob (trained at his latest resolution, L3), carol (expired) → 2 of 3.
    expect(lic).toMatchObject({ tickets: 6, resolved: 5, agents: 3, trainedAgents: 2, peopleCoverage: 2 / 3 });
  });

  it('gives per-topic rates, medians, content flags, unhelpful share and no-result searches', async () => {
    const r = await metric('training-coverage').compute(env, march);
    expect(byTopic(r.rows, 'licensing')).toMatchObject({
      escalationRate: 3 / 6, // L2, L4, L5 of 6
      reopenRate: 1 / 5, // L3 of 5 resolved
      medianResolutionHours: 6, // 2, 4, 6, 10, 130
      hasTrainingArticle: true,
      hasCustomerArticle: true,
      unhelpfulShare: 4 / 6, // en/lic-faq: 6 votes, 2 helpful
      noResultSearches: 3, // "activation error" ×3
    });
    // install-desktop: covered by en/train-lic's topics; manual is not-validated but published; 3 votes → null share.
    expect(byTopic(r.rows, 'install-desktop')).toMatchObject({
      tickets: 2,
      ticketWeightedCoverage: 1 / 2,
      peopleCoverage: 1 / 2,
      medianResolutionHours: 25,
      hasTrainingArticle: true,
      hasCustomerArticle: true,
      unhelpfulShare: null,
    });
    // billing: only an internal solution → no customer article, no training article.
    expect(byTopic(r.rows, 'billing')).toMatchObject({
      hasTrainingArticle: false,
      hasCustomerArticle: false,
      ticketWeightedCoverage: 0,
      escalationRate: 2 / 5,
    });
  });

  it('sums every topic into the headline and leaves out agents with no tickets', async () => {
    const r = await metric('training-coverage').compute(env, march);
    // covered 2 + 1 + 0 + 0 of resolved 5 + 2 + 5 + 1
    expect(r.value).toBe(3 / 13);
    // Agents: alice (trained on both her topics), bob (trained), carol, frank, grace → 2 of 5 trained everywhere; dave has no tickets.
    // (agent, topic) pairs: licensing 2 of 3, install-desktop 1 of 2, billing 0 of 1, mobile 0 of 1 → 3 of 7.
    expect(r.parts).toMatchObject({
      tickets: 14,
      resolvedTickets: 13,
      coveredTickets: 3,
      agents: 5,
      trainedAgents: 2,
      agentTopics: 7,
      trainedAgentTopics: 3,
      peopleCoverage: 3 / 7,
    });
  });

  it('applies the validity setting: with 30 days alice is untrained again by mid-April, carol never was in March', async () => {
    // alice completed 2026-03-01; 30 days → valid until 2026-03-31T00:00. Her tickets were resolved 03-02 and 03-06: still covered.
    const r = await metric('training-coverage').compute({ ...env, settings: metricSettings({ trainingValidityDays: 30 }) }, march);
    expect(byTopic(r.rows, 'licensing')['ticketWeightedCoverage']).toBe(2 / 5);
    // With 1 day: alice's L1 (resolved 03-02T13:00, > 03-02T00:00) is no longer covered; bob's L3 (03-11T06:00 < 03-11T12:00) still is.
    const short = await metric('training-coverage').compute({ ...env, settings: metricSettings({ trainingValidityDays: 1 }) }, march);
    expect(byTopic(short.rows, 'licensing')['ticketWeightedCoverage']).toBe(1 / 5);
  });

  it('shows a topic whose tickets are all unresolved with no agents and null coverage', async () => {
    await addTickets(db, [ticket('reports', 'ivan', '2026-03-21T00:00:00.000Z', null)]);
    const r = await metric('training-coverage').compute(env, march);
    expect(byTopic(r.rows, 'reports')).toMatchObject({
      tickets: 1,
      resolved: 0,
      agents: 0,
      trainedAgents: 0,
      peopleCoverage: null,
      ticketWeightedCoverage: null,
      medianResolutionHours: null,
    });
  });

  it('keeps to one topic with the topic filter', async () => {
    const r = await metric('training-coverage').compute(env, { ...march, topic: 'billing' });
    expect(r.rows!.map((row) => row['topic'])).toEqual(['billing']);
    expect(r.value).toBe(0); // 0 covered of 5 resolved
  });
});

describe('training-matrix', () => {
  it('groups people coverage by roster team, unassigned for agents not in the roster', async () => {
    await seedTrainingFixture(db);
    const r = await metric('training-matrix').compute(env, march);
    const cells = r.rows!.map((row) => `${row['topic']}|${row['team']}|${row['trainedAgents']}/${row['agents']}`);
    expect(cells).toEqual([
      'billing|unassigned|0/1', // grace
      // install, the parent of install-desktop, includes its tickets (docs/design.md §4)
      'install|Team A|1/1', // alice
      'install|unassigned|0/1', // frank
      'install-desktop|Team A|1/1', // alice
      'install-desktop|unassigned|0/1', // frank
      'licensing|Team A|2/2', // alice, bob
      'licensing|Team B|0/1', // carol (expired)
      'mobile|unassigned|0/1', // frank
    ]);
    expect(r.value).toBeNull();
  });
});

describe('training-need', () => {
  beforeEach(async () => seedTrainingFixture(db));

  it('ranks topics by the documented score', async () => {
    const r = await metric('training-need').compute(env, march);
    // Busiest topic: licensing, 6 tickets. Overall median of the 13 resolution times
    // (1,1,1,1,1,2,3,4,6,10,20,30,130) = 3 h. Most no-result searches: licensing, 3.
    // licensing: 0.25·6/6 + 0.25·(1−0.4) + 0.20·0.5 + 0.10·0.2 + 0.10·min(1, 6/3−1) + 0.05·4/6 + 0.05·3/3 = 0.70333 → 70.3
    // billing:   0.25·5/6 + 0.25·1 + 0.20·0.4 + 0 + 0.10·0 (1 h < 3 h) + 0 + 0 = 0.53833 → 53.8
    // mobile:    0.25·1/6 + 0.25·1 + 0 (1 ticket < 5: its 100% escalated does not count) + 0 + 0 + 0 + 0.05·1/3 = 0.30833 → 30.8
    // install-desktop: 0.25·2/6 + 0.25·0.5 + 0 + 0 + 0 (2 resolved < 5: no slowness) + 0 + 0 = 0.20833 → 20.8
    expect(r.rows!.map((row) => [row['topic'], row['needScore']])).toEqual([
      ['licensing', 70.3],
      ['billing', 53.8],
      ['mobile', 30.8],
      // install holds install-desktop's tickets alone, so it scores the same (and sorts first by id)
      ['install', 20.8],
      ['install-desktop', 20.8],
    ]);
  });

  it('labels training gaps, content gaps and both', async () => {
    const r = await metric('training-need').compute(env, march);
    // licensing: 6 tickets ≥ 5, 50% ≥ 25% escalated, validated articles, training and customer articles exist → training gap.
    // billing: 40% escalated with a validated (internal) article, but no training or customer article → both.
    // mobile: no article at all; 1 ticket is too few for a training gap → content gap.
    // install-desktop: 0% escalated, both kinds of article → no label.
    expect(Object.fromEntries(r.rows!.map((row) => [row['topic'], row['label']]))).toEqual({
      licensing: 'training-gap',
      billing: 'both',
      mobile: 'content-gap',
      install: null, // covered through its subtopic install-desktop
      'install-desktop': null,
    });
    expect(r.value).toBe(3);
  });

  it('says its reasons in English and Chinese and lists the agents to train', async () => {
    const r = await metric('training-need').compute(env, march);
    const lic = byTopic(r.rows, 'licensing');
    expect(lic['reasons']).toEqual([
      '50% escalated',
      '2 of 3 agents trained',
      'escalations although a validated article exists',
      '6 tickets (43% of all)', // 6 of 14
      '20% reopened',
      'median resolution 6.0 h vs 3.0 h overall',
      '67% of votes on its articles unhelpful',
      '3 searches without results',
    ]);
    expect(lic['reasonsZh']).toContain('3 名处理人中 2 名已培训');
    // At the end of March alice and bob hold valid trainings; carol's expired in 2026-02.
    expect(lic['untrainedAgents']).toEqual(['carol']);
    expect(byTopic(r.rows, 'mobile')['reasons']).toEqual(
      expect.arrayContaining(['no training article', 'no customer article', '0 of 1 agents trained']),
    );
  });
});

describe('training-effectiveness', () => {
  const hank = async () => {
    // hank completes en/train-lic on 2026-03-15 (licensing and install-desktop).
    await insertTrainingRecords(db, [{ agent: 'hank', article: 'en/train-lic', completedAt: '2026-03-15T00:00:00.000Z' }]);
    await addTickets(db, [
      // Before [02-13, 03-15): 5 licensing tickets, 3 escalated, 2/4/6/8/10 h → median 6.
      ticket('licensing', 'hank', '2026-02-13T00:00:00.000Z', 2, { escalated: true, tier: 2 }),
      ticket('licensing', 'hank', '2026-02-20T00:00:00.000Z', 4, { escalated: true, tier: 2 }),
      ticket('licensing', 'hank', '2026-03-01T00:00:00.000Z', 6, { escalated: true, tier: 2 }),
      ticket('licensing', 'hank', '2026-03-05T00:00:00.000Z', 8),
      ticket('licensing', 'hank', '2026-03-14T23:59:59.000Z', 10),
      ticket('licensing', 'hank', '2026-02-12T23:59:59.000Z', 1, { escalated: true, tier: 2 }), // outside, just before the window
      // After [03-15, 04-14): 5 tickets, 1 escalated, 1/2/3/4 h and one unresolved → median 2.5.
      ticket('licensing', 'hank', '2026-03-15T00:00:00.000Z', 1, { escalated: true, tier: 2 }),
      ticket('licensing', 'hank', '2026-03-20T00:00:00.000Z', 2),
      ticket('licensing', 'hank', '2026-03-25T00:00:00.000Z', 3),
      ticket('licensing', 'hank', '2026-04-01T00:00:00.000Z', 4),
      ticket('licensing', 'hank', '2026-04-10T00:00:00.000Z', null),
      ticket('licensing', 'hank', '2026-04-14T00:00:00.000Z', 1, { escalated: true, tier: 2 }), // outside, window end is exclusive
      // install-desktop: 2 before, none after → too few.
      ticket('install-desktop', 'hank', '2026-03-01T00:00:00.000Z', 5),
      ticket('install-desktop', 'hank', '2026-03-02T00:00:00.000Z', 5),
    ]);
  };

  it('compares the 30 days before and after a training', async () => {
    await hank();
    const r = await metric('training-effectiveness').compute(env, march);
    expect(byTopic(r.rows, 'licensing')).toMatchObject({
      agent: 'hank',
      team: 'unassigned',
      article: 'en/train-lic',
      trainedAt: '2026-03-15T00:00:00.000Z',
      beforeTickets: 5,
      beforeEscalationRate: 3 / 5,
      beforeMedianResolutionHours: 6,
      afterTickets: 5,
      afterEscalationRate: 1 / 5,
      afterMedianResolutionHours: 2.5,
      tooFewTickets: false,
    });
  });

  it('flags fewer than 5 tickets on a side and leaves such rows out of the pooled rates', async () => {
    await hank();
    const r = await metric('training-effectiveness').compute(env, march);
    expect(byTopic(r.rows, 'install-desktop')).toMatchObject({
      beforeTickets: 2,
      afterTickets: 0,
      afterEscalationRate: null,
      tooFewTickets: true,
    });
    // Pooled over the licensing row only: 1/5 − 3/5 = −0.4.
    expect(r.parts).toMatchObject({ trainings: 2, evaluated: 1, beforeEscalationRate: 3 / 5, afterEscalationRate: 1 / 5 });
    expect(r.value).toBeCloseTo(-0.4, 10);
  });

  it('takes only trainings completed in the period and the filtered topic', async () => {
    await hank();
    const april = parseMetricQuery({ from: '2026-04-01', to: '2026-04-30', tz: 'UTC' }, new Date('2026-05-01T00:00:00Z'));
    expect((await metric('training-effectiveness').compute(env, april)).rows).toEqual([]);
    const onlyInstall = await metric('training-effectiveness').compute(env, { ...march, topic: 'install-desktop' });
    expect(onlyInstall.rows!.map((row) => row['topic'])).toEqual(['install-desktop']);
    expect(onlyInstall.value).toBeNull(); // nothing evaluated
  });
});

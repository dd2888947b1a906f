/** The pure parts of the training metrics: validity windows and the need label thresholds. */
import { describe, expect, it } from 'vitest';
import { mergeIntervals, TrainingHistory } from '../../api/metrics/training/history.ts';
import { needLabel, needScore, type NeedSignals } from '../../api/metrics/training/need.ts';

const topics = new Map([['en/train', ['licensing', 'install-desktop']]]);
const ms = (iso: string) => Date.parse(iso);

describe('TrainingHistory', () => {
  const history = new TrainingHistory([{ agent: 'a', article: 'en/train', completedAt: '2026-01-01T00:00:00Z' }], topics, 10);

  it('counts a completion from its instant up to, not including, completion + validity', () => {
    expect(history.trainedAt('a', 'licensing', ms('2025-12-31T23:59:59Z'))).toBe(false);
    expect(history.trainedAt('a', 'licensing', ms('2026-01-01T00:00:00Z'))).toBe(true);
    expect(history.trainedAt('a', 'install-desktop', ms('2026-01-10T23:59:59Z'))).toBe(true); // through the article's topics
    expect(history.trainedAt('a', 'licensing', ms('2026-01-11T00:00:00Z'))).toBe(false); // 1 Jan + 10 days: expired
  });

  it('ignores topics the article does not cover and records of articles that are not training', () => {
    expect(history.trainedAt('a', 'billing', ms('2026-01-02T00:00:00Z'))).toBe(false);
    const other = new TrainingHistory([{ agent: 'a', article: 'en/faq', completedAt: '2026-01-01T00:00:00Z' }], topics, 10);
    expect(other.trainedAt('a', 'licensing', ms('2026-01-02T00:00:00Z'))).toBe(false);
  });

  it('merges overlapping and touching windows', () => {
    expect(
      mergeIntervals([
        { start: 5, end: 9 },
        { start: 0, end: 5 },
        { start: 12, end: 14 },
        { start: 8, end: 10 },
      ]),
    ).toEqual([
      { start: 0, end: 10 },
      { start: 12, end: 14 },
    ]);
  });
});

describe('need label and score', () => {
  const base: NeedSignals = {
    tickets: 5,
    resolved: 5,
    escalationRate: 0.25,
    reopenRate: 0,
    medianResolutionHours: 2,
    overallMedianResolutionHours: 2,
    ticketWeightedCoverage: 1,
    agents: 1,
    trainedAgents: 1,
    unhelpfulShare: null,
    noResultSearches: 0,
    hasTrainingArticle: true,
    hasCustomerArticle: true,
    hasValidatedArticle: true,
  };

  it('calls a training gap at 25% escalated with 5 tickets and a validated article', () => {
    expect(needLabel(base)).toBe('training-gap');
    expect(needLabel({ ...base, escalationRate: 0.24 })).toBeNull();
    expect(needLabel({ ...base, tickets: 4 })).toBeNull();
    expect(needLabel({ ...base, hasValidatedArticle: false })).toBeNull();
  });

  it('calls a content gap when either kind of published article is missing, and both with a training gap', () => {
    expect(needLabel({ ...base, escalationRate: 0, hasTrainingArticle: false })).toBe('content-gap');
    expect(needLabel({ ...base, escalationRate: 0, hasCustomerArticle: false })).toBe('content-gap');
    expect(needLabel({ ...base, hasTrainingArticle: false })).toBe('both');
  });

  it('scores 0 to 100 from the weighted signals', () => {
    const scale = { maxTickets: 10, totalTickets: 20, maxNoResultSearches: 0 };
    // 0.25·5/10 + 0.25·(1 − 1) + 0.20·0.25 + 0 + 0.10·0 + 0 + 0 = 0.175 → 17.5
    expect(needScore(base, scale)).toBe(17.5);
    // Everything at its worst: 0.25 + 0.25 + 0.20 + 0.10 + 0.10 + 0.05 + 0.05 = 1 → 100
    const worst = {
      ...base,
      tickets: 10,
      ticketWeightedCoverage: 0,
      escalationRate: 1,
      reopenRate: 1,
      medianResolutionHours: 9,
      unhelpfulShare: 1,
      noResultSearches: 4,
    };
    expect(needScore(worst, { ...scale, maxNoResultSearches: 4 })).toBe(100);
  });

  it('leaves out the rates of fewer than 5 tickets', () => {
    const scale = { maxTickets: 10, totalTickets: 20, maxNoResultSearches: 0 };
    // 4 tickets, all escalated, reopened and slow: only volume counts, 0.25·4/10 = 0.1 → 10
    expect(needScore({ ...base, tickets: 4, resolved: 4, escalationRate: 1, reopenRate: 1, medianResolutionHours: 9 }, scale)).toBe(10);
  });
});

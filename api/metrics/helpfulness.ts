/**
 * Helpfulness metrics (docs/design.md §4): the helpful rate (shown only with ≥ 5 votes), the
 * article ranking by the Wilson lower bound, and the reasons given for "not helpful".
 * Votes are dated by their first cast; the lang filter keeps votes on articles of that
 * language, the topic filter votes on articles whose topic or further topics include it.
 */
import { VOTE_REASONS } from '../../core/contracts/vote-values.ts';
import { notHelpfulReasonsByBucket, voteCountsByArticle, voteCountsByBucket, type VoteFilter } from '../db/queries/metrics-votes.ts';
import { helpfulRate, MIN_VOTES_FOR_RATE } from './helpful-rate.ts';
import type { ArticleCatalog } from '../lib/catalog/catalog.ts';
import { topicScope, type TopicTree } from '../../core/content/topics.ts';
import { periodBuckets } from './period.ts';
import { ratio, wilsonLowerBound } from '../../core/stats.ts';
import type { MetricDefinition, MetricEnv, MetricQuery, MetricRow, SeriesPoint } from './types.ts';

/** Ids of the catalog's articles whose main or further topics include `topic` or one of its descendants (docs/design.md §4). */
export function articlesOfTopic(catalog: ArticleCatalog, topic: string, tree?: TopicTree): string[] {
  const scope = new Set(topicScope(tree, topic));
  return catalog.manifest.articles.filter((a) => scope.has(a.topic) || a.topics.some((t) => scope.has(t))).map((a) => a.id);
}

/** The votes a query selects. */
export function voteFilterOf(env: MetricEnv, query: MetricQuery): VoteFilter {
  return {
    start: query.start,
    end: query.end,
    lang: query.lang,
    articles: query.topic ? articlesOfTopic(env.catalog, query.topic, env.topics) : undefined,
  };
}

/** Per-article helpfulness with its Wilson lower bound, for articles of the catalog with at least 5 votes. */
export async function rankedArticles(env: MetricEnv, filter: VoteFilter): Promise<MetricRow[]> {
  const counts = await voteCountsByArticle(env.db, filter);
  const rows: MetricRow[] = [];
  for (const c of counts) {
    const article = env.catalog.byId.get(c.article);
    // Votes on articles no longer in the build cannot be acted on; they stay out of the ranking.
    if (!article || c.votes < MIN_VOTES_FOR_RATE) continue;
    rows.push({
      article: c.article,
      title: article.title,
      lang: article.lang,
      url: article.url,
      votes: c.votes,
      helpful: c.helpful,
      notHelpful: c.votes - c.helpful,
      helpfulRate: helpfulRate(c.helpful, c.votes),
      wilsonLower: wilsonLowerBound(c.helpful, c.votes),
    });
  }
  // Ties (same bound) go to the article with more votes, then by id so the order is stable.
  return rows.sort(
    (a, b) =>
      (b.wilsonLower as number) - (a.wilsonLower as number) ||
      (b.votes as number) - (a.votes as number) ||
      String(a.article).localeCompare(String(b.article)),
  );
}

const helpfulRateMetric: MetricDefinition = {
  id: 'helpful-rate',
  group: 'helpfulness',
  title: { 'zh-CN': '文章有用率', en: 'Helpful rate' },
  definition: {
    'zh-CN': `文章投票中回答“是，有帮助”的比例。票数少于 ${MIN_VOTES_FOR_RATE} 票时（整体和每个时间段均如此）不予计算（显示为“—”），因为寥寥几票说明不了问题。`,
    en: `Share of article votes that answered "yes, this helped". Undefined (null) with fewer than ${MIN_VOTES_FOR_RATE} votes, overall and per period, because a handful of votes says little.`,
  },
  formula: 'helpful votes ÷ votes (null under 5 votes)',
  unit: 'ratio',
  window: 'Votes first cast in the period (a same-day re-vote replaces the answer, not the date).',
  filters: ['lang', 'topic'],
  async compute(env, query) {
    const buckets = periodBuckets(query);
    const counts = await voteCountsByBucket(env.db, voteFilterOf(env, query), buckets.prefixLength);
    const perPeriod = buckets.periods.map(() => ({ votes: 0, helpful: 0 }));
    for (const c of counts) {
      const i = buckets.indexOf(c.bucket);
      if (i < 0) continue;
      perPeriod[i]!.votes += c.votes;
      perPeriod[i]!.helpful += c.helpful;
    }
    const votes = perPeriod.reduce((s, p) => s + p.votes, 0);
    const helpful = perPeriod.reduce((s, p) => s + p.helpful, 0);
    const series: SeriesPoint[] = buckets.periods.map((period, i) => ({
      period,
      votes: perPeriod[i]!.votes,
      helpful: perPeriod[i]!.helpful,
      value: helpfulRate(perPeriod[i]!.helpful, perPeriod[i]!.votes),
    }));
    return { value: helpfulRate(helpful, votes), parts: { votes, helpful, notHelpful: votes - helpful }, series };
  },
};

const helpfulnessRankingMetric: MetricDefinition = {
  id: 'helpfulness-ranking',
  group: 'helpfulness',
  title: { 'zh-CN': '文章有用度排行', en: 'Helpfulness ranking' },
  definition: {
    'zh-CN': `本时间段内获得至少 ${MIN_VOTES_FOR_RATE} 票的文章，按其有用率 95% 威尔逊（Wilson）得分区间的下界（威尔逊下界）排序，以免票数很少的文章因偶然因素排在榜首或榜尾。最前面几行是表现最好的文章，最后几行是最需改进的文章。已不在当前构建中的文章不列入。`,
    en: `Articles with at least ${MIN_VOTES_FOR_RATE} votes in the period, ranked by the lower bound of the 95% Wilson score interval of their helpful rate, so an article with few votes does not top or bottom the list by chance. The first rows are the leaders, the last the laggards. Articles no longer in the build are left out.`,
  },
  formula: 'Wilson lower bound (z = 1.96) of helpful ÷ votes; value = number of ranked articles',
  unit: 'score',
  window: 'Votes first cast in the period.',
  filters: ['lang', 'topic'],
  async compute(env, query) {
    const rows = await rankedArticles(env, voteFilterOf(env, query));
    return { value: rows.length, rows };
  },
};

const REASON_KEYS = [...VOTE_REASONS, 'none'] as const;
type ReasonKey = (typeof REASON_KEYS)[number];
const reasonKeyOf = (reason: string | null): ReasonKey =>
  reason === null ? 'none' : (VOTE_REASONS as readonly string[]).includes(reason) ? (reason as ReasonKey) : 'other';

const voteReasonsMetric: MetricDefinition = {
  id: 'vote-reasons',
  group: 'helpfulness',
  title: { 'zh-CN': '“没有帮助”的原因', en: 'Reasons for "not helpful"' },
  definition: {
    'zh-CN': `“没有帮助”投票按读者所选的原因（内容过时、难以理解、信息不全、内容有误、没有解决问题、其他）分类，未给出原因的计为“未填写原因”；占比 = 该原因的票数 ÷ “没有帮助”的总票数。`,
    en: `Not-helpful votes by the reason the reader picked (${VOTE_REASONS.join(', ')}), and "none" when no reason was given; share = the reason's votes ÷ not-helpful votes.`,
  },
  formula: 'not-helpful votes per reason; share = reason ÷ not-helpful votes',
  unit: 'count',
  window: 'Not-helpful votes first cast in the period.',
  filters: ['lang', 'topic'],
  async compute(env, query) {
    const buckets = periodBuckets(query);
    const counts = await notHelpfulReasonsByBucket(env.db, voteFilterOf(env, query), buckets.prefixLength);
    const zero = () => Object.fromEntries(REASON_KEYS.map((k) => [k, 0])) as Record<ReasonKey, number>;
    const perPeriod = buckets.periods.map(zero);
    const totals = zero();
    for (const c of counts) {
      const i = buckets.indexOf(c.bucket);
      if (i < 0) continue;
      const key = reasonKeyOf(c.reason);
      perPeriod[i]![key] += c.votes;
      totals[key] += c.votes;
    }
    const notHelpful = REASON_KEYS.reduce((s, k) => s + totals[k], 0);
    return {
      value: notHelpful,
      rows: REASON_KEYS.map((reason) => ({ reason, votes: totals[reason], share: ratio(totals[reason], notHelpful) })),
      series: buckets.periods.map((period, i) => ({ period, ...perPeriod[i]! })),
    };
  },
};

export const metrics: MetricDefinition[] = [helpfulRateMetric, helpfulnessRankingMetric, voteReasonsMetric];

/**
 * Content health (docs/design.md §4): articles overdue for review, high-traffic articles readers
 * find unhelpful, and topics with tickets but no published article (content gaps); the agents'
 * flags are in ./content-flags.ts. The
 * articles are the build's (the catalog); lang keeps articles (and tickets) of that
 * language, topic keeps articles whose topic or further topics include it.
 */
import { LANGS, isPublished } from '../../core/content/article.ts';
import type { ManifestArticle } from '../../core/content/manifest.ts';
import { topicAncestry, topicScope } from '../../core/content/topics.ts';
import { articleViews } from '../db/queries/metrics-events.ts';
import { ticketsByTopic } from '../db/queries/metrics-tickets.ts';
import { voteCountsByArticle } from '../db/queries/metrics-votes.ts';
import { helpfulRate, MIN_VOTES_FOR_RATE } from './helpful-rate.ts';
import { voteFilterOf } from './helpfulness.ts';
import { percentile, wilsonLowerBound } from '../../core/stats.ts';
import { ticketFilterOf } from './support.ts';
import type { MetricDefinition, MetricEnv, MetricQuery, MetricRow } from './types.ts';
import { flagMetrics } from './content-flags.ts';

const DAY_MS = 86_400_000;
/** Articles at or above this quantile of page views are "high traffic". */
export const HIGH_TRAFFIC_QUANTILE = 0.75;
/** Below this helpful rate (with at least 5 votes) an article is "low helpfulness". */
export const LOW_HELPFUL_RATE = 0.5;

/**
 * Where the article's source can be edited, or null when no KB_EDIT_URL is configured:
 * KB_EDIT_URL + the source file (`en/reset-password.md`; manifests written before the build
 * recorded it fall back to `<lang>/<slug>.mdx`).
 */
export function editUrlOf(env: MetricEnv, article: ManifestArticle): string | null {
  return env.settings.editUrlBase ? `${env.settings.editUrlBase}${article.file ?? `${article.id}.mdx`}` : null;
}

/** The catalog's articles a query's lang and topic filters keep (the drill-down's article list too). */
export function articlesMatching(env: MetricEnv, articles: readonly ManifestArticle[], query: MetricQuery): ManifestArticle[] {
  // The topic filter keeps the topic and its descendants (docs/design.md §4).
  const scope = query.topic === undefined ? undefined : new Set(topicScope(env.topics, query.topic));
  return articles.filter(
    (a) => (!query.lang || a.lang === query.lang) && (!scope || scope.has(a.topic) || a.topics.some((t) => scope.has(t))),
  );
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** The day an article is next due for review: reviewed + reviewEvery days (overdue once on or before the period's last day). */
export const reviewDueOn = (a: Pick<ManifestArticle, 'reviewed' | 'reviewEvery'>) => addDays(a.reviewed, a.reviewEvery);
const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

const overdueReviews: MetricDefinition = {
  id: 'overdue-reviews',
  group: 'content-health',
  title: { 'zh-CN': '逾期未复审的文章', en: 'Articles overdue for review' },
  definition: {
    'zh-CN':
      '已发布的文章（已验证或未验证，未归档）中，下次复审日期（上次复审日期加上规定的复审间隔天数）在本时间段最后一天当天或之前的文章；逾期天数为从该到期日到本时间段最后一天的天数（0 = 恰好当天到期）。逾期最久的排在最前。',
    en: 'Published articles (validated or not validated, not archived) whose next review (reviewed + reviewEvery days) falls on or before the last day of the period; daysOverdue counts from that due date to the last day (0 = due on it). Most overdue first.',
  },
  formula: 'count of published articles with reviewed + reviewEvery ≤ to',
  unit: 'count',
  window: "The state of the current build as of the period's last day.",
  filters: ['lang', 'topic'],
  async compute(env, query) {
    const rows: MetricRow[] = [];
    for (const a of articlesMatching(env, env.catalog.manifest.articles, query)) {
      if (!isPublished(a.state)) continue;
      const dueOn = reviewDueOn(a);
      if (dueOn > query.to) continue;
      rows.push({
        article: a.id,
        title: a.title,
        lang: a.lang,
        owner: a.owner,
        reviewed: a.reviewed,
        dueOn,
        daysOverdue: daysFrom(dueOn, query.to),
        url: a.url,
        editUrl: editUrlOf(env, a),
      });
    }
    rows.sort((x, y) => (y.daysOverdue as number) - (x.daysOverdue as number) || String(x.article).localeCompare(String(y.article)));
    return { value: rows.length, rows };
  },
};

const lowHelpfulnessHighTraffic: MetricDefinition = {
  id: 'low-helpfulness-high-traffic',
  group: 'content-health',
  title: { 'zh-CN': '高访问量但低有用率的文章', en: 'High traffic, low helpfulness' },
  definition: {
    'zh-CN': `本时间段内页面浏览量位于前四分之一的列出文章（浏览量不低于列出文章浏览量的第 ${HIGH_TRAFFIC_QUANTILE * 100} 百分位数，计算时包括零浏览量的文章，且至少有一次浏览），并且本时间段内获得至少 ${MIN_VOTES_FOR_RATE} 票、有用率低于 ${LOW_HELPFUL_RATE}：改进这些页面的内容能惠及最多读者。浏览量最多的排在最前。`,
    en: `Listed articles in the top quartile of page views in the period (views at or above the ${HIGH_TRAFFIC_QUANTILE * 100}th percentile of the listed articles' views, zero-view articles included, and at least one view) that got at least ${MIN_VOTES_FOR_RATE} votes in the period with a helpful rate below ${LOW_HELPFUL_RATE}: the pages where fixing the content helps most readers. Most viewed first.`,
  },
  formula: `views ≥ p${HIGH_TRAFFIC_QUANTILE * 100}(views) and votes ≥ ${MIN_VOTES_FOR_RATE} and helpful ÷ votes < ${LOW_HELPFUL_RATE}`,
  unit: 'count',
  window: 'Page views and votes (first cast) in the period.',
  filters: ['lang', 'topic'],
  async compute(env, query) {
    const candidates = articlesMatching(env, env.catalog.listed, query);
    const [views, votes] = await Promise.all([
      articleViews(env.db, query.start, query.end, query.lang),
      voteCountsByArticle(env.db, voteFilterOf(env, query)),
    ]);
    const viewsOf = (id: string) => views.get(id) ?? 0;
    const threshold = percentile(
      candidates.map((a) => viewsOf(a.id)),
      HIGH_TRAFFIC_QUANTILE,
    );
    const votesById = new Map(votes.map((v) => [v.article, v]));
    const rows: MetricRow[] = [];
    for (const a of candidates) {
      const v = votesById.get(a.id);
      const n = viewsOf(a.id);
      if (threshold === null || n === 0 || n < threshold || !v) continue;
      const rate = helpfulRate(v.helpful, v.votes);
      if (rate === null || rate >= LOW_HELPFUL_RATE) continue;
      rows.push({
        article: a.id,
        title: a.title,
        lang: a.lang,
        url: a.url,
        editUrl: editUrlOf(env, a),
        views: n,
        votes: v.votes,
        helpfulRate: rate,
        wilsonLower: wilsonLowerBound(v.helpful, v.votes),
      });
    }
    rows.sort((x, y) => (y.views as number) - (x.views as number) || String(x.article).localeCompare(String(y.article)));
    return { value: rows.length, rows };
  },
};

const contentGaps: MetricDefinition = {
  id: 'content-gaps',
  group: 'content-health',
  title: { 'zh-CN': '内容缺口', en: 'Content gaps' },
  definition: {
    'zh-CN':
      '本时间段内有新建工单、但没有任何列出文章（已发布、未归档）以其或其子主题为主题或附加主题的工单主题（上级主题的工单数包含其子主题的工单）；使用语言筛选时，只看该语言的工单和文章。按工单数排序。主题名称使用语言筛选所选的语言（未筛选语言时为中文）；主题分类中没有该主题时显示工单上的原始主题值。',
    en: "Ticket topics with tickets created in the period but no listed article (published, not archived) whose topic or further topics include the topic or one of its subtopics (a parent's tickets include its subtopics'); with the lang filter, tickets and articles of that language. Topics by ticket count. name is the topic's name in the lang filter's language (Chinese without it), or the raw topic when the taxonomy does not know it.",
  },
  formula: 'count of ticket topics without a listed article',
  unit: 'count',
  window: 'Tickets created in the period; articles of the current build.',
  filters: ['lang', 'topic'],
  async compute(env, query) {
    // A topic is covered when it or a descendant has an article; a parent's tickets include its
    // subtopics' (docs/design.md §4: topics are a tree).
    const covered = new Set<string>();
    for (const a of articlesMatching(env, env.catalog.listed, { ...query, topic: undefined }))
      for (const t of [a.topic, ...a.topics]) for (const up of topicAncestry(env.topics, t)) covered.add(up);
    const nameLang = query.lang ?? LANGS[0];
    const byTopic = new Map<string, { topic: string; tickets: number; escalated: number }>();
    for (const t of await ticketsByTopic(env.db, ticketFilterOf(env, query)))
      for (const up of topicAncestry(env.topics, t.topic)) {
        let c = byTopic.get(up);
        if (!c) byTopic.set(up, (c = { topic: up, tickets: 0, escalated: 0 }));
        c.tickets += t.tickets;
        c.escalated += t.escalated;
      }
    const rows: MetricRow[] = [...byTopic.values()]
      .filter((t) => !covered.has(t.topic))
      .sort((x, y) => y.tickets - x.tickets || x.topic.localeCompare(y.topic))
      .map((t) => ({
        topic: t.topic,
        name: env.topics?.byId.get(t.topic)?.name[nameLang] ?? t.topic,
        tickets: t.tickets,
        escalated: t.escalated,
      }));
    return { value: rows.length, rows };
  },
};

export const metrics: MetricDefinition[] = [overdueReviews, lowHelpfulnessHighTraffic, contentGaps, ...flagMetrics];

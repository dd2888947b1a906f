/**
 * Content health from the agents' flags (issue 17, docs/design.md §4): how many flags are
 * open at the period's end, and how long a flag stays open before it is fixed or dismissed.
 * Flags of articles the lang and topic filters leave out are left out; with no filter, flags
 * of articles no longer in the build still count.
 */
import type { ManifestArticle } from '../../core/content/manifest.ts';
import { median, percentile } from '../../core/stats.ts';
import { flagsOpenDuring, type FlagRow } from '../db/queries/flags.ts';
import type { MetricDefinition, MetricEnv, MetricQuery, MetricRow } from './types.ts';

const HOUR_MS = 3_600_000;
const hoursBetween = (from: string, to: string) => Math.round(((Date.parse(to) - Date.parse(from)) / HOUR_MS) * 10) / 10;

/** Whether a flag's article passes the query's lang and topic filters. */
function keeps(env: MetricEnv, query: MetricQuery, flag: { article: string }): boolean {
  if (!query.lang && !query.topic) return true;
  const a: ManifestArticle | undefined = env.catalog.byId.get(flag.article);
  if (!a) return false;
  return (!query.lang || a.lang === query.lang) && (!query.topic || a.topic === query.topic || a.topics.includes(query.topic));
}

async function flagsOf(env: MetricEnv, query: MetricQuery): Promise<FlagRow[]> {
  return (await flagsOpenDuring(env.db, query.start, query.end)).filter((f) => keeps(env, query, f));
}

const openFlags: MetricDefinition = {
  id: 'open-flags',
  group: 'content-health',
  title: { 'zh-CN': '未关闭的文章标记', en: 'Open flags' },
  definition: {
    'zh-CN':
      '客服人员对文章提出的标记（过时、错误、不完整、重复、不清楚）中，在本时间段结束时仍未关闭的数量；打开时长为从提出到本时间段结束的小时数，打开最久的排在最前。按文章负责人列出，供其处理。',
    en: "Agents' flags on articles (outdated, incorrect, incomplete, duplicate, unclear) still open at the end of the period; hoursOpen counts from the flag to the period's end, longest open first. Listed with the article's owner, who closes them.",
  },
  formula: 'count of flags with createdAt < end and (closedAt missing or ≥ end)',
  unit: 'count',
  window: "Flags raised before the period's end and not closed by then.",
  filters: ['lang', 'topic'],
  async compute(env, query) {
    const open = (await flagsOf(env, query)).filter((f) => f.created_at < query.end && (f.closed_at === null || f.closed_at >= query.end));
    const rows: MetricRow[] = open.map((f) => {
      const a = env.catalog.byId.get(f.article);
      return {
        flag: Number(f.id),
        article: f.article,
        title: a?.title ?? null,
        owner: a?.owner ?? null,
        reason: f.reason,
        createdAt: f.created_at,
        hoursOpen: hoursBetween(f.created_at, query.end),
      };
    });
    rows.sort((x, y) => (y.hoursOpen as number) - (x.hoursOpen as number) || (x.flag as number) - (y.flag as number));
    return { value: rows.length, parts: { medianHoursOpen: median(rows.map((r) => r.hoursOpen as number)) }, rows };
  },
};

const flagTimeToClose: MetricDefinition = {
  id: 'flag-time-to-close',
  group: 'content-health',
  title: { 'zh-CN': '文章标记的关闭时间', en: 'Time to close a flag' },
  definition: {
    'zh-CN': '本时间段内关闭的文章标记，从提出到关闭（已修复或已驳回）的小时数：取中位数和第 90 百分位数，并分别列出已修复和已驳回的数量。',
    en: 'Hours from raising a flag on an article to closing it (fixed or dismissed), over the flags closed in the period: median and 90th percentile, with how many were fixed and how many dismissed.',
  },
  formula: 'median(closedAt − createdAt) over flags with start ≤ closedAt < end',
  unit: 'hours',
  window: 'Flags closed in the period.',
  filters: ['lang', 'topic'],
  async compute(env, query) {
    const closed = (await flagsOf(env, query)).filter((f) => f.closed_at !== null && f.closed_at >= query.start && f.closed_at < query.end);
    const hours = closed.map((f) => hoursBetween(f.created_at, f.closed_at!));
    const value = median(hours);
    return {
      value,
      parts: {
        median: value,
        p90: percentile(hours, 0.9),
        closed: closed.length,
        fixed: closed.filter((f) => f.closed_how === 'fixed').length,
        dismissed: closed.filter((f) => f.closed_how === 'dismissed').length,
      },
    };
  },
};

export const flagMetrics: MetricDefinition[] = [openFlags, flagTimeToClose];

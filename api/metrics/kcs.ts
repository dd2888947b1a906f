/**
 * KCS metrics (docs/design.md §4): the link rate (resolved tickets that used knowledge), known vs
 * new (did the linked article exist before the ticket?) and article reuse (links per article).
 * A period selects tickets by createdAt; lang and topic filter tickets (article reuse: lang
 * keeps articles of that language).
 */
import { eachResolvedTicketArticles, linkedResolvedByBucket, linksByArticle } from '../db/queries/metrics-tickets.ts';
import type { ManifestArticle } from '../../core/content/manifest.ts';
import { periodBuckets } from './period.ts';
import { ratio } from '../../core/stats.ts';
import { ticketFilterOf } from './support.ts';
import type { MetricDefinition, MetricRow, SeriesPoint } from './types.ts';

/** The day an article was created as the manifest says (older manifests: its review date). */
export const createdOn = (article: ManifestArticle) => article.created ?? article.reviewed;

const linkRate: MetricDefinition = {
  id: 'link-rate',
  group: 'kcs',
  title: { 'zh-CN': 'KCS 关联率', en: 'KCS link rate' },
  definition: {
    'zh-CN':
      '已解决工单中，关联了至少一篇知识库文章（任一关联类型），或服务台标记为“使用了知识”的工单所占的比例。已解决 = 有解决时间，或没有解决时间但已关闭。',
    en: 'Share of resolved tickets that link at least one knowledge article (any relation) or where the helpdesk recorded that knowledge was used (knowledgeUsed). Resolved = has resolvedAt, or closedAt lacking it.',
  },
  formula: 'resolved tickets with ≥ 1 link or knowledgeUsed ÷ resolved tickets',
  unit: 'ratio',
  window: 'Tickets created in the period that are resolved.',
  filters: ['lang', 'topic'],
  async compute(env, query) {
    const buckets = periodBuckets(query);
    const counts = await linkedResolvedByBucket(env.db, ticketFilterOf(env, query), buckets.prefixLength);
    const perPeriod = buckets.periods.map(() => ({ resolved: 0, linked: 0 }));
    for (const c of counts) {
      const i = buckets.indexOf(c.bucket);
      if (i < 0) continue;
      perPeriod[i]!.resolved += c.resolved;
      perPeriod[i]!.linked += c.linked;
    }
    const resolved = perPeriod.reduce((s, p) => s + p.resolved, 0);
    const linked = perPeriod.reduce((s, p) => s + p.linked, 0);
    const series: SeriesPoint[] = buckets.periods.map((period, i) => ({
      period,
      ...perPeriod[i]!,
      value: ratio(perPeriod[i]!.linked, perPeriod[i]!.resolved),
    }));
    return { value: ratio(linked, resolved), parts: { resolved, linked }, series };
  },
};

const knownVsNew: MetricDefinition = {
  id: 'known-vs-new',
  group: 'kcs',
  title: { 'zh-CN': '已知问题与新问题', en: 'Known vs new' },
  definition: {
    'zh-CN':
      '在关联了至少一篇文章的已解决工单中：已知问题 = 其关联的某篇文章在工单创建之前就已存在（按文章的创建日期，没有时按复审日期，以协调世界时的日期比较）；否则为新问题（知识是为该工单编写的，或与工单同一天创建，或文章已不在当前构建中）。只标记了“使用了知识”、未指明文章的工单两者都不算。',
    en: 'Among resolved tickets linked to at least one article: known = an article it links was created (manifest `created`, the frontmatter `created` or else `reviewed`) on a UTC day before the day the ticket was created; new otherwise (the knowledge was written for it, or the same day, or the article is no longer in the build). Tickets with only knowledgeUsed, naming no article, are neither.',
  },
  formula: 'known ÷ (known + new)',
  unit: 'ratio',
  window: 'Tickets created in the period that are resolved and link an article.',
  filters: ['lang', 'topic'],
  async compute(env, query) {
    const buckets = periodBuckets(query);
    const perPeriod = buckets.periods.map(() => ({ known: 0, new: 0 }));
    // A ticket's links all arrive in one slice: judge its tickets, count them, and let the slice go.
    await eachResolvedTicketArticles(env.db, ticketFilterOf(env, query), (links) => {
      // One verdict per ticket: known when any of its articles predates it.
      const tickets = new Map<string, { createdAt: string; known: boolean }>();
      for (const link of links) {
        const key = `${link.source}\u0000${link.id}`;
        const article = env.catalog.byId.get(link.article);
        const predates = article !== undefined && createdOn(article) < link.created_at.slice(0, 10);
        const ticket = tickets.get(key);
        if (ticket) ticket.known ||= predates;
        else tickets.set(key, { createdAt: link.created_at, known: predates });
      }
      for (const t of tickets.values()) {
        const i = buckets.indexOf(t.createdAt);
        if (i >= 0) perPeriod[i]![t.known ? 'known' : 'new']++;
      }
    });
    const known = perPeriod.reduce((s, p) => s + p.known, 0);
    const fresh = perPeriod.reduce((s, p) => s + p.new, 0);
    return {
      value: ratio(known, known + fresh),
      parts: { known, new: fresh },
      series: buckets.periods.map((period, i) => ({ period, known: perPeriod[i]!.known, new: perPeriod[i]!.new })),
    };
  },
};

const articleReuse: MetricDefinition = {
  id: 'article-reuse',
  group: 'kcs',
  title: { 'zh-CN': '文章复用', en: 'Article reuse' },
  definition: {
    'zh-CN':
      '每篇文章的工单–文章关联数，按关联类型（由工单创建、用于解决、被引用）分列，以及关联该文章的不同工单数；复用最多的文章排在最前。',
    en: 'Ticket–article links per article, by relation (created-from, solved-by, referenced), and how many distinct tickets link it; articles most reused first.',
  },
  formula: 'links per article; value = all links',
  unit: 'count',
  window: 'Links of tickets created in the period (whenever the link was made).',
  filters: ['lang', 'topic'],
  async compute(env, query) {
    const counts = await linksByArticle(env.db, { ...ticketFilterOf(env, query), articleLang: query.lang });
    const rows: MetricRow[] = counts
      .sort((a, b) => b.links - a.links || a.article.localeCompare(b.article))
      .map((c) => {
        const { article: id, ...figures } = c;
        const article = env.catalog.byId.get(id);
        return { article: id, title: article?.title ?? id, url: article?.url ?? null, ...figures };
      });
    return { value: counts.reduce((s, c) => s + c.links, 0), rows };
  },
};

export const metrics: MetricDefinition[] = [linkRate, knownVsNew, articleReuse];

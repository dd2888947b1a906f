/**
 * The training need score, its label and its reasons (docs/design.md §5; formula and thresholds
 * explained in docs/training.md). Every signal is scaled to 0–1, then weighted:
 *
 *   need = 100 × ( 0.25 · volume      tickets of T ÷ tickets of the busiest topic
 *                + 0.25 · uncovered   1 − ticket-weighted coverage (1 when nothing was resolved)
 *                + 0.20 · escalation  escalated ÷ tickets (from MIN_TICKETS_FOR_RATES tickets, else 0)
 *                + 0.10 · reopen      reopened ÷ resolved (from MIN_TICKETS_FOR_RATES resolved, else 0)
 *                + 0.10 · slowness    min(1, max(0, median hours of T ÷ overall median − 1)) (same)
 *                + 0.05 · unhelpful   not-helpful share of votes on T's articles (0 under 5 votes)
 *                + 0.05 · searches    no-result searches in T ÷ the most of any topic )
 *
 * rounded to one decimal. Rates of a handful of tickets are noise (one escalated ticket of one
 * is "100%"), hence the minimum counts. Labels: *training gap* when at least MIN_TICKETS_FOR_RATES tickets,
 * escalation ≥ TRAINING_GAP_ESCALATION and a validated article covers T (the knowledge exists,
 * people do not use it); *content gap* when T lacks a published training article or a
 * published customer article; *both* when both hold.
 */

export const NEED_WEIGHTS = {
  volume: 0.25,
  uncovered: 0.25,
  escalation: 0.2,
  reopen: 0.1,
  slowness: 0.1,
  unhelpful: 0.05,
  searches: 0.05,
} as const;
/** Escalation rate at or above which escalations despite a validated article are a training gap. */
export const TRAINING_GAP_ESCALATION = 0.25;
/** Fewer tickets than this: the topic's rates do not enter the score and earn no training-gap label. */
export const MIN_TICKETS_FOR_RATES = 5;

export type NeedLabel = 'training-gap' | 'content-gap' | 'both' | null;

/** What the score and the reasons are built from, for one topic. */
export interface NeedSignals {
  tickets: number;
  /** Resolved tickets (reopen rate and median resolution time stand on these). */
  resolved: number;
  escalationRate: number | null;
  reopenRate: number | null;
  medianResolutionHours: number | null;
  overallMedianResolutionHours: number | null;
  ticketWeightedCoverage: number | null;
  agents: number;
  trainedAgents: number;
  unhelpfulShare: number | null;
  noResultSearches: number;
  hasTrainingArticle: boolean;
  hasCustomerArticle: boolean;
  hasValidatedArticle: boolean;
}

/** Figures of all topics the signals are scaled against. */
export interface NeedScale {
  maxTickets: number;
  totalTickets: number;
  maxNoResultSearches: number;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export function needScore(s: NeedSignals, scale: NeedScale): number {
  const w = NEED_WEIGHTS;
  const enoughTickets = s.tickets >= MIN_TICKETS_FOR_RATES;
  const enoughResolved = s.resolved >= MIN_TICKETS_FOR_RATES;
  const slowness =
    enoughResolved && s.medianResolutionHours !== null && s.overallMedianResolutionHours !== null && s.overallMedianResolutionHours > 0
      ? clamp01(s.medianResolutionHours / s.overallMedianResolutionHours - 1)
      : 0;
  const sum =
    w.volume * (scale.maxTickets > 0 ? s.tickets / scale.maxTickets : 0) +
    w.uncovered * (1 - (s.ticketWeightedCoverage ?? 0)) +
    w.escalation * (enoughTickets ? (s.escalationRate ?? 0) : 0) +
    w.reopen * (enoughResolved ? (s.reopenRate ?? 0) : 0) +
    w.slowness * slowness +
    w.unhelpful * (s.unhelpfulShare ?? 0) +
    w.searches * (scale.maxNoResultSearches > 0 ? s.noResultSearches / scale.maxNoResultSearches : 0);
  return Math.round(sum * 1000) / 10;
}

export function needLabel(s: NeedSignals): NeedLabel {
  const trainingGap = s.tickets >= MIN_TICKETS_FOR_RATES && (s.escalationRate ?? 0) >= TRAINING_GAP_ESCALATION && s.hasValidatedArticle;
  const contentGap = !s.hasTrainingArticle || !s.hasCustomerArticle;
  if (trainingGap && contentGap) return 'both';
  return trainingGap ? 'training-gap' : contentGap ? 'content-gap' : null;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const hours = (x: number) => x.toFixed(1);

/** The reasons in words, English and Chinese, most telling first. */
export function needReasons(s: NeedSignals, scale: NeedScale, label: NeedLabel): { en: string[]; zh: string[] } {
  const en: string[] = [];
  const zh: string[] = [];
  const say = (e: string, z: string) => {
    en.push(e);
    zh.push(z);
  };
  if (s.escalationRate !== null) say(`${pct(s.escalationRate)} escalated`, `${pct(s.escalationRate)} 的工单升级`);
  if (s.agents > 0) say(`${s.trainedAgents} of ${s.agents} agents trained`, `${s.agents} 名处理人中 ${s.trainedAgents} 名已培训`);
  else say('no resolved tickets yet', '尚无已解决的工单');
  if (!s.hasTrainingArticle) say('no training article', '没有培训文章');
  if (!s.hasCustomerArticle) say('no customer article', '没有面向客户的文章');
  if (label === 'training-gap' || label === 'both') say('escalations although a validated article exists', '已有验证过的文章，仍频繁升级');
  if (scale.totalTickets > 0)
    say(
      `${s.tickets} tickets (${pct(s.tickets / scale.totalTickets)} of all)`,
      `${s.tickets} 张工单（占全部 ${pct(s.tickets / scale.totalTickets)}）`,
    );
  if (s.reopenRate !== null && s.reopenRate > 0) say(`${pct(s.reopenRate)} reopened`, `${pct(s.reopenRate)} 被重新打开`);
  if (
    s.medianResolutionHours !== null &&
    s.overallMedianResolutionHours !== null &&
    s.medianResolutionHours > s.overallMedianResolutionHours
  ) {
    say(
      `median resolution ${hours(s.medianResolutionHours)} h vs ${hours(s.overallMedianResolutionHours)} h overall`,
      `解决时长中位数 ${hours(s.medianResolutionHours)} 小时（整体 ${hours(s.overallMedianResolutionHours)} 小时）`,
    );
  }
  if (s.unhelpfulShare !== null && s.unhelpfulShare > 0)
    say(`${pct(s.unhelpfulShare)} of votes on its articles unhelpful`, `相关文章 ${pct(s.unhelpfulShare)} 的投票认为没有帮助`);
  if (s.noResultSearches > 0) say(`${s.noResultSearches} searches without results`, `${s.noResultSearches} 次搜索无结果`);
  return { en, zh };
}

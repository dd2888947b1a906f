/**
 * Self-service metrics (docs/design.md §4): the self-service score (Zendesk's definition) and
 * contact-form deflection, from the session roll-ups (api/db/queries/rollups.ts).
 * A session belongs to the period of its first event and has the lang of that event.
 */
import { contactsByDate, requesterCount, sessionsByDate } from '../db/queries/metrics-events.ts';
import { localMidnightUtc, periodOfDate, periodsOf } from './period.ts';
import { ratio } from '../../core/stats.ts';
import { topicScope } from '../../core/content/topics.ts';
import { sumIntoPeriods, totalsOf } from './series.ts';
import type { MetricDefinition, MetricQuery } from './types.ts';

const DAY_MS = 86_400_000;
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Each series period's UTC instants, clipped to the query's dates (a week may start before `from`). */
function periodRanges(query: MetricQuery): Array<{ period: string; start: string; end: string }> {
  const periods = periodsOf(query);
  const afterTo = nextDay(query.to);
  return periods.map((period, i) => {
    const first = period < query.from ? query.from : period;
    const next = periods[i + 1] ?? afterTo;
    return {
      period,
      start: new Date(localMidnightUtc(first, query.tz)).toISOString(),
      end: new Date(localMidnightUtc(next, query.tz)).toISOString(),
    };
  });
}

const selfServiceScore: MetricDefinition = {
  id: 'self-service-score',
  group: 'self-service',
  title: { 'zh-CN': '自助服务得分', en: 'Self-service score' },
  definition: {
    'zh-CN':
      '帮助中心会话数与提交工单的人（提单人）之比（Zendesk 的自助服务得分），显示为“N : 1”。提单人按天计：同一人在三天里提交工单，计为三个“提单人日”。这样总得分 = 各天会话数之和 ÷ 各天提单人数之和，曲线上每个点是同一比值在该时段内的结果，总得分总是落在各点之间，可以相互核对。没有提单人的工单单独计为一名提单人。主题筛选只作用于工单：会话没有主题。',
    en: 'Help-center sessions per person who opened a ticket (Zendesk\'s self-service score), shown as "N : 1". Requesters are counted per local day: someone who opens tickets on three days counts as three requester-days. So the headline is the sum of the series (Σ sessions ÷ Σ requester-days) and each point is the same ratio over its own days: the headline always lies between the points, and a reader can reconcile them. A ticket without a requester counts as its own requester. The topic filter applies to tickets only: sessions have no topic.',
  },
  formula: 'sessions ÷ requester-days (distinct requesters of the tickets created each local day, summed over the days)',
  unit: 'sessions-per-requester',
  window: 'sessions whose first event is in the period; tickets created in the period',
  filters: ['lang', 'topic'],
  async compute(env, query) {
    const periods = sumIntoPeriods(query, await sessionsByDate(env.db, query, query.lang), 1);
    const filters = { lang: query.lang, topics: query.topic === undefined ? undefined : topicScope(env.topics, query.topic) };
    // Distinct requesters per local day; a series period and the headline add up their days.
    const requestersByPeriod = new Map<string, number>();
    for (const [i, day] of periodRanges({ ...query, interval: 'day' }).entries()) {
      const period = periodOfDate(day.period, query.interval);
      requestersByPeriod.set(period, (requestersByPeriod.get(period) ?? 0) + (await requesterCount(env.db, day.start, day.end, filters)));
      if (i % 50 === 49) await yieldToEventLoop(); // a long range is many small queries
    }
    const series = periodsOf(query).map((period) => {
      const periodSessions = periods.get(period)?.[0] ?? 0;
      const periodRequesters = requestersByPeriod.get(period) ?? 0;
      return { period, sessions: periodSessions, requesters: periodRequesters, value: ratio(periodSessions, periodRequesters) };
    });
    const sessions = series.reduce((sum, p) => sum + p.sessions, 0);
    const requesters = series.reduce((sum, p) => sum + p.requesters, 0);
    return { value: ratio(sessions, requesters), parts: { sessions, requesters }, series };
  },
};

const deflection: MetricDefinition = {
  id: 'deflection',
  group: 'self-service',
  title: { 'zh-CN': '联系表单分流率', en: 'Contact-form deflection' },
  definition: {
    'zh-CN':
      '在打开过联系表单的会话中：明确分流 = 读者表示某条推荐内容解决了问题，且没有提交表单；隐式分流 = 看到 ≥ 1 条推荐内容，既未表示已解决也未提交（中途离开：也可能只是放弃了，因此与明确分流分开显示）；已提交 = 提交了表单。没有看到推荐内容、既未表示已解决也未提交的联系会话只计入分母。语言取会话的语言（即其第一个事件的语言）。',
    en: "Among sessions that opened the contact form (≥ 1 contact_view): explicit = said a suggestion solved it (contact_solved) and did not submit; implicit = saw ≥ 1 suggestion and neither solved nor submitted (abandoned: may have given up, so shown apart from explicit); submitted = sent the form. A contact session with no suggestion that neither solved nor submitted counts in the denominator only. The lang is the session's (its first event).",
  },
  formula: '(explicit + implicit) ÷ contact sessions; explicit rate = explicit ÷ contact sessions',
  unit: 'ratio',
  window: 'sessions whose first contact_view is in the period',
  filters: ['lang'],
  async compute(env, query) {
    const periods = sumIntoPeriods(query, await contactsByDate(env.db, query, query.lang), 4);
    const [contactSessions, explicit, implicit, submitted] = totalsOf(periods, 4) as [number, number, number, number];
    return {
      value: ratio(explicit + implicit, contactSessions),
      parts: {
        contactSessions,
        explicit,
        implicit,
        submitted,
        explicitRate: ratio(explicit, contactSessions),
        implicitRate: ratio(implicit, contactSessions),
        submittedRate: ratio(submitted, contactSessions),
      },
      series: [...periods].map(([period, [c, e, i, s]]) => ({
        period,
        contactSessions: c!,
        explicit: e!,
        implicit: i!,
        submitted: s!,
        value: ratio(e! + i!, c!),
        explicitRate: ratio(e!, c!),
      })),
    };
  },
};

export const metrics: MetricDefinition[] = [selfServiceScore, deflection];

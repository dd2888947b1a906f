/**
 * Effectiveness of training (docs/design.md §5): for each completion and each topic its article
 * covers, the agent's tickets in that topic created in the 30 days before the completion
 * [c − 30 d, c) against the 30 days after [c, c + 30 d): escalation rate and median hours to
 * resolution (resolved tickets only) on each side, with the counts. Fewer than
 * MIN_TICKETS_PER_SIDE tickets on either side → tooFewTickets, and the row stays out of the
 * pooled figures.
 */
import type { AgentTicket } from '../../db/queries/training-tickets.ts';
import { DAY_MS, mergeIntervals } from './history.ts';
import { median, ratio } from '../../../core/stats.ts';

/** Hours between two ISO times (this module's one use of it, so it lives here). */
const hoursBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 3_600_000;

export const EFFECT_WINDOW_DAYS = 30;
export const MIN_TICKETS_PER_SIDE = 5;

export interface Completion {
  agent: string;
  article: string;
  completedAt: string;
}

export interface EffectivenessRow {
  agent: string;
  topic: string;
  article: string;
  trainedAt: string;
  beforeTickets: number;
  beforeEscalated: number;
  beforeEscalationRate: number | null;
  beforeMedianResolutionHours: number | null;
  afterTickets: number;
  afterEscalated: number;
  afterEscalationRate: number | null;
  afterMedianResolutionHours: number | null;
  tooFewTickets: boolean;
}

/** The windows whose tickets must be fetched: one merged span per agent. */
export function ticketWindows(completions: Completion[]): Array<{ agent: string; start: string; end: string }> {
  const byAgent = new Map<string, Array<{ start: number; end: number }>>();
  for (const c of completions) {
    const at = Date.parse(c.completedAt);
    const list = byAgent.get(c.agent) ?? [];
    list.push({ start: at - EFFECT_WINDOW_DAYS * DAY_MS, end: at + EFFECT_WINDOW_DAYS * DAY_MS });
    byAgent.set(c.agent, list);
  }
  return [...byAgent].flatMap(([agent, list]) =>
    mergeIntervals(list).map((i) => ({ agent, start: new Date(i.start).toISOString(), end: new Date(i.end).toISOString() })),
  );
}

/** One row per completion × covered topic (restricted to `onlyTopic` when given). */
export function effectivenessRows(
  completions: Completion[],
  topicsByArticle: ReadonlyMap<string, string[]>,
  tickets: AgentTicket[],
  onlyTopic?: string,
): EffectivenessRow[] {
  const byAgentTopic = new Map<string, AgentTicket[]>();
  for (const t of tickets) {
    const k = `${t.agent}\u0000${t.topic}`;
    const list = byAgentTopic.get(k);
    if (list) list.push(t);
    else byAgentTopic.set(k, [t]);
  }
  const rows: EffectivenessRow[] = [];
  for (const c of completions) {
    const at = Date.parse(c.completedAt);
    const from = at - EFFECT_WINDOW_DAYS * DAY_MS;
    const to = at + EFFECT_WINDOW_DAYS * DAY_MS;
    for (const topic of topicsByArticle.get(c.article) ?? []) {
      if (onlyTopic !== undefined && topic !== onlyTopic) continue;
      const before: AgentTicket[] = [];
      const after: AgentTicket[] = [];
      for (const t of byAgentTopic.get(`${c.agent}\u0000${topic}`) ?? []) {
        const created = Date.parse(t.createdAt);
        if (created >= from && created < at) before.push(t);
        else if (created >= at && created < to) after.push(t);
      }
      const side = (list: AgentTicket[]) => {
        const escalated = list.filter((t) => t.escalated).length;
        const hours = list.filter((t) => t.resolvedAt !== null).map((t) => hoursBetween(t.createdAt, t.resolvedAt!));
        return { tickets: list.length, escalated, rate: ratio(escalated, list.length), median: median(hours) };
      };
      const b = side(before);
      const a = side(after);
      rows.push({
        agent: c.agent,
        topic,
        article: c.article,
        trainedAt: c.completedAt,
        beforeTickets: b.tickets,
        beforeEscalated: b.escalated,
        beforeEscalationRate: b.rate,
        beforeMedianResolutionHours: b.median,
        afterTickets: a.tickets,
        afterEscalated: a.escalated,
        afterEscalationRate: a.rate,
        afterMedianResolutionHours: a.median,
        tooFewTickets: b.tickets < MIN_TICKETS_PER_SIDE || a.tickets < MIN_TICKETS_PER_SIDE,
      });
    }
  }
  return rows;
}

/** Pooled escalation rates over the rows with enough tickets. */
export function pooledEffect(rows: EffectivenessRow[]) {
  const evaluated = rows.filter((r) => !r.tooFewTickets);
  const sum = (f: (r: EffectivenessRow) => number) => evaluated.reduce((s, r) => s + f(r), 0);
  const before = ratio(
    sum((r) => r.beforeEscalated),
    sum((r) => r.beforeTickets),
  );
  const after = ratio(
    sum((r) => r.afterEscalated),
    sum((r) => r.afterTickets),
  );
  return {
    trainings: rows.length,
    evaluated: evaluated.length,
    beforeEscalationRate: before,
    afterEscalationRate: after,
    change: before === null || after === null ? null : after - before,
  };
}

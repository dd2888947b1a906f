/**
 * People and ticket-weighted coverage per topic (docs/design.md §5), from the tickets created in
 * the period that are resolved. "Trained at resolution time" is read at resolvedAt (closedAt
 * when the helpdesk recorded no resolution time).
 * - Ticket-weighted: resolved tickets of T whose agent was trained on T at that time ÷
 *   resolved tickets of T (a resolved ticket without an agent counts, as not covered).
 * - People: of the agents who resolved ≥ 1 ticket of T, those trained on T at the time of
 *   their latest resolution of T in the period ÷ all of them.
 */
import type { ResolvedTicket } from '../../db/queries/training-tickets.ts';
import type { TrainingHistory } from './history.ts';

export interface TopicCoverage {
  topic: string;
  /** Resolved tickets of T (the ticket-weighted denominator). */
  resolved: number;
  coveredTickets: number;
  /** Agent → trained at their latest resolution of T in the period. */
  agents: Map<string, boolean>;
  /** Hours from creation to resolution of each resolved ticket (medians). */
  resolutionHours: number[];
}

/**
 * Whether `agent` was trained at `at` for a ticket of `topic`: on the topic itself or on one of
 * its ancestors (training on `accounts` prepares for `accounts-password`).
 */
export function trainedFor(
  history: TrainingHistory,
  ancestry: (topic: string) => string[],
  agent: string,
  topic: string,
  at: number,
): boolean {
  return ancestry(topic).some((t) => history.trainedAt(agent, t, at));
}

/**
 * Coverage of every topic that has resolved tickets. A ticket counts under its topic and each
 * ancestor (`ancestry`, docs/design.md §4), judged by training for its own topic (trainedFor).
 */
export function topicCoverage(
  tickets: ResolvedTicket[],
  history: TrainingHistory,
  ancestry: (topic: string) => string[] = (topic) => [topic],
): Map<string, TopicCoverage> {
  const byTopic = new Map<string, TopicCoverage>();
  // row topic → agent → latest resolution (ms) and whether they were trained for that ticket
  const latest = new Map<string, Map<string, { at: number; trained: boolean }>>();
  for (const t of tickets) {
    const at = t.resolvedAt;
    const trained = t.agent !== null && trainedFor(history, ancestry, t.agent, t.topic, at);
    for (const row of ancestry(t.topic)) {
      let c = byTopic.get(row);
      if (!c) {
        c = { topic: row, resolved: 0, coveredTickets: 0, agents: new Map(), resolutionHours: [] };
        byTopic.set(row, c);
        latest.set(row, new Map());
      }
      c.resolved++;
      c.resolutionHours.push(t.resolutionSeconds / 3600);
      if (t.agent === null) continue;
      if (trained) c.coveredTickets++;
      const agents = latest.get(row)!;
      if ((agents.get(t.agent)?.at ?? -Infinity) < at) agents.set(t.agent, { at, trained });
    }
  }
  for (const [topic, agents] of latest) {
    const c = byTopic.get(topic)!;
    for (const [agent, { trained }] of agents) c.agents.set(agent, trained);
  }
  return byTopic;
}

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

/** Coverage of every topic that has resolved tickets. */
export function topicCoverage(tickets: ResolvedTicket[], history: TrainingHistory): Map<string, TopicCoverage> {
  const byTopic = new Map<string, TopicCoverage>();
  const latest = new Map<string, Map<string, number>>(); // topic → agent → latest resolution (ms)
  for (const t of tickets) {
    let c = byTopic.get(t.topic);
    if (!c) {
      c = { topic: t.topic, resolved: 0, coveredTickets: 0, agents: new Map(), resolutionHours: [] };
      byTopic.set(t.topic, c);
      latest.set(t.topic, new Map());
    }
    const at = t.resolvedAt;
    c.resolved++;
    c.resolutionHours.push(t.resolutionSeconds / 3600);
    if (t.agent === null) continue;
    if (history.trainedAt(t.agent, t.topic, at)) c.coveredTickets++;
    const agents = latest.get(t.topic)!;
    if ((agents.get(t.agent) ?? -Infinity) < at) agents.set(t.agent, at);
  }
  for (const [topic, agents] of latest) {
    const c = byTopic.get(topic)!;
    for (const [agent, at] of agents) c.agents.set(agent, history.trainedAt(agent, topic, at));
  }
  return byTopic;
}

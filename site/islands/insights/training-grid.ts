/**
 * The topic × team coverage grid behind the training heatmap and its table, from the
 * `training-matrix` rows (one per topic and team). Pure, so the layout is tested.
 */
import { num, str, type MetricNumber, type MetricRow } from './types.ts';

export interface GridCell {
  agents: number;
  trainedAgents: number;
  coverage: MetricNumber;
}

export interface CoverageGrid {
  /** Teams in name order; agents outside the roster ("unassigned", "—") last. */
  teams: string[];
  /** Topics in the order given (`topicOrder`, the taxonomy's), then any others by id. */
  topics: Array<{ topic: string; name: string }>;
  cell(topic: string, team: string): GridCell | undefined;
}

const UNASSIGNED = new Set(['unassigned', '—', '-', '']);

export function coverageGrid(rows: MetricRow[], topicOrder: readonly string[] = []): CoverageGrid {
  const cells = new Map<string, GridCell>();
  const teams = new Set<string>();
  const names = new Map<string, string>();
  for (const row of rows) {
    const topic = str(row, 'topic');
    const team = str(row, 'team');
    teams.add(team);
    if (!names.has(topic)) names.set(topic, str(row, 'name') || topic);
    cells.set(`${topic}\u0000${team}`, {
      agents: num(row, 'agents') ?? 0,
      trainedAgents: num(row, 'trainedAgents') ?? 0,
      coverage: num(row, 'coverage'),
    });
  }
  const position = new Map(topicOrder.map((id, i) => [id, i]));
  const topics = [...names.entries()]
    .map(([topic, name]) => ({ topic, name }))
    .sort((a, b) => (position.get(a.topic) ?? Infinity) - (position.get(b.topic) ?? Infinity) || a.topic.localeCompare(b.topic));
  const teamList = [...teams].sort((a, b) => Number(UNASSIGNED.has(a)) - Number(UNASSIGNED.has(b)) || a.localeCompare(b));
  return { teams: teamList, topics, cell: (topic, team) => cells.get(`${topic}\u0000${team}`) };
}

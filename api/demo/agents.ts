/**
 * The demo support team: twelve agents in three teams. Ticket `agent` values are the ids
 * below; the training seed and the roster use the same list, so the training dashboards
 * join tickets, records and teams without gaps.
 */

/** One agent of the demo roster (the shape of a roster CSV row: agent, name, team). */
export interface DemoAgent {
  /** The helpdesk's agent value, as tickets carry it. */
  agent: string;
  name: string;
  team: string;
}

export const DEMO_TEAMS = ['Accounts & Billing', 'Install & Platform', 'Data & Integrations'] as const;

export const DEMO_AGENTS: readonly DemoAgent[] = [
  { agent: 'wang.min', name: '王敏 Wang Min', team: DEMO_TEAMS[0] },
  { agent: 'li.na', name: '李娜 Li Na', team: DEMO_TEAMS[0] },
  { agent: 'zhang.wei', name: '张伟 Zhang Wei', team: DEMO_TEAMS[0] },
  { agent: 'emma.clarke', name: 'Emma Clarke', team: DEMO_TEAMS[0] },
  { agent: 'liu.yang', name: '刘洋 Liu Yang', team: DEMO_TEAMS[1] },
  { agent: 'chen.jing', name: '陈静 Chen Jing', team: DEMO_TEAMS[1] },
  { agent: 'zhao.lei', name: '赵磊 Zhao Lei', team: DEMO_TEAMS[1] },
  { agent: 'daniel.ng', name: 'Daniel Ng', team: DEMO_TEAMS[1] },
  { agent: 'huang.li', name: '黄丽 Huang Li', team: DEMO_TEAMS[2] },
  { agent: 'zhou.tao', name: '周涛 Zhou Tao', team: DEMO_TEAMS[2] },
  { agent: 'wu.xue', name: '吴雪 Wu Xue', team: DEMO_TEAMS[2] },
  { agent: 'sofia.martin', name: 'Sofia Martin', team: DEMO_TEAMS[2] },
];

/** Which team works a top-level topic of the demo taxonomy; other topics go round-robin. */
const TEAM_OF_ROOT: Record<string, number> = {
  accounts: 0,
  licensing: 0,
  billing: 0,
  install: 1,
  performance: 1,
  mobile: 1,
  data: 2,
  integrations: 2,
  reports: 2,
};

/** The team index that handles a topic, from its top-level topic (`rootIndex` orders unknown roots). */
export function teamOfTopic(root: string, rootIndex: number): number {
  return TEAM_OF_ROOT[root] ?? rootIndex % DEMO_TEAMS.length;
}

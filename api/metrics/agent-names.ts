/**
 * One display name per agent on every dashboard (issue 18): the name of the enabled staff
 * account carrying that agent id, else the roster's (`npm run import:roster`), else the id
 * itself. The scorecards' directory (scorecards.ts, agentDirectory) applies the same rule.
 */
import type { Db } from '../db/index.ts';
import { listStaffUsers } from '../db/queries/staff-users.ts';
import { listRoster } from '../db/queries/training.ts';

/** Agent id → display name, for every agent the roster or a staff account names. */
export async function agentNames(db: Db): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  // Both reads at once (one round trip's wait on PostgreSQL); the staff accounts' names still win over the roster's.
  const [roster, users] = await Promise.all([listRoster(db), listStaffUsers(db)]);
  for (const r of roster) if (r.name) names.set(r.agent, r.name);
  for (const u of users) if (u.agentId !== null && !u.disabled) names.set(u.agentId, u.displayName);
  return names;
}

/** The display name of `agent` in `names`, or the id when nobody named it. */
export const displayName = (names: ReadonlyMap<string, string>, agent: string): string => names.get(agent) ?? agent;

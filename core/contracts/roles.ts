/**
 * Staff roles, one list for accounts and bearer tokens (docs/design.md §7): `agent` works
 * requests, links, flags and drafts; `lead` is an agent who also sees the team's figures;
 * `trainer` keeps training records and plans; `manager` sees every team's figures and reports;
 * `admin` may do everything, accounts and tokens included.
 */
import { z } from './zod.ts';

export const ROLES = ['agent', 'lead', 'trainer', 'manager', 'admin'] as const;
/** A staff role. */
export type Role = (typeof ROLES)[number];

/** A role as the API takes it. */
export const roleSchema = z.enum(ROLES).openapi({ description: `One of ${ROLES.join(', ')}`, example: 'agent' });

/** The roles each role stands in for besides itself; admin stands in for every role. */
const SATISFIES: Record<Role, readonly Role[]> = {
  agent: [],
  lead: ['agent'],
  trainer: [],
  manager: ['lead', 'agent', 'trainer'],
  admin: ROLES,
};

/** Whether someone with `role` may do what needs `required`. */
export function roleSatisfies(role: Role, required: Role): boolean {
  return role === required || SATISFIES[role].includes(required);
}

/** Whether `role` satisfies at least one of `required` (none required: any role). */
export function roleSatisfiesAny(role: Role, required: readonly Role[]): boolean {
  return required.length === 0 || required.some((r) => roleSatisfies(role, r));
}

/** Whether `value` names a role. */
export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

import { describe, expect, it } from 'vitest';
import { ROLES, roleSatisfies, roleSatisfiesAny, type Role } from '../../core/contracts/roles.ts';

// Rows: the caller's role; columns: the role required (docs/design.md §7).
//            agent  lead   trainer manager admin
const TABLE: Record<Role, boolean[]> = {
  agent: [true, false, false, false, false],
  lead: [true, true, false, false, false],
  trainer: [false, false, true, false, false],
  manager: [true, true, true, true, false],
  admin: [true, true, true, true, true],
};

describe('roleSatisfies', () => {
  for (const role of ROLES)
    for (const [i, required] of ROLES.entries())
      it(`${TABLE[role][i] ? 'lets' : 'does not let'} ${role} do what needs ${required}`, () => {
        expect(roleSatisfies(role, required)).toBe(TABLE[role][i]);
      });

  it('lets any role through when none is required, and one of several suffices', () => {
    expect(ROLES.every((role) => roleSatisfiesAny(role, []))).toBe(true);
    expect(roleSatisfiesAny('trainer', ['agent', 'trainer'])).toBe(true);
    expect(roleSatisfiesAny('trainer', ['agent', 'lead'])).toBe(false);
  });
});

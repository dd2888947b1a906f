/** Staff bearer tokens, stored as SHA-256 hashes. */
import type { Db } from '../index.ts';
import type { Role } from '../../../core/contracts/roles.ts';

// The roles live in core (the site shows them too); re-exported for the existing callers.
export { ROLES, type Role } from '../../../core/contracts/roles.ts';

export async function insertToken(db: Db, name: string, role: Role, tokenHash: string, now: Date): Promise<number> {
  const row = await db
    .insertInto('staff_tokens')
    .values({ name, role, token_hash: tokenHash, created_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findActiveToken(db: Db, tokenHash: string) {
  return db
    .selectFrom('staff_tokens')
    .select(['id', 'name', 'role', 'token_hash'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function listTokens(db: Db) {
  return db.selectFrom('staff_tokens').select(['id', 'name', 'role', 'created_at', 'last_used_at', 'revoked_at']).orderBy('id').execute();
}

export async function revokeToken(db: Db, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('staff_tokens')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

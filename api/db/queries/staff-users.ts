/**
 * Staff accounts, their sessions and their password links (migration 0011; docs/design.md §7).
 * Session ids and link tokens arrive here already hashed (SHA-256, api/lib/staff/sessions.ts).
 */
import type { Db } from '../index.ts';
import type { Role } from '../../../core/contracts/roles.ts';

/** An account as the API and the CLI show it (never its password hash). */
export interface StaffUser {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  team: string | null;
  agentId: string | null;
  disabled: boolean;
}

/** What creating an account takes; the e-mail is stored in lower case. */
export interface NewStaffUser {
  email: string;
  displayName: string;
  role: Role;
  team?: string | null | undefined;
  agentId?: string | null | undefined;
  passwordHash?: string | null | undefined;
}

/** The form an e-mail address is stored and looked up in. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

const USER_COLUMNS = ['id', 'email', 'display_name', 'role', 'team', 'agent_id', 'disabled_at'] as const;

type UserRow = {
  id: number;
  email: string;
  display_name: string;
  role: string;
  team: string | null;
  agent_id: string | null;
  disabled_at: string | null;
};

const toUser = (row: UserRow): StaffUser => ({
  id: Number(row.id),
  email: row.email,
  displayName: row.display_name,
  role: row.role as Role,
  team: row.team,
  agentId: row.agent_id,
  disabled: row.disabled_at !== null,
});

/** Creates an account; its id. Throws on an e-mail that already has one (unique index). */
export async function insertStaffUser(db: Db, user: NewStaffUser, now: Date): Promise<number> {
  const row = await db
    .insertInto('staff_users')
    .values({
      email: normalizeEmail(user.email),
      display_name: user.displayName,
      role: user.role,
      team: user.team ?? null,
      agent_id: user.agentId ?? null,
      password_hash: user.passwordHash ?? null,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** One account by id, or undefined. */
export async function findStaffUserById(db: Db, id: number): Promise<StaffUser | undefined> {
  const row = await db.selectFrom('staff_users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

/** One account by e-mail (any case), or undefined. */
export async function findStaffUserByEmail(db: Db, email: string): Promise<StaffUser | undefined> {
  const row = await db.selectFrom('staff_users').select(USER_COLUMNS).where('email', '=', normalizeEmail(email)).executeTakeFirst();
  return row && toUser(row);
}

/** The account and its password hash, for sign-in. */
export async function findStaffCredentials(db: Db, email: string): Promise<(StaffUser & { passwordHash: string | null }) | undefined> {
  const row = await db
    .selectFrom('staff_users')
    .select([...USER_COLUMNS, 'password_hash'])
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
  return row && { ...toUser(row), passwordHash: row.password_hash };
}

/** Every account, by display name then id. */
export async function listStaffUsers(db: Db): Promise<StaffUser[]> {
  const rows = await db.selectFrom('staff_users').select(USER_COLUMNS).orderBy('display_name').orderBy('id').execute();
  return rows.map(toUser);
}

/** Disables an account and ends its sessions; false when it was already disabled or does not exist. */
export async function disableStaffUser(db: Db, id: number, now: Date): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const result = await tx
      .updateTable('staff_users')
      .set({ disabled_at: now.toISOString() })
      .where('id', '=', id)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    await tx.deleteFrom('staff_sessions').where('user_id', '=', id).execute();
    await tx.deleteFrom('staff_password_links').where('user_id', '=', id).where('used_at', 'is', null).execute();
    return Number(result.numUpdatedRows) > 0;
  });
}

/** Sets a new password hash and ends the account's sessions (a new password signs out everywhere). */
export async function setStaffPassword(db: Db, id: number, passwordHash: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('staff_users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
    await tx.deleteFrom('staff_sessions').where('user_id', '=', id).execute();
  });
}

// Sessions

/** Stores a new session (its id's hash) for a user. */
export async function insertStaffSession(db: Db, idHash: string, userId: number, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.insertInto('staff_sessions').values({ id_hash: idHash, user_id: userId, created_at: at, last_seen_at: at }).execute();
}

/** A session with its (enabled) account, or undefined when there is none or the account is disabled. */
export async function findStaffSession(db: Db, idHash: string) {
  const row = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', 'u.id', 's.user_id')
    .select([
      's.id_hash',
      's.created_at',
      's.last_seen_at',
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.team',
      'u.agent_id',
      'u.disabled_at',
    ])
    .where('s.id_hash', '=', idHash)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  return row && { idHash: row.id_hash, createdAt: row.created_at, lastSeenAt: row.last_seen_at, user: toUser(row) };
}

/** Moves a session's last use forward (the idle time-out counts from it). */
export async function touchStaffSession(db: Db, idHash: string, now: Date): Promise<void> {
  await db.updateTable('staff_sessions').set({ last_seen_at: now.toISOString() }).where('id_hash', '=', idHash).execute();
}

/** Ends one session. */
export async function deleteStaffSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('id_hash', '=', idHash).execute();
}

/** Deletes the sessions past either time-out: idle since before `idleBefore`, or created before `createdBefore`. */
export async function deleteExpiredStaffSessions(db: Db, idleBefore: Date, createdBefore: Date): Promise<number> {
  const result = await db
    .deleteFrom('staff_sessions')
    .where((eb) => eb.or([eb('last_seen_at', '<', idleBefore.toISOString()), eb('created_at', '<', createdBefore.toISOString())]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

// Password links

/** Stores a one-time password link (its token's hash) valid until `expiresAt`; earlier unused links of the user stop working. */
export async function insertPasswordLink(db: Db, tokenHash: string, userId: number, now: Date, expiresAt: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('staff_password_links').where('user_id', '=', userId).where('used_at', 'is', null).execute();
    await tx
      .insertInto('staff_password_links')
      .values({ token_hash: tokenHash, user_id: userId, created_at: now.toISOString(), expires_at: expiresAt.toISOString() })
      .execute();
  });
}

/**
 * Uses a password link: marks it used, sets the account's password and ends its sessions, in
 * one transaction; answers the user's id, or undefined when the link is unknown, used, expired
 * or its account disabled. The link is marked by one conditional statement, so two uses at the
 * same moment cannot both succeed.
 */
export async function setPasswordWithLink(db: Db, tokenHash: string, passwordHash: string, now: Date): Promise<number | undefined> {
  const at = now.toISOString();
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable('staff_password_links')
      .set({ used_at: at })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .where('user_id', 'in', (eb) => eb.selectFrom('staff_users').select('id').where('disabled_at', 'is', null))
      .returning('user_id')
      .executeTakeFirst();
    if (!row) return undefined;
    const userId = Number(row.user_id);
    await tx.updateTable('staff_users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
    await tx.deleteFrom('staff_sessions').where('user_id', '=', userId).execute();
    return userId;
  });
}

/**
 * Staff accounts (issue #16, docs/design.md §7): people who sign in with an e-mail address and
 * a password, their server-side sessions (in the database, so every API replica knows them)
 * and the one-time links that set a password. Only hashes of session ids and link tokens are
 * stored; the password as scrypt parameters, salt and hash (api/lib/staff/password.ts).
 */
import type { Kysely } from 'kysely';
import { rowId, text } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_users')
    // Never reused: other tables (assignees, history) keep a user's id after the account is disabled.
    .addColumn('id', ...rowId(db, { autoIncrement: true }))
    /** Lower case; the sign-in name. */
    .addColumn('email', text(db), (c) => c.notNull())
    .addColumn('display_name', text(db), (c) => c.notNull())
    /** One of core/contracts/roles.ts ROLES. */
    .addColumn('role', text(db), (c) => c.notNull())
    .addColumn('team', text(db))
    /** The agent id that imported tickets carry for this person (ServiceNow's assigned_to, …). */
    .addColumn('agent_id', text(db))
    /** `scrypt$<N>$<r>$<p>$<salt>$<hash>`; null until the person sets a password through a link. */
    .addColumn('password_hash', text(db))
    .addColumn('disabled_at', text(db))
    .addColumn('created_at', text(db), (c) => c.notNull())
    .execute();
  // Sign-in looks the account up by e-mail, and an address names one account.
  await db.schema.createIndex('staff_users_email').unique().on('staff_users').column('email').execute();

  await db.schema
    .createTable('staff_sessions')
    /** SHA-256 of the cookie's session id (hex); the id itself is never stored. */
    .addColumn('id_hash', text(db), (c) => c.primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.notNull())
    .addColumn('created_at', text(db), (c) => c.notNull())
    /** Moved forward as the session is used (at most once a minute); the idle time-out counts from it. */
    .addColumn('last_seen_at', text(db), (c) => c.notNull())
    .execute();
  // Signing out everywhere (disable, new password) deletes a user's sessions.
  await db.schema.createIndex('staff_sessions_user').on('staff_sessions').column('user_id').execute();

  await db.schema
    .createTable('staff_password_links')
    /** SHA-256 of the link's token (hex). */
    .addColumn('token_hash', text(db), (c) => c.primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.notNull())
    .addColumn('created_at', text(db), (c) => c.notNull())
    .addColumn('expires_at', text(db), (c) => c.notNull())
    .addColumn('used_at', text(db))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('staff_password_links').execute();
  await db.schema.dropTable('staff_sessions').execute();
  await db.schema.dropTable('staff_users').execute();
}

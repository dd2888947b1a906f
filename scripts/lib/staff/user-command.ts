/**
 * `npm run user -- create|list|disable|reset` (issue #16): staff accounts from the command
 * line. `create` and `reset` print a one-time link that sets the password (24 hours, once);
 * nobody ever types a password on the command line, where it would stay in the shell's
 * history. scripts/user.ts is the thin entry; this module is what the tests drive.
 */
import { parseArgs } from 'node:util';
import type { Db } from '../../../api/db/index.ts';
import { disableStaffUser, findStaffUserByEmail, insertStaffUser, listStaffUsers } from '../../../api/db/queries/staff-users.ts';
import { createPasswordLink } from '../../../api/lib/staff/password-links.ts';
import { ROLES, roleSchema } from '../../../core/contracts/roles.ts';
import { agentIdSchema, displayNameSchema, staffEmailSchema, teamSchema } from '../../../core/contracts/staff.ts';
import { UsageError } from '../cli/usage.ts';
import type { ZodType, ZodTypeDef } from 'zod';

export const USER_HELP = `Usage:
  npm run user -- create --email <address> --name "<display name>" --role <${ROLES.join('|')}> [--team <team>] [--agent-id <id>]
  npm run user -- list
  npm run user -- disable <email>
  npm run user -- reset <email>

Staff accounts sign in at /staff/sign-in/. "create" and "reset" print a one-time link that sets
the password: valid 24 hours, usable once (a new "reset" replaces an unused link). Give it to
the person; the database keeps only its hash. "disable" ends the account's sessions and
refuses its sign-ins; its name stays on what it did.

  --agent-id  the agent id imported tickets carry for this person (for example ServiceNow's assigned_to)
  --team      the team a lead sees the figures of

Roles: agent works requests; lead is an agent who also sees the team's figures; trainer keeps
training records; manager sees every team's figures and reports; admin may do everything.
The link is a path: open it on the help center's address (https://<your help center>/staff/set-password/?t=…).
Database: DATABASE_URL (PostgreSQL), else KB_DB.`;

export interface UserCommandOptions {
  db: Db;
  now: Date;
  /** Where lines go (console.log). */
  print: (line: string) => void;
}

function valid<T>(flag: string, schema: ZodType<T, ZodTypeDef, unknown>, raw: string | undefined): T {
  if (raw === undefined) throw new UsageError(`--${flag} is required`);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`--${flag} ${parsed.error.issues[0]!.message} (got "${raw}")`);
  return parsed.data;
}

function optional<T>(flag: string, schema: ZodType<T, ZodTypeDef, unknown>, raw: string | undefined): T | null {
  return raw === undefined ? null : valid(flag, schema, raw);
}

/** Runs one `user` command; throws a UsageError on wrong usage and an Error when the work fails. */
export async function runUserCommand(args: string[], options: UserCommandOptions): Promise<void> {
  const { db, now, print } = options;
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      team: { type: 'string' },
      'agent-id': { type: 'string' },
    },
  });
  const [command, target, ...rest] = positionals;
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  const link = async (userId: number) => {
    const made = await createPasswordLink(db, userId, now);
    print(`One-time link to set the password, on the help center's address (valid until ${made.expiresAt.toISOString()}, usable once):`);
    print(made.path);
  };
  const accountOf = async (raw: string | undefined, verb: string) => {
    if (!raw) throw new UsageError(`${verb} takes the account's e-mail address`);
    const email = valid('email', staffEmailSchema, raw);
    const user = await findStaffUserByEmail(db, email);
    if (!user) throw new Error(`no account has the e-mail address ${email}`);
    return user;
  };

  if (command === 'create') {
    if (target) throw new UsageError(`create takes flags only, not "${target}"`);
    const email = valid('email', staffEmailSchema, values.email);
    const displayName = valid('name', displayNameSchema, values.name);
    if (values.role === undefined) throw new UsageError(`--role is required: one of ${ROLES.join(', ')}`);
    const role = roleSchema.safeParse(values.role);
    if (!role.success) throw new UsageError(`--role must be one of ${ROLES.join(', ')} (got "${values.role}")`);
    const team = optional('team', teamSchema, values.team);
    const agentId = optional('agent-id', agentIdSchema, values['agent-id']);
    if (await findStaffUserByEmail(db, email)) throw new Error(`an account with the e-mail address ${email} exists already`);
    const id = await insertStaffUser(db, { email, displayName, role: role.data, team, agentId }, now);
    print(`Created ${role.data} account #${id} for ${displayName} <${email}>.`);
    await link(id);
  } else if (command === 'list') {
    if (target) throw new UsageError(`list takes no argument, got "${target}"`);
    const users = await listStaffUsers(db);
    if (users.length === 0) print('No accounts.');
    for (const u of users)
      print([`#${u.id}`, u.email, u.displayName, u.role, u.team ?? '-', u.agentId ?? '-', u.disabled ? 'disabled' : 'active'].join('\t'));
    if (users.length) print(`${users.length} accounts, ${users.filter((u) => !u.disabled).length} active.`);
  } else if (command === 'disable') {
    const user = await accountOf(target, 'disable');
    if (!(await disableStaffUser(db, user.id, now))) throw new Error(`${user.email} is disabled already`);
    print(`Disabled ${user.displayName} <${user.email}>; their sessions have ended.`);
  } else if (command === 'reset') {
    const user = await accountOf(target, 'reset');
    if (user.disabled) throw new Error(`${user.email} is disabled; a disabled account gets no password link`);
    print(`Password link for ${user.displayName} <${user.email}>; the current password works until it is used.`);
    await link(user.id);
  } else {
    throw new UsageError(command ? `unknown command "${command}"` : 'name a command: create, list, disable or reset');
  }
}

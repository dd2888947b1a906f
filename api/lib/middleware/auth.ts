/**
 * Staff authentication (docs/design.md §7): a bearer token with a role, or the `kb_session`
 * cookie of a signed-in account (api/lib/staff/sessions.ts). Tokens are stored as SHA-256
 * hashes and compared in constant time; KB_ADMIN_TOKEN (env) is accepted as an admin token so
 * a fresh install and CI can bootstrap. A write that rides on the cookie must come from this
 * site (same-origin check), or it is refused with 403: that is the CSRF defence.
 */
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../../db/index.ts';
import { findActiveToken } from '../../db/queries/tokens.ts';
import type { StaffUser } from '../../db/queries/staff-users.ts';
import { ApiError } from '../http/errors.ts';
import { roleSatisfiesAny, type Role } from '../../../core/contracts/roles.ts';
import type { StaffIdentity } from '../../../core/contracts/staff.ts';
import { hashSecret, randomSecret, sameHash } from '../staff/secrets.ts';
import {
  clearedSessionCookie,
  DEFAULT_SESSION_SETTINGS,
  isSameOrigin,
  isWrite,
  resumeSession,
  sessionIdOf,
  type StaffSessionSettings,
} from '../staff/sessions.ts';

export type { StaffIdentity } from '../../../core/contracts/staff.ts';

export const hashToken = hashSecret;

/** A new random token; shown once, stored only as its hash. */
export const newToken = () => `kb_${randomSecret()}`;

export type AuthEnv = {
  Variables: {
    staff: StaffIdentity;
    /** How the caller authenticated. */
    staffVia: 'session' | 'token';
    /** The session id when signed in with the cookie (sign-out ends it). */
    staffSession: string | undefined;
    /** Set by the app on every API request (api/app.ts); defaults when absent. */
    staffSessions: StaffSessionSettings | undefined;
  };
};

/** The identity of a signed-in account. */
export const userIdentity = (user: StaffUser): StaffIdentity => ({
  name: user.displayName,
  role: user.role,
  userId: user.id,
  email: user.email,
  team: user.team,
  agentId: user.agentId,
});

const tokenIdentity = (name: string, role: Role): StaffIdentity => ({ name, role, userId: null, email: null, team: null, agentId: null });

/** Resolves a bearer token to a staff identity, or null. */
export async function authenticate(db: Db, token: string, adminToken: string | undefined): Promise<StaffIdentity | null> {
  const hash = hashToken(token);
  if (adminToken && sameHash(hash, hashToken(adminToken))) return tokenIdentity('KB_ADMIN_TOKEN', 'admin');
  const row = await findActiveToken(db, hash);
  if (!row || !sameHash(hash, row.token_hash)) return null;
  return tokenIdentity(row.name, row.role as Role);
}

const signInNeeded = (message: string, headers: Record<string, string> = {}) =>
  new ApiError(401, 'unauthorized', message, [], { 'WWW-Authenticate': 'Bearer', ...headers });

/**
 * Requires a staff member whose role satisfies one of `roles` (core/contracts/roles.ts
 * roleSatisfies: admin satisfies every role, manager lead, agent and trainer, lead agent; no
 * roles: any staff member). A bearer token is used when sent; otherwise the session cookie.
 */
export function requireStaff(db: Db, adminToken: string | undefined, ...roles: Role[]): MiddlewareHandler<AuthEnv> {
  return async function requireStaffRole(c, next) {
    const settings = c.get('staffSessions') ?? DEFAULT_SESSION_SETTINGS;
    const header = c.req.header('authorization');
    let staff: StaffIdentity;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw signInNeeded('A staff token is sent as "Authorization: Bearer <token>"');
      const found = await authenticate(db, match[1]!, adminToken);
      if (!found)
        throw new ApiError(401, 'unauthorized', 'The token is not valid or has been revoked', [], {
          'WWW-Authenticate': 'Bearer error="invalid_token"',
        });
      staff = found;
      c.set('staffVia', 'token');
    } else {
      const id = sessionIdOf(c);
      if (!id) throw signInNeeded('Sign in at /staff/sign-in/, or send a staff token: "Authorization: Bearer <token>"');
      const user = await resumeSession(db, id, settings);
      if (!user)
        throw signInNeeded('Your sign-in has expired or ended; sign in again at /staff/sign-in/', {
          'Set-Cookie': clearedSessionCookie(settings),
        });
      if (isWrite(c) && !isSameOrigin(c, settings))
        throw new ApiError(403, 'cross_origin', 'A change made with the sign-in cookie must come from a page of this site (Origin header)');
      staff = userIdentity(user);
      c.set('staffVia', 'session');
      c.set('staffSession', id);
    }
    if (!roleSatisfiesAny(staff.role, roles)) {
      const who = c.get('staffVia') === 'token' ? 'the token has' : 'your account has';
      throw new ApiError(403, 'forbidden', `This needs the role ${roles.join(' or ')}; ${who} the role ${staff.role}`);
    }
    c.set('staff', staff);
    await next();
  };
}

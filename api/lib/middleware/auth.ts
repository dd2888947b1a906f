/**
 * Staff authentication: bearer tokens with roles. Tokens are stored as SHA-256 hashes and
 * compared in constant time; KB_ADMIN_TOKEN (env) is accepted as an admin token so a
 * fresh install and CI can bootstrap.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../../db/index.ts';
import { findActiveToken, type Role } from '../../db/queries/tokens.ts';
import { ApiError } from '../http/errors.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new random token; shown once, stored only as its hash. */
export const newToken = () => `kb_${randomBytes(32).toString('base64url')}`;

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface StaffIdentity {
  name: string;
  role: Role;
}

export type AuthEnv = { Variables: { staff: StaffIdentity } };

/** Resolves a bearer token to a staff identity, or null. */
export async function authenticate(db: Db, token: string, adminToken: string | undefined): Promise<StaffIdentity | null> {
  const hash = hashToken(token);
  if (adminToken && sameHash(hash, hashToken(adminToken))) return { name: 'KB_ADMIN_TOKEN', role: 'admin' };
  const row = await findActiveToken(db, hash);
  if (!row || !sameHash(hash, row.token_hash)) return null;
  return { name: row.name, role: row.role as Role };
}

/** Requires a valid staff token whose role is one of `roles` (admin may do everything). */
export function requireStaff(db: Db, adminToken: string | undefined, ...roles: Role[]): MiddlewareHandler<AuthEnv> {
  return async function requireStaffRole(c, next) {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match)
      throw new ApiError(401, 'unauthorized', 'A staff token is required: send "Authorization: Bearer <token>"', [], {
        'WWW-Authenticate': 'Bearer',
      });
    const staff = await authenticate(db, match[1]!, adminToken);
    if (!staff)
      throw new ApiError(401, 'unauthorized', 'The token is not valid or has been revoked', [], {
        'WWW-Authenticate': 'Bearer error="invalid_token"',
      });
    if (staff.role !== 'admin' && !roles.includes(staff.role)) {
      throw new ApiError(403, 'forbidden', `This needs the role ${roles.join(' or ')}; the token has the role ${staff.role}`);
    }
    c.set('staff', staff);
    await next();
  };
}

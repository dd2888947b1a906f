/**
 * One-time links that set a staff password (issue #16): `/staff/set-password/?t=<token>`,
 * valid 24 hours, usable once; a new link for the same account replaces the old one. Only the
 * token's SHA-256 is stored. `npm run user -- create|reset` prints them.
 */
import type { Db } from '../../db/index.ts';
import { insertPasswordLink } from '../../db/queries/staff-users.ts';
import { hashSecret, randomSecret } from './secrets.ts';

/** How long a link works. */
export const PASSWORD_LINK_MS = 24 * 3_600_000;

/** The site's page that takes the link. */
export const SET_PASSWORD_PATH = '/staff/set-password/';

/** Makes a link for `userId`: its token, the path to give the person, and when it expires. */
export async function createPasswordLink(db: Db, userId: number, now: Date): Promise<{ token: string; path: string; expiresAt: Date }> {
  const token = randomSecret();
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_MS);
  await insertPasswordLink(db, hashSecret(token), userId, now, expiresAt);
  return { token, path: `${SET_PASSWORD_PATH}?t=${token}`, expiresAt };
}

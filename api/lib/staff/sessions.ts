/**
 * Staff sign-in sessions (issue #16, docs/design.md §7): a random id in the `kb_session`
 * cookie (HttpOnly, SameSite=Lax, Secure on an https site), its SHA-256 in the database so
 * every replica knows it and a stolen backup holds no usable id. A session ends when idle
 * longer than the idle time-out or older than the absolute one (OWASP Session Management
 * Cheat Sheet), at sign-out, when the account is disabled and when its password changes.
 */
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import {
  deleteStaffSession,
  findStaffSession,
  insertStaffSession,
  touchStaffSession,
  type StaffUser,
} from '../../db/queries/staff-users.ts';
import type { Db } from '../../db/index.ts';
import { DEFAULT_SESSION_IDLE_MINUTES, DEFAULT_SESSION_MAX_HOURS } from '../../../core/config/defaults.ts';
import { SESSION_COOKIE } from '../../../core/contracts/staff.ts';
import { hashSecret } from './secrets.ts';

/** How sessions behave; the app sets them on every API request (api/app.ts), with these defaults elsewhere. */
export interface StaffSessionSettings {
  now: () => Date;
  /** Ends a session unused this long (KB_SESSION_IDLE_MINUTES). */
  idleMs: number;
  /** Ends a session this old however it is used (KB_SESSION_MAX_HOURS). */
  absoluteMs: number;
  /** Marks the cookie Secure (KB_SITE_URL is https). */
  secureCookie: boolean;
  /** KB_SITE_URL's origin, accepted as same-origin besides the request's own. */
  siteOrigin: string | undefined;
}

export const DEFAULT_SESSION_SETTINGS: StaffSessionSettings = {
  now: () => new Date(),
  idleMs: DEFAULT_SESSION_IDLE_MINUTES * 60_000,
  absoluteMs: DEFAULT_SESSION_MAX_HOURS * 3_600_000,
  secureCookie: false,
  siteOrigin: undefined,
};

/** A session's last use is written at most this often: reading a session must not cost a write every request. */
const TOUCH_EVERY_MS = 60_000;

/** What a session id looks like (32 random bytes, base64url); anything else is not looked up. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/** Starts a session for `user`; the id for the cookie. */
export async function startSession(db: Db, userId: number, now: Date): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await insertStaffSession(db, hashSecret(id), userId, now);
  return id;
}

/** The account behind a session id, or null when the session is unknown, timed out (then deleted) or its account disabled. */
export async function resumeSession(db: Db, id: string, settings: StaffSessionSettings): Promise<StaffUser | null> {
  if (!SESSION_ID.test(id)) return null;
  const idHash = hashSecret(id);
  const session = await findStaffSession(db, idHash);
  if (!session) return null;
  const now = settings.now();
  const idle = now.getTime() - Date.parse(session.lastSeenAt);
  const age = now.getTime() - Date.parse(session.createdAt);
  if (idle >= settings.idleMs || age >= settings.absoluteMs) {
    await deleteStaffSession(db, idHash);
    return null;
  }
  if (idle >= TOUCH_EVERY_MS) await touchStaffSession(db, idHash, now);
  return session.user;
}

/** Ends the session with this id (nothing when there is none). */
export async function endSession(db: Db, id: string): Promise<void> {
  if (SESSION_ID.test(id)) await deleteStaffSession(db, hashSecret(id));
}

const cookieAttributes = (settings: StaffSessionSettings) => `Path=/; HttpOnly; SameSite=Lax${settings.secureCookie ? '; Secure' : ''}`;

/** The Set-Cookie value that carries a new session; the browser keeps it no longer than the absolute time-out. */
export const sessionCookie = (id: string, settings: StaffSessionSettings) =>
  `${SESSION_COOKIE}=${id}; Max-Age=${Math.floor(settings.absoluteMs / 1000)}; ${cookieAttributes(settings)}`;

/** The Set-Cookie value that removes the session cookie. */
export const clearedSessionCookie = (settings: StaffSessionSettings) => `${SESSION_COOKIE}=; Max-Age=0; ${cookieAttributes(settings)}`;

/** The session id the request's cookie carries, if any. */
export function sessionIdOf(c: Context): string | undefined {
  const header = c.req.header('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether the request's method changes something (and so, cookie-authenticated, needs the same-origin check). */
export const isWrite = (c: Context) => !SAFE_METHODS.has(c.req.method);

/**
 * Whether a request comes from a page of this site: its Origin is the request's own origin
 * (by host, as a proxy may end TLS) or KB_SITE_URL's; without Origin, a browser's
 * `Sec-Fetch-Site: same-origin`. Browsers send Origin on every POST, PUT, PATCH and DELETE, and
 * a page cannot forge either header, so a cross-site form or fetch riding on the cookie fails
 * (OWASP CSRF Prevention Cheat Sheet, "Verifying Origin with standard headers").
 */
export function isSameOrigin(c: Context, settings: StaffSessionSettings): boolean {
  const origin = c.req.header('origin');
  if (!origin) return c.req.header('sec-fetch-site') === 'same-origin';
  if (origin === settings.siteOrigin) return true;
  try {
    return new URL(origin).host === new URL(c.req.url).host;
  } catch {
    return false;
  }
}

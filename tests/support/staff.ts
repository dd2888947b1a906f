/** Staff accounts for tests: create one with a password, sign it in, and send requests with its cookie. */
import type { Hono } from 'hono';
import type { Db } from '../../api/db/index.ts';
import { insertStaffUser } from '../../api/db/queries/staff-users.ts';
import { hashPassword } from '../../api/lib/staff/password.ts';
import type { Role } from '../../core/contracts/roles.ts';

/** The origin of app.request()'s URLs (http://localhost/…): what a page of the test app sends as Origin. */
export const TEST_ORIGIN = 'http://localhost';

export interface TestStaffUser {
  email: string;
  name: string;
  role: Role;
  team?: string;
  agentId?: string;
  password: string;
}

/** Creates an account that can sign in with `password`; its id. */
export async function createStaffUser(db: Db, user: TestStaffUser, now = new Date()): Promise<number> {
  return insertStaffUser(
    db,
    {
      email: user.email,
      displayName: user.name,
      role: user.role,
      team: user.team,
      agentId: user.agentId,
      passwordHash: await hashPassword(user.password),
    },
    now,
  );
}

/** Any app with request() (the test app, a Hono router). */
type Requestable = Pick<Hono, 'request'>;

/** Signs in through POST /api/staff/sign-in; the `Cookie` header value (`kb_session=…`) to send afterwards. Throws unless 200. */
export async function signIn(app: Requestable, email: string, password: string): Promise<string> {
  const res = await app.request('/api/staff/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: TEST_ORIGIN },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const match = /kb_session=([^;]+)/.exec(setCookie);
  if (!match) throw new Error(`sign-in of ${email} set no session cookie`);
  return `kb_session=${match[1]}`;
}

/** Headers of a same-origin JSON request from a signed-in browser. */
export const sessionHeaders = (cookie: string, extra: Record<string, string> = {}) => ({
  cookie,
  origin: TEST_ORIGIN,
  'content-type': 'application/json',
  ...extra,
});

/** Requests of the KCS loop's API tests (flags, comments, drafts): staff tokens by role and JSON calls. */
import type { Db } from '../../api/db/index.ts';
import { hashToken, newToken } from '../../api/lib/middleware/auth.ts';
import { insertToken, type Role } from '../../api/db/queries/tokens.ts';
import { ADMIN_TOKEN } from '../support/app.ts';

/** A new token of `role` in `db`. */
export async function tokenFor(db: Db, role: Role, name: string = role): Promise<string> {
  const token = newToken();
  await insertToken(db, name, role, hashToken(token), new Date());
  return token;
}

/** A JSON request as app.request() takes it; `token: null` sends none. */
export function call(method: string, path: string, body?: unknown, token: string | null = ADMIN_TOKEN) {
  const headers: Record<string, string> = {};
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return [
    path,
    { method, headers, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) },
  ] as const;
}

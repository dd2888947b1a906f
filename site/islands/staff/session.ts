/**
 * The staff pages' session helpers (issue #16): who is signed in, sending people to the
 * sign-in page and back, and JSON calls to the API with the `kb_session` cookie. The cookie is
 * HttpOnly: scripts never see it; the browser sends it on same-origin requests, with the
 * Origin header the API's same-origin check wants on writes.
 */
import type { StaffIdentity, StaffMe } from '../../../core/contracts/staff.ts';

export type { StaffIdentity } from '../../../core/contracts/staff.ts';

/** The sign-in page. */
export const SIGN_IN_PATH = '/staff/sign-in/';
/** Where a sign-in goes without a `next`. */
export const STAFF_HOME = '/staff/';

/** A failed API call: the envelope's message, code and field details, and the status. */
export class StaffApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly details: Array<{ field?: string; message: string }> = [],
    /** Retry-After in seconds, when the API sent one (429). */
    readonly retryAfter = 0,
  ) {
    super(message);
    this.name = 'StaffApiError';
  }
}

/** The API's error envelope (api/lib/http/errors.ts). */
interface Envelope {
  error?: { code?: string; message?: string; details?: Array<{ field?: string; message: string }> };
}

/**
 * `next` if it is a path on this site (`/…`, not `//host` nor `/\host`), else `fallback`: a
 * sign-in link must not send anyone to another site (an open redirect).
 */
export function safeNext(next: string | null | undefined, fallback = STAFF_HOME): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if ([...next].some((ch) => ch.charCodeAt(0) < 0x20) || next.startsWith(SIGN_IN_PATH)) return fallback;
  return next;
}

/** The sign-in page's address, coming back to `here` afterwards. */
export const signInUrl = (here: string) => `${SIGN_IN_PATH}?next=${encodeURIComponent(here)}`;

/** Sends the browser to the sign-in page, to come back here; never resolves. */
export function goToSignIn(): Promise<never> {
  location.assign(signInUrl(location.pathname + location.search + location.hash));
  return new Promise<never>(() => {});
}

export interface StaffFetchInit extends Omit<RequestInit, 'body'> {
  /** Sent as the JSON body. */
  json?: unknown;
  /** A 401 answers null instead of leaving for the sign-in page. */
  allowSignedOut?: boolean;
}

async function call(path: string, init: StaffFetchInit): Promise<Response> {
  const { json, allowSignedOut: _allow, headers, ...rest } = init;
  const sent = new Headers(headers);
  sent.set('Accept', 'application/json');
  if (json !== undefined) sent.set('Content-Type', 'application/json');
  try {
    return await fetch(path, {
      ...rest,
      headers: sent,
      body: json === undefined ? undefined : JSON.stringify(json),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (error) {
    throw new StaffApiError((error as Error).message || 'Network error', 0, 'network');
  }
}

async function failure(res: Response): Promise<StaffApiError> {
  const body = (await res.json().catch(() => ({}))) as Envelope;
  return new StaffApiError(
    body.error?.message || `HTTP ${res.status}`,
    res.status,
    body.error?.code ?? 'http_error',
    body.error?.details ?? [],
    Number(res.headers.get('retry-after')) || 0,
  );
}

/**
 * A JSON call to the API as the signed-in staff member: same-origin, the cookie included.
 * Throws a StaffApiError with the envelope's message on failure; on 401 (signed out, or the
 * session timed out) it goes to the sign-in page and never resolves.
 */
export async function staffFetch<T = unknown>(path: string, init: StaffFetchInit = {}): Promise<T> {
  const res = await call(path, init);
  if (res.status === 401 && !init.allowSignedOut) return goToSignIn();
  if (!res.ok) throw await failure(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

let me: Promise<StaffIdentity | null> | undefined;

/** Who is signed in (GET /api/staff/me), or null; asked once per page. */
export function currentStaff(): Promise<StaffIdentity | null> {
  me ??= (async () => {
    const res = await call('/api/staff/me', {});
    if (res.status === 401) return null;
    if (!res.ok) throw await failure(res);
    return ((await res.json()) as StaffMe).staff;
  })();
  me.catch(() => (me = undefined));
  return me;
}

/** The signed-in staff member; without one, goes to the sign-in page (and never resolves). */
export async function requireSignIn(): Promise<StaffIdentity> {
  return (await currentStaff()) ?? goToSignIn();
}

/** Signs in; the identity, or a StaffApiError (401 wrong, 403 disabled, 429 limited). */
export async function signIn(email: string, password: string): Promise<StaffIdentity> {
  const res = await call('/api/staff/sign-in', { method: 'POST', json: { email, password } });
  if (!res.ok) throw await failure(res);
  const body = (await res.json()) as StaffMe;
  me = Promise.resolve(body.staff);
  return body.staff;
}

/** Signs out and goes to the sign-in page. */
export async function signOut(): Promise<void> {
  await call('/api/staff/sign-out', { method: 'POST' }).catch(() => undefined);
  me = undefined;
  location.assign(SIGN_IN_PATH);
}

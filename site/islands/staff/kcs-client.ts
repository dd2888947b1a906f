/**
 * The staff pages' calls to the API. Until staff accounts land (the staff contract's session
 * cookie), the credential is the dashboards' staff token in sessionStorage, sent as a bearer
 * token; the cookie is sent as well (same origin), so a signed-in session works unchanged.
 * Errors carry the envelope's message (api/lib/http/errors.ts).
 */
import { TOKEN_KEY } from '../insights/api.ts';

export { TOKEN_KEY };

/** Remembers that this browser has a signed-in staff member, so article pages offer the flag form. */
export const STAFF_SEEN_KEY = 'kb-staff-seen';

export class KcsApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'KcsApiError';
  }
}

const token = (): string | null => {
  try {
    return sessionStorage.getItem(TOKEN_KEY) || null;
  } catch {
    return null;
  }
};

/** Whether this tab holds a staff credential the pages can send. */
export const hasStaffToken = (): boolean => token() !== null;

/** A JSON call to the API; throws KcsApiError with the envelope's message on failure. */
export async function kcsFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const t = token();
  if (t) headers.Authorization = `Bearer ${t}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
  } catch (error) {
    throw new KcsApiError(0, (error as Error).message || 'Network error');
  }
  const body = (await res.json().catch(() => ({}))) as {
    error?: { message?: string; details?: Array<{ field?: string; message?: string }> };
  };
  if (!res.ok) {
    const d = body.error?.details?.[0];
    throw new KcsApiError(
      res.status,
      [body.error?.message, d?.field ? `${d.field}: ${d.message}` : ''].filter(Boolean).join(' — ') || `HTTP ${res.status}`,
    );
  }
  return body as T;
}

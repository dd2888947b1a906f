/**
 * The KCS staff pages' calls to the API, through the staff session (site/islands/staff/session.ts:
 * the `kb_session` cookie, same origin; a 401 goes to the sign-in page). Failures become one
 * Error whose message is the envelope's, with the first field detail.
 */
import { staffFetch, StaffApiError } from './session.ts';

/** Remembers that this browser has signed in to a staff page, so article pages may offer the flag form. */
export const STAFF_SEEN_KEY = 'kb-staff-seen';

/** A JSON call to the API as the signed-in staff member. */
export async function kcsFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  try {
    return await staffFetch<T>(path, { method: init.method ?? 'GET', ...(init.body !== undefined ? { json: init.body } : {}) });
  } catch (error) {
    if (!(error instanceof StaffApiError)) throw error;
    const d = error.details[0];
    throw new Error([error.message, d?.field ? `${d.field}: ${d.message}` : ''].filter(Boolean).join(' — '));
  }
}

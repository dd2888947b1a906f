/**
 * The widget's two calls to the votes API (api/routes/votes.ts). Both give up after a
 * few seconds and never throw: the article must stay usable whatever the API does.
 */
import type { VoteRequest } from '../../../core/contracts/events.ts';
import { apiUrl } from '../api-origin.ts';

/** What became of a vote: stored, accepted but deliberately not stored, or lost. */
export type VoteOutcome = 'counted' | 'not-counted' | 'failed';

/** Long enough for a slow mobile network, short enough that the visitor is not left waiting. */
const TIMEOUT_MS = 5000;

/** Runs a fetch that is aborted after `ms`, body included. */
async function withTimeout<T>(run: (signal: AbortSignal) => Promise<T>, ms = TIMEOUT_MS): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await run(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends one vote. 201 (new) and 200 (replaced the visitor's vote of the day) are both
 * "counted"; 202 `{ recorded: false }` means the server honoured DNT / GPC or took the
 * request for a bot, and the visitor must not be told it was counted.
 */
export async function postVote(vote: VoteRequest): Promise<VoteOutcome> {
  try {
    return await withTimeout(async (signal) => {
      const res = await fetch(apiUrl('/api/votes'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(vote),
        // The API identifies visitors without cookies; send none.
        credentials: 'omit',
        signal,
      });
      if (!res.ok) return 'failed';
      const body = (await res.json().catch(() => null)) as { recorded?: boolean } | null;
      return res.status === 202 || body?.recorded === false ? 'not-counted' : 'counted';
    });
  } catch {
    return 'failed';
  }
}

/**
 * How many visitors found an article helpful, or null when the summary is unavailable.
 * The summary is cacheable for a minute; `fresh` revalidates it so that the count
 * includes the vote just sent.
 */
export async function fetchHelpfulCount(article: string, fresh = false): Promise<number | null> {
  try {
    return await withTimeout(async (signal) => {
      const res = await fetch(apiUrl(`/api/votes/summary?article=${encodeURIComponent(article)}`), {
        credentials: 'omit',
        cache: fresh ? 'no-cache' : 'default',
        signal,
      });
      if (!res.ok) return null;
      const body = (await res.json()) as { helpful?: unknown };
      return typeof body.helpful === 'number' ? body.helpful : null;
    });
  } catch {
    return null;
  }
}

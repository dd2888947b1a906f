/**
 * Bursts of votes against a real server (scripts/lib/api-process.ts), for the tests that kill
 * or stop it mid-burst (durability, shutdown): every vote from its own visitor, identified by
 * its comment, so the test can look each acknowledged one up in the database afterwards.
 */
import type { ManifestArticle } from '../../core/content/manifest.ts';
import { BROWSER_UA } from '../../scripts/lib/chromium.ts';

/** What a burst of votes saw. */
export interface BurstResult {
  /** Comments of the votes answered 2xx. */
  acknowledged: string[];
  /** Of those, how many were answered after `interrupted()` became true. */
  acknowledgedAfterInterrupt: number;
  /** Requests that failed without an answer (connection refused or closed) after the interruption. */
  failedAfterInterrupt: number;
}

/**
 * Posts votes from `concurrency` workers, vote i from its own visitor (an IP through the
 * trusted proxy) with the comment `${prefix}-${i}`. `onAck` hears of every 2xx. Once
 * `interrupted()` is true (the test killed or stopped the server), a worker ends at its first
 * request that gets no answer; before that, any such request fails the burst, and an answer
 * other than 2xx always does.
 */
export async function voteBurst(
  base: string,
  articles: ManifestArticle[],
  options: { prefix: string; concurrency: number; onAck: (acknowledged: number, inFlight: number) => void; interrupted: () => boolean },
): Promise<BurstResult> {
  const result: BurstResult = { acknowledged: [], acknowledgedAfterInterrupt: 0, failedAfterInterrupt: 0 };
  let next = 0;
  let inFlight = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      const comment = `${options.prefix}-${i}`;
      inFlight++;
      let res: Response;
      try {
        res = await postVote(base, articles, i, comment);
        await res.arrayBuffer();
      } catch (error) {
        if (!options.interrupted()) throw error;
        result.failedAfterInterrupt++;
        return;
      } finally {
        inFlight--;
      }
      if (!res.ok) throw new Error(`vote ${i} answered ${res.status}`);
      result.acknowledged.push(comment);
      if (options.interrupted()) result.acknowledgedAfterInterrupt++;
      options.onAck(result.acknowledged.length, inFlight);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return result;
}

/** A vote from visitor i whose comment identifies it. */
export function postVote(base: string, articles: ManifestArticle[], i: number, comment: string) {
  return fetch(`${base}/api/votes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': BROWSER_UA, 'x-forwarded-for': `10.77.${(i >> 8) & 255}.${i & 255}` },
    body: JSON.stringify({ article: articles[i % articles.length]!.id, helpful: i % 2 === 0, comment }),
  });
}

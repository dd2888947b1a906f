/**
 * Who was trained on what, when (docs/design.md §5). A completion of a training article trains
 * the agent on the article's `topic` and every id in its `topics`, from the completion time
 * for `validityDays` days: trained on T at t ⇔ completedAt ≤ t < completedAt + validity.
 * Topics match exactly (training on a parent topic does not cover its subtopics).
 */
import type { ArticleCatalog } from '../../lib/catalog/catalog.ts';

export const DAY_MS = 86_400_000;

/** The topics each training article covers, from the build's catalog (any state: a completion stays history). */
export function trainingTopicsByArticle(catalog: ArticleCatalog): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const a of catalog.manifest.articles) {
    if (a.type === 'training') map.set(a.id, [...new Set([a.topic, ...a.topics])]);
  }
  return map;
}

/** Half-open interval of epoch milliseconds [start, end). */
export interface Interval {
  start: number;
  end: number;
}

const key = (agent: string, topic: string) => `${agent}\u0000${topic}`;

/** Training intervals per (agent, topic), merged where completions overlap. */
export class TrainingHistory {
  private readonly intervals = new Map<string, Interval[]>();

  constructor(
    records: ReadonlyArray<{ agent: string; article: string; completedAt: string }>,
    topicsByArticle: ReadonlyMap<string, string[]>,
    validityDays: number,
  ) {
    const raw = new Map<string, Interval[]>();
    for (const r of records) {
      const topics = topicsByArticle.get(r.article);
      if (!topics) continue; // not (or no longer) a training article of this build
      const start = Date.parse(r.completedAt);
      const end = start + validityDays * DAY_MS;
      for (const topic of topics) {
        const k = key(r.agent, topic);
        const list = raw.get(k);
        if (list) list.push({ start, end });
        else raw.set(k, [{ start, end }]);
      }
    }
    for (const [k, list] of raw) this.intervals.set(k, mergeIntervals(list));
  }

  /** Whether `agent` was trained on `topic` at the instant `at` (epoch ms). */
  trainedAt(agent: string, topic: string, at: number): boolean {
    const list = this.intervals.get(key(agent, topic));
    if (!list) return false;
    for (const i of list) if (i.start <= at && at < i.end) return true;
    return false;
  }
}

/** Sorts and merges overlapping or touching intervals. */
export function mergeIntervals(list: Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const i of sorted) {
    const last = merged[merged.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else merged.push({ ...i });
  }
  return merged;
}

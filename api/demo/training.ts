/**
 * Training records for the demo agents (issue #6): completions of the catalog's training
 * articles at various dates — most inside the seeded window (so before/after effects show),
 * some earlier, some expired (over a year old) — and three agents never trained. The ticket
 * generator asks `isTrained` so trained agents escalate less afterwards.
 */
import type { ArticleCatalog } from '../lib/catalog/catalog.ts';
import { DAY_MS, isoOf } from './clock.ts';
import type { DemoAgent } from './agents.ts';
import type { Random } from './random.ts';

/** How long a completion counts (docs/design.md §5; the API's default). */
export const TRAINING_VALIDITY_DAYS = 365;

/** One completion: agent × training article × date. */
export interface TrainingRecordSeed {
  agent: string;
  article: string;
  completedAt: string;
}

export interface TrainingPlan {
  records: TrainingRecordSeed[];
  /** Whether `agent` held a valid training covering `topic` at `at` (ms). */
  isTrained(agent: string, topic: string, at: number): boolean;
  /** Topics some training article covers. */
  coveredTopics: Set<string>;
}

/** Draws who completed which training article when. */
export function planTraining(rng: Random, catalog: ArticleCatalog, agents: readonly DemoAgent[], now: number, days: number): TrainingPlan {
  const material = catalog.listed.filter((a) => a.type === 'training').sort((a, b) => a.id.localeCompare(b.id));
  const byKey = new Map<string, typeof material>();
  for (const a of material) byKey.set(a.translationKey, [...(byKey.get(a.translationKey) ?? []), a]);
  const keys = [...byKey.keys()].sort();
  const coveredTopics = new Set(material.flatMap((a) => [a.topic, ...a.topics]));
  const records: TrainingRecordSeed[] = [];
  const valid = new Map<string, Array<[number, number]>>();
  const windowStart = now - days * DAY_MS;
  const untrained = new Set(rng.shuffle(agents.map((a) => a.agent)).slice(0, Math.min(3, agents.length)));
  for (const agent of agents) {
    if (untrained.has(agent.agent) || keys.length === 0) continue;
    // Agents take the training in their own language when it exists.
    const lang = /[\u4e00-\u9fff]/.test(agent.name) ? 'zh-CN' : 'en';
    for (const key of rng.shuffle(keys).slice(0, rng.int(1, Math.min(2, keys.length)))) {
      const versions = byKey.get(key)!;
      const article = versions.find((a) => a.lang === lang) ?? versions[0]!;
      const when = rng.weighted({ inWindow: 60, earlier: 20, expired: 20 });
      const at =
        when === 'inWindow'
          ? windowStart + (0.15 + 0.7 * rng.next()) * (now - windowStart)
          : when === 'earlier'
            ? windowStart - rng.int(10, 300) * DAY_MS
            : now - rng.int(TRAINING_VALIDITY_DAYS + 15, TRAINING_VALIDITY_DAYS + 200) * DAY_MS;
      const completedAt = Math.floor(at / 60_000) * 60_000;
      records.push({ agent: agent.agent, article: article.id, completedAt: isoOf(completedAt) });
      for (const topic of [article.topic, ...article.topics]) {
        const k = `${agent.agent}\u0000${topic}`;
        valid.set(k, [...(valid.get(k) ?? []), [completedAt, completedAt + TRAINING_VALIDITY_DAYS * DAY_MS]]);
      }
    }
  }
  return {
    records,
    coveredTopics,
    isTrained: (agent, topic, at) => (valid.get(`${agent}\u0000${topic}`) ?? []).some(([from, to]) => at >= from && at < to),
  };
}

/**
 * The training metrics on real tickets (`npm run report:training`): ServiceNow incidents of the
 * UCI "Incident management process enriched event log" are imported with the ticket importer
 * (category → topic, assigned_to → agent, escalated = reassigned at least once; see
 * core/tickets/servicenow.ts). The dataset has no training data and its categories are
 * anonymised, so the catalog and the training records are generated — deterministically from
 * a seed — to exercise every signal: the busiest categories get a training article and/or a
 * customer article, and agents complete trainings at dates spread over the data.
 */
import type { Db } from '../../../api/db/index.ts';
import { insertTrainingRecords, type TrainingRecordInput } from '../../../api/db/queries/training.ts';
import { catalogFrom, type ArticleCatalog } from '../../../api/lib/catalog/catalog.ts';
import type { ManifestArticle } from '../../../core/content/manifest.ts';

/** A small deterministic PRNG (mulberry32), so the same seed gives the same report. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const article = (id: string, overrides: Partial<ManifestArticle>): ManifestArticle => ({
  id,
  lang: 'en',
  title: id,
  summary: '',
  url: `/${id}/`,
  type: 'faq',
  topic: '',
  topics: [],
  state: 'validated',
  audience: 'public',
  listed: true,
  translationKey: id.slice(3),
  owner: 'report',
  reviewed: '2016-01-01',
  reviewEvery: 365,
  tickets: [],
  tags: [],
  ...overrides,
});

/**
 * Synthetic catalog over the busiest topics: every second one has a training article (every
 * fourth of those not yet validated), two in three have a validated customer FAQ.
 */
export function syntheticCatalog(topicsByVolume: string[]): ArticleCatalog {
  const articles: ManifestArticle[] = [];
  topicsByVolume.forEach((topic, i) => {
    if (i % 2 === 0)
      articles.push(article(`en/training-${topic}`, { type: 'training', topic, state: i % 8 === 6 ? 'not-validated' : 'validated' }));
    if (i % 3 !== 2) articles.push(article(`en/faq-${topic}`, { type: 'faq', topic }));
  });
  return catalogFrom({ version: 1, builtAt: '2017-01-01T00:00:00Z', audience: 'internal', articles });
}

/**
 * Training records: each agent with tickets in a topic that has a training article completes
 * it with probability `share`, at a uniformly drawn time between the data's first and last
 * ticket. Returns how many were written.
 */
export async function generateTrainingRecords(db: Db, catalog: ArticleCatalog, seed: number, share = 0.4): Promise<number> {
  const rand = random(seed);
  const trainingFor = new Map(catalog.manifest.articles.filter((a) => a.type === 'training').map((a) => [a.topic, a.id]));
  const pairs = await db
    .selectFrom('tickets')
    .select(['agent', 'topic'])
    .where('agent', 'is not', null)
    .where('topic', 'in', [...trainingFor.keys()])
    .groupBy(['agent', 'topic'])
    .orderBy('agent')
    .orderBy('topic')
    .execute();
  const span = await db
    .selectFrom('tickets')
    .select((eb) => [eb.fn.min('created_at').as('first'), eb.fn.max('created_at').as('last')])
    .executeTakeFirstOrThrow();
  const first = Date.parse(String(span.first));
  const last = Date.parse(String(span.last));
  const records: TrainingRecordInput[] = [];
  for (const p of pairs) {
    if (rand() >= share) continue;
    const at = new Date(first + Math.floor((rand() * (last - first)) / 60_000) * 60_000);
    records.push({ agent: p.agent!, article: trainingFor.get(p.topic!)!, completedAt: at.toISOString() });
  }
  return (await insertTrainingRecords(db, records, { createdBy: 'report:training' })).inserted;
}

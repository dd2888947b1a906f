/**
 * The small world of the demo-seed tests (seed.test.ts, seed-cli.test.ts, db-copy.test.ts):
 * articles in two languages, a training article and an archived one, and a small taxonomy.
 */
import type { SeedOptions } from '../../api/demo/index.ts';
import type { ManifestArticle } from '../../core/content/manifest.ts';
import { buildTopicTree } from '../../core/content/topics.ts';
import { manifestArticle, testCatalog } from '../support/catalog.ts';

export const seedArticles: ManifestArticle[] = [
  ...['zh-CN', 'en'].flatMap((lang) => [
    manifestArticle(`${lang}/reset-password`, { topic: 'accounts-password', tags: ['password', '密码'], translationKey: 'reset-password' }),
    manifestArticle(`${lang}/activation`, { topic: 'licensing', type: 'solution', tags: ['E-LIC-0042'], translationKey: 'activation' }),
    manifestArticle(`${lang}/training-activation`, {
      topic: 'licensing',
      topics: ['accounts-password'],
      type: 'training',
      translationKey: 'training-activation',
    }),
  ]),
  manifestArticle('en/old-server', { topic: 'licensing', state: 'archived', listed: false }),
];

/** A small taxonomy: "install" has no article at all (a content gap). */
export const topics = buildTopicTree([
  {
    id: 'accounts',
    name: { 'zh-CN': '账户', en: 'Accounts' },
    children: [{ id: 'accounts-password', name: { 'zh-CN': '密码', en: 'Passwords' } }],
  },
  { id: 'licensing', name: { 'zh-CN': '许可证', en: 'Licensing' } },
  { id: 'install', name: { 'zh-CN': '安装', en: 'Installation' } },
]);

export const catalog = testCatalog(seedArticles);
export const NOW = new Date('2026-11-27T10:00:00.000Z');
export const SMALL = {
  days: 7,
  seed: 42,
  now: NOW,
  catalog,
  topics,
  scale: { events: 3000, votes: 300, tickets: 200 },
} satisfies SeedOptions;

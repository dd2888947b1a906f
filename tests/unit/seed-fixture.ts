/** The articles of the demo-seed tests (seed.test.ts, seed-cli.test.ts): two languages, a training article, an archived one. */
import type { ManifestArticle } from '../../core/content/manifest.ts';
import { manifestArticle } from '../api/helpers.ts';

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

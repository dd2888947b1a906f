/**
 * The articles customers meet in the demo: the catalog's listed public articles, each with
 * a popularity (Zipf-like, in a seeded order), a quality (how often a vote is helpful; some
 * articles are clearly bad) and the queries that find it (its tags and title).
 */
import type { ArticleCatalog } from '../lib/catalog/catalog.ts';
import type { Lang } from '../../core/content/article.ts';
import type { ManifestArticle } from '../../core/content/manifest.ts';
import { type Random, WeightedSampler, zipfWeights } from './random.ts';

export const SEED_LANGS: readonly Lang[] = ['zh-CN', 'en'];

/** One article as the traffic generator sees it. */
export interface DemoArticle {
  id: string;
  lang: Lang;
  type: ManifestArticle['type'];
  /** Its topic and additional topics. */
  topics: string[];
  /** Probability that a vote on it is helpful. */
  helpfulRate: number;
  /** A bad article's votes lean to "outdated" and "unclear". */
  bad: boolean;
  /** What customers type to find it. */
  queries: string[];
}

/** The articles of one language with a sampler by popularity. */
export interface ArticlePool {
  articles: DemoArticle[];
  sampler: WeightedSampler;
}

/** Listed public articles per language, popularity and quality drawn from `rng`. */
export function articlePools(catalog: ArticleCatalog, rng: Random): Record<Lang, ArticlePool | null> {
  const listed = catalog.listed.filter((a) => a.audience === 'public').sort((a, b) => a.id.localeCompare(b.id));
  // Quality belongs to the content, so both translations of an article share it.
  const quality = new Map<string, { helpfulRate: number; bad: boolean }>();
  for (const key of [...new Set(listed.map((a) => a.translationKey))].sort()) {
    const notValidated = listed.some((a) => a.translationKey === key && a.state === 'not-validated');
    const bad = rng.chance(notValidated ? 0.6 : 0.15);
    quality.set(key, { bad, helpfulRate: bad ? 0.2 + rng.next() * 0.2 : 0.65 + rng.next() * 0.27 });
  }
  const pools = {} as Record<Lang, ArticlePool | null>;
  for (const lang of SEED_LANGS) {
    const articles = rng.shuffle(listed.filter((a) => a.lang === lang)).map((a): DemoArticle => ({
      id: a.id,
      lang,
      type: a.type,
      topics: [a.topic, ...a.topics],
      ...quality.get(a.translationKey)!,
      queries: queriesOf(a),
    }));
    // Training material is read by agents more than customers: a tenth of its Zipf weight.
    const weights = zipfWeights(articles.length).map((w, i) => (articles[i]!.type === 'training' ? w / 10 : w));
    pools[lang] = articles.length ? { articles, sampler: new WeightedSampler(weights) } : null;
  }
  return pools;
}

/** Search queries that find an article: each tag, and its title (people paste error messages). */
function queriesOf(a: ManifestArticle): string[] {
  const queries = a.tags.map((t) => t.trim()).filter((t) => t.length > 0 && t.length <= 200);
  const title = a.title.trim().slice(0, 200);
  if (title) queries.push(title);
  return queries;
}

/**
 * Searches that find nothing because the knowledge base lacks the answer: the top
 * no-result queries the dashboards should surface.
 */
export const NO_RESULT_QUERIES: Record<Lang, string[]> = {
  'zh-CN': [
    '发票抬头修改',
    'linux 客户端',
    '电子发票 重开',
    '退款流程',
    '误删 数据恢复',
    '多币种',
    '银行对账',
    '税率设置',
    '打印模板 自定义',
    '微信 登录',
  ],
  en: [
    'invoice vat number',
    'linux client',
    'refund policy',
    'restore deleted records',
    'multi currency',
    'bank reconciliation',
    'change tax rate',
    'custom print template',
    'dark mode',
    'ipad app',
  ],
};

/** Comments visitors leave with a vote (plain text, as typed). */
export const VOTE_COMMENTS: Record<Lang, { helpful: string[]; notHelpful: string[] }> = {
  'zh-CN': {
    helpful: ['解决了，谢谢！', '步骤很清楚', '按第二步操作就好了'],
    notHelpful: [
      '截图和现在的界面不一样了',
      '第三步找不到这个菜单',
      '还是报同样的错误',
      '看不懂，能不能写简单点',
      '我的版本是 6.x，不适用',
    ],
  },
  en: {
    helpful: ['Fixed it, thanks!', 'Clear steps', 'Step 2 did the trick'],
    notHelpful: [
      'The screenshots no longer match the app',
      'I cannot find this menu in step 3',
      'Still getting the same error',
      'Too technical for me',
      'Does not apply to version 6.x',
    ],
  },
};

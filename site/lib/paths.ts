/** getStaticPaths helpers shared by the per-language pages. */
import { LANGS } from '../../core/content/article.ts';

/** One page per language: `/zh-CN/...` and `/en/...`. */
export const langPaths = () => LANGS.map((lang) => ({ params: { lang } }));

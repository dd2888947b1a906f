/**
 * A metric's definition as a dashboard panel shows it: the registry's words (GET /api/metrics)
 * in the interface language, or in English when the registry has none in that language, then
 * the formula, which the registry writes in English only. Pure, so it is tested without a page.
 */
import type { Lang } from '../../../core/content/article.ts';
import type { MetricInfo } from './types.ts';

/** The definition to show and the language it is in (for the element's `lang`). */
export interface ShownDefinition {
  lang: Lang;
  text: string;
  /** What goes around the formula in that language: "(" and ")", or "（公式：" and "）". */
  formulaOpen: string;
  formulaClose: string;
}

const FORMULA_BRACKETS: Record<Lang, [string, string]> = { en: [' (', ')'], 'zh-CN': ['（公式：', '）'] };

/** The definition of `info` in `ui`, falling back to English when that one is missing or empty. */
export function definitionIn(info: Pick<MetricInfo, 'definition'>, ui: Lang): ShownDefinition {
  const own = info.definition?.[ui]?.trim();
  const lang: Lang = own ? ui : 'en';
  const [formulaOpen, formulaClose] = FORMULA_BRACKETS[lang];
  return { lang, text: own || (info.definition?.en ?? ''), formulaOpen, formulaClose };
}

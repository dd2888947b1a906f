/**
 * A metric's definition as a dashboard panel shows it: the registry's words (GET /api/metrics)
 * in the interface language, or in English when the registry has none in that language. The
 * formula, which the registry writes in English with the API's field names, is a second,
 * smaller line in English; in Chinese it stays folded away under "公式", so the visible text
 * of the Chinese interface is Chinese (issue 18). Pure, so it is tested without a page.
 */
import type { Lang } from '../../../core/content/article.ts';
import type { MetricInfo } from './types.ts';

/** The definition to show and the language it is in (for the element's `lang`). */
export interface ShownDefinition {
  lang: Lang;
  text: string;
  /** How the formula line is labelled, and whether it is folded (a disclosure) rather than shown. */
  formulaLabel: string;
  formulaFolded: boolean;
}

const FORMULA: Record<Lang, { label: string; folded: boolean }> = {
  en: { label: 'Formula: ', folded: false },
  'zh-CN': { label: '公式（英文字段名）', folded: true },
};

/** The definition of `info` in `ui`, falling back to English when that one is missing or empty. */
export function definitionIn(info: Pick<MetricInfo, 'definition'>, ui: Lang): ShownDefinition {
  const own = info.definition?.[ui]?.trim();
  const lang: Lang = own ? ui : 'en';
  return { lang, text: own || (info.definition?.en ?? ''), formulaLabel: FORMULA[ui].label, formulaFolded: FORMULA[ui].folded };
}

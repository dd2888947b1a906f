/**
 * The staff pages' interface language, shared with the dashboards (the same `ui=` parameter
 * and stored choice: site/islands/insights/ui-lang.ts). Pages are built in English;
 * `data-i18n="key"` sets an element's text, `data-i18n-attr="attr:key;…"` attributes, from
 * the shell's strings and a page's own.
 */
import type { Lang } from '../../../core/content/article.ts';
import { STAFF_STRINGS, type StaffDictionaries } from './strings.ts';

export { chooseUiLang, UI_LANG_KEY } from '../insights/ui-lang.ts';

/** A lookup over the page's dictionaries, then the shell's; undefined for an unknown key. */
export function translator(lang: Lang, extra: readonly StaffDictionaries[] = []) {
  const dictionaries = [...extra.map((d) => d[lang]), STAFF_STRINGS[lang]];
  return (key: string): string | undefined => {
    for (const d of dictionaries) if (key in d) return d[key];
    return undefined;
  };
}

/** Re-labels every `[data-i18n]` / `[data-i18n-attr]` element under `root` whose key is known; others are left as built. */
export function applyStaffLang(root: ParentNode, lang: Lang, extra: readonly StaffDictionaries[] = []): void {
  const t = translator(lang, extra);
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const text = t(el.dataset.i18n ?? '');
    if (text !== undefined) el.textContent = text;
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-attr]')) {
    for (const pair of (el.dataset.i18nAttr ?? '').split(';')) {
      const [attr, key] = pair.split(':');
      const text = attr && key ? t(key) : undefined;
      if (attr && text !== undefined) el.setAttribute(attr, text);
    }
  }
}

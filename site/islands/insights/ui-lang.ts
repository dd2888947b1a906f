/**
 * The dashboards' interface language. `lang` in the address is a data filter, so the
 * interface language is `ui=` in the address (a shared link can carry it), else the last
 * choice in localStorage, else the browser's language. Pages are built in English and
 * re-labelled here: `data-i18n="key"` sets the text, `data-i18n-attr="attr:key;…"` attributes.
 */
import type { Lang } from '../../../core/content/article.ts';
import { isInsightsKey, tr, UI_LANGS } from './strings.ts';

/** localStorage key of the last chosen interface language (a preference, not personal data). */
export const UI_LANG_KEY = 'kb-insights-ui';

const asLang = (value: string | null | undefined): Lang | null =>
  value && (UI_LANGS as readonly string[]).includes(value) ? (value as Lang) : null;

/** Picks the interface language: `ui=` in the address, the stored choice, then the browser's languages. */
export function chooseUiLang(search: string, stored: string | null, browserLangs: readonly string[]): Lang {
  const fromUrl = asLang(new URLSearchParams(search).get('ui'));
  if (fromUrl) return fromUrl;
  const fromStorage = asLang(stored);
  if (fromStorage) return fromStorage;
  for (const tag of browserLangs) {
    if (/^zh\b/i.test(tag)) return 'zh-CN';
    if (/^en\b/i.test(tag)) return 'en';
  }
  return 'en';
}

/** Re-labels every `[data-i18n]` / `[data-i18n-attr]` element under `root` in `lang`. */
export function applyUiLang(root: ParentNode, lang: Lang): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = el.dataset.i18n ?? '';
    if (isInsightsKey(key)) el.textContent = tr(lang, key);
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-attr]')) {
    for (const pair of (el.dataset.i18nAttr ?? '').split(';')) {
      const [attr, key] = pair.split(':');
      if (attr && key && isInsightsKey(key)) el.setAttribute(attr, tr(lang, key));
    }
  }
}

/**
 * Remembers the visitor's language on the device (issue 15): choosing a language — the
 * header's language switch, or a language on `/` — sets the `kb_lang` cookie (which the
 * server reads to greet `/` in that language, api/lib/http/static-site.ts) and the same
 * key in localStorage (read by `/` itself where no server decides, e.g. a static host).
 */
import { LANG_COOKIE, LANG_COOKIE_MAX_AGE } from '../../core/content/lang-choice.ts';
import { LANGS, type Lang } from '../../core/content/article.ts';

const isLang = (value: string | null | undefined): value is Lang => LANGS.some((l) => l === value);

/** Stores `lang` as the visitor's choice. */
export function rememberLang(lang: Lang): void {
  document.cookie = `${LANG_COOKIE}=${lang}; Path=/; Max-Age=${LANG_COOKIE_MAX_AGE}; SameSite=Lax`;
  try {
    localStorage.setItem(LANG_COOKIE, lang);
  } catch {
    // Storage may be off (private mode); the cookie still holds the choice.
  }
}

/** The language remembered in localStorage, or null. */
export function rememberedLocally(): Lang | null {
  try {
    const value = localStorage.getItem(LANG_COOKIE);
    return isLang(value) ? value : null;
  } catch {
    return null;
  }
}

/** Remembers the language of any language link the visitor follows (`hreflang` on `.lang-switch` or `[data-choose-lang]`). */
export function initLangChoice(root: ParentNode = document): void {
  root.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a.lang-switch, a[data-choose-lang]');
    const lang = link?.getAttribute('hreflang');
    if (isLang(lang)) rememberLang(lang);
  });
}

/**
 * Which language `/` greets a visitor in (issue 15): the choice remembered on the device
 * (the `kb_lang` cookie, set by the language switch), else the browser's preferred
 * language (Accept-Language, by q-value), else none (the page lets the visitor choose).
 */
import { LANGS, type Lang } from './article.ts';

/** The cookie (and localStorage key) holding the visitor's chosen language. */
export const LANG_COOKIE = 'kb_lang';
/** How long the choice is remembered, in seconds (a year). */
export const LANG_COOKIE_MAX_AGE = 365 * 86_400;

/** The site language a language tag falls under ("zh", "zh-Hans-CN", "zh-TW" → zh-CN; "en-GB" → en), or null. */
export function siteLang(tag: string): Lang | null {
  const t = tag.trim().toLowerCase();
  for (const lang of LANGS) {
    const base = lang.toLowerCase().split('-')[0]!;
    if (t === lang.toLowerCase() || t === base || t.startsWith(`${base}-`)) return lang;
  }
  return null;
}

/** The site language the browser prefers most, from an Accept-Language header; null when it names none of them. */
export function preferredLang(acceptLanguage: string | null | undefined): Lang | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .slice(0, 1000)
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lang: siteLang(tag), weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((r): r is { lang: Lang; weight: number; i: number } => r.lang !== null && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  return ranked[0]?.lang ?? null;
}

/** The language remembered in a Cookie header, or null. */
export function rememberedLang(cookieHeader: string | null | undefined): Lang | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const [name, value] = part.split('=').map((s) => s.trim());
    if (name === LANG_COOKIE) return LANGS.find((l) => l === value) ?? null;
  }
  return null;
}

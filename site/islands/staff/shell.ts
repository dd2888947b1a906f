/**
 * What every staff page runs (site/components/staff/StaffLayout.astro): the interface
 * language and its switch, the signed-in name and the sign-out button, and, on pages that
 * need it, the sign-in check. `body[data-staff-state]` is `loading`, then `ready` (tests
 * wait for it); `[data-staff-name]`, `[data-staff-signout]`, `[data-ui-switch]`.
 */
import type { Lang } from '../../../core/content/article.ts';
import { currentStaff, requireSignIn, signOut, type StaffIdentity } from './session.ts';
import { fill, type StaffDictionaries } from './strings.ts';
import { applyStaffLang, chooseUiLang, translator, UI_LANG_KEY } from './ui-lang.ts';

export interface StaffPageOptions {
  /** Send people who are not signed in to the sign-in page (default true). */
  signIn?: boolean;
  /** The page's own strings, looked up before the shell's. */
  strings?: readonly StaffDictionaries[];
  /** Called after every change of language (and once at the start), to re-render what the page drew. */
  onLang?: (lang: Lang) => void;
}

export interface StaffPage {
  /** The signed-in staff member (null on pages that need no sign-in, when nobody is). */
  staff: StaffIdentity | null;
  /** The interface language now. */
  lang(): Lang;
  /** A string of the page or the shell in the current language, placeholders filled; the key itself when unknown. */
  t(key: string, vars?: Record<string, string | number>): string;
}

/** Starts the shell of a staff page; resolves once the page may draw (signed in, when it must be). */
export async function startStaffPage(options: StaffPageOptions = {}): Promise<StaffPage> {
  const extra = options.strings ?? [];
  let lang: Lang = chooseUiLang(location.search, localStorage.getItem(UI_LANG_KEY), navigator.languages ?? [navigator.language]);
  const t = (key: string, vars?: Record<string, string | number>) => fill(translator(lang, extra)(key) ?? key, vars);
  const nameBox = document.querySelector<HTMLElement>('[data-staff-name]');
  const signOutButton = document.querySelector<HTMLButtonElement>('[data-staff-signout]');
  const uiSwitch = document.querySelector<HTMLButtonElement>('[data-ui-switch]');
  let staff: StaffIdentity | null = null;

  function showName(): void {
    if (!nameBox) return;
    nameBox.hidden = !staff;
    nameBox.textContent = staff ? t('session.signedInAs', { name: staff.name }) : '';
  }

  function applyLang(): void {
    document.documentElement.lang = lang;
    applyStaffLang(document, lang, extra);
    if (uiSwitch) uiSwitch.lang = lang === 'en' ? 'zh-CN' : 'en';
    showName();
    options.onLang?.(lang);
  }

  uiSwitch?.addEventListener('click', () => {
    lang = lang === 'en' ? 'zh-CN' : 'en';
    localStorage.setItem(UI_LANG_KEY, lang);
    const params = new URLSearchParams(location.search);
    params.set('ui', lang);
    history.replaceState(null, '', `?${params}${location.hash}`);
    applyLang();
  });

  signOutButton?.addEventListener('click', () => {
    signOutButton.disabled = true;
    signOutButton.textContent = t('session.signingOut');
    void signOut();
  });

  document.documentElement.lang = lang;
  applyStaffLang(document, lang, extra);
  if (uiSwitch) uiSwitch.lang = lang === 'en' ? 'zh-CN' : 'en';
  staff = options.signIn === false ? await currentStaff().catch(() => null) : await requireSignIn();
  if (signOutButton) signOutButton.hidden = !staff;
  applyLang();
  document.body.dataset.staffState = 'ready';
  return { staff, lang: () => lang, t };
}

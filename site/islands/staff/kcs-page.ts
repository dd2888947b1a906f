/**
 * The frame every KCS staff page runs (site/components/staff/KcsLayout.astro): the interface
 * language (as the dashboards choose it), the sign-in form, sign-out, and re-rendering the
 * page's content when either changes. A 401 from any call shows the sign-in form.
 */
import type { Lang } from '../../../core/content/article.ts';
import { chooseUiLang, UI_LANG_KEY } from '../insights/ui-lang.ts';
import { clearToken, saveToken } from '../insights/api.ts';
import { applyKcsLang, kt } from './kcs-strings.ts';
import { KcsApiError, STAFF_SEEN_KEY } from './kcs-client.ts';
import { fill, h } from './dom.ts';

export function startKcsPage(render: (main: HTMLElement, lang: Lang) => Promise<void>): void {
  const main = document.querySelector<HTMLElement>('[data-kcs-main]')!;
  const signin = document.querySelector<HTMLElement>('[data-kcs-signin]')!;
  const form = signin.querySelector<HTMLFormElement>('form')!;
  const status = signin.querySelector<HTMLElement>('[data-kcs-signin-status]')!;
  const signout = document.querySelector<HTMLButtonElement>('[data-kcs-signout]')!;
  const switcher = document.querySelector<HTMLButtonElement>('[data-kcs-switch]')!;
  let lang: Lang = chooseUiLang(location.search, localStorage.getItem(UI_LANG_KEY), navigator.languages ?? []);

  const run = async () => {
    document.documentElement.lang = lang;
    applyKcsLang(document, lang);
    fill(main, h('p', { role: 'status' }, kt(lang, 'loading')));
    try {
      await render(main, lang);
      signin.hidden = true;
      main.hidden = false;
      signout.hidden = false;
      localStorage.setItem(STAFF_SEEN_KEY, '1');
    } catch (error) {
      if (error instanceof KcsApiError && error.status === 401) {
        signin.hidden = false;
        main.hidden = true;
        signout.hidden = true;
        localStorage.removeItem(STAFF_SEEN_KEY);
        return;
      }
      fill(main, h('p', { class: 'kcs-error', role: 'alert' }, kt(lang, 'failed', { message: (error as Error).message })));
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = form.querySelector<HTMLInputElement>('input')!;
    if (!input.value.trim()) return;
    saveToken(sessionStorage, input.value);
    input.value = '';
    status.textContent = '';
    void run().then(() => {
      if (!signin.hidden) status.textContent = kt(lang, 'signin.invalid');
    });
  });
  signout.addEventListener('click', () => {
    clearToken(sessionStorage);
    localStorage.removeItem(STAFF_SEEN_KEY);
    void run();
  });
  switcher.addEventListener('click', () => {
    lang = lang === 'en' ? 'zh-CN' : 'en';
    localStorage.setItem(UI_LANG_KEY, lang);
    void run();
  });
  void run();
}

/** A date-time shown in the interface language, Asia/Shanghai as the dashboards show it. */
export function formatWhen(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang, { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * What every KCS staff page runs: the staff shell (sign-in, language, sign-out;
 * site/islands/staff/shell.ts) with the KCS strings, then the page's own rendering into
 * `[data-kcs-main]`, again after each change of language.
 */
import type { Lang } from '../../../core/content/article.ts';
import { startStaffPage } from './shell.ts';
import { KCS_STRINGS, kt } from './kcs-strings.ts';
import { STAFF_SEEN_KEY } from './kcs-client.ts';
import { fill, h } from './dom.ts';

export function startKcsPage(render: (main: HTMLElement, lang: Lang) => Promise<void>): void {
  const main = document.querySelector<HTMLElement>('[data-kcs-main]')!;
  let ready = false;
  const run = async (lang: Lang) => {
    fill(main, h('p', { role: 'status' }, kt(lang, 'loading')));
    try {
      await render(main, lang);
    } catch (error) {
      fill(main, h('p', { class: 'kcs-error', role: 'alert' }, kt(lang, 'failed', { message: (error as Error).message })));
    }
  };
  void startStaffPage({ strings: [KCS_STRINGS], onLang: (lang) => ready && void run(lang) }).then((page) => {
    ready = true;
    localStorage.setItem(STAFF_SEEN_KEY, '1');
    void run(page.lang());
  });
}

/** A date-time shown in the interface language, Asia/Shanghai as the dashboards show it. */
export function formatWhen(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang, { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * The flag form on a public article page (issue 17: "from any article page while signed in").
 * Only a browser where a staff page has signed in (STAFF_SEEN_KEY) and that still holds the
 * credential shows it. The form's code is loaded only then, so customers download a few lines
 * and make no request.
 */
import type { Lang } from '../../../core/content/article.ts';
import { hasStaffToken, STAFF_SEEN_KEY } from './kcs-client.ts';

export async function startArticleFlag(): Promise<void> {
  const slot = document.querySelector<HTMLElement>('[data-staff-flag]');
  if (!slot || !localStorage.getItem(STAFF_SEEN_KEY) || !hasStaffToken()) return;
  const [{ flagForm }, { kt }, { h }] = await Promise.all([import('./flag-form.ts'), import('./kcs-strings.ts'), import('./dom.ts')]);
  const article = slot.dataset.article ?? '';
  const lang = (slot.dataset.lang ?? 'en') as Lang;
  slot.append(
    h(
      'details',
      { class: 'kcs-article-flag' },
      h('summary', {}, kt(lang, 'flag.heading')),
      flagForm(lang, article),
      h('p', {}, h('a', { href: `/staff/articles/${article}` }, kt(lang, 'article.title'))),
    ),
  );
  slot.hidden = false;
}

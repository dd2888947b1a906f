/**
 * The flag form on a public article page (issue 17: "from any article page while signed in").
 * Only a browser that has signed in to a staff page before (STAFF_SEEN_KEY) asks who is signed
 * in, and only a signed-in agent gets the form; its code is loaded then. Customers download a
 * few lines and make no request.
 */
import type { Lang } from '../../../core/content/article.ts';
import { STAFF_SEEN_KEY } from './kcs-client.ts';

export async function startArticleFlag(): Promise<void> {
  const slot = document.querySelector<HTMLElement>('[data-staff-flag]');
  if (!slot || !localStorage.getItem(STAFF_SEEN_KEY)) return;
  const [{ currentStaff }, { roleSatisfies }] = await Promise.all([import('./session.ts'), import('../../../core/contracts/roles.ts')]);
  const staff = await currentStaff().catch(() => null);
  if (!staff) {
    localStorage.removeItem(STAFF_SEEN_KEY);
    return;
  }
  if (!roleSatisfies(staff.role, 'agent')) return;
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

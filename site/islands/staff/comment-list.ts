/** A list of the customers' vote comments with "mark handled" (issue 17), for the article page and the comments queue. */
import type { Lang } from '../../../core/content/article.ts';
import type { VoteComment } from '../../../core/contracts/kcs.ts';
import { kcsFetch } from './kcs-client.ts';
import { formatWhen } from './kcs-page.ts';
import { kt } from './kcs-strings.ts';
import { h } from './dom.ts';

export function commentList(lang: Lang, comments: VoteComment[], showArticle: boolean): HTMLElement {
  if (!comments.length) return h('p', {}, kt(lang, 'none'));
  return h(
    'ul',
    { class: 'kcs-list', 'data-comments': true },
    ...comments.map((c) => {
      const done = h('button', { type: 'button', class: 'secondary', disabled: c.handled }, kt(lang, 'comments.handled'));
      const item = h(
        'li',
        { 'data-comment': String(c.id), class: c.handled ? 'kcs-handled' : undefined },
        h('strong', {}, kt(lang, c.helpful ? 'comments.helpful' : 'comments.unhelpful')),
        c.reason ? ` · ${c.reason}` : '',
        ` · ${formatWhen(c.at, lang)}`,
        showArticle ? h('span', {}, ' · ', h('a', { href: `/staff/articles/${c.article}` }, c.title ?? c.article)) : null,
        h('blockquote', {}, c.comment),
        done,
      );
      done.addEventListener('click', () => {
        kcsFetch(`/api/feedback/comments/${c.id}/handled`, { method: 'POST' }).then(
          () => {
            done.disabled = true;
            item.classList.add('kcs-handled');
          },
          (error: Error) => item.append(h('p', { role: 'alert' }, kt(lang, 'failed', { message: error.message }))),
        );
      });
      return item;
    }),
  );
}

/**
 * /staff/articles/<lang>/<slug> (issue 17): one article's use for its owner: views over time,
 * votes and helpful rate, what customers said (mark handled), the searches that led to it,
 * linked tickets, open flags, the review due date and the edit link (KB_EDIT_URL).
 */
import type { Lang } from '../../../core/content/article.ts';
import type { Flag, VoteComment } from '../../../core/contracts/kcs.ts';
import { formatPercent } from '../insights/format.ts';
import { kcsFetch } from './kcs-client.ts';
import { formatWhen, startKcsPage } from './kcs-page.ts';
import { kt } from './kcs-strings.ts';
import { fill, h } from './dom.ts';
import { commentList } from './comment-list.ts';
import { flagForm } from './flag-form.ts';
import { renderDrillList } from './drill-list.ts';

interface Activity {
  article: {
    id: string;
    title: string;
    url: string;
    owner: string;
    state: string;
    audience: string;
    reviewDue: string;
    editUrl: string | null;
  };
  views: Array<{ day: string; views: number }>;
  votes: { helpful: number; notHelpful: number; helpfulRate: number | null };
  searches: Array<{ query: string; clicks: number }>;
  links: Array<{ ticket: string; source: string | null; relation: string; createdAt: string }>;
}

/** `<lang>/<slug>` from the address, or null. */
export function articleIdFromPath(path: string): string | null {
  const m = /^\/staff\/articles\/(zh-CN|en)\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/.exec(path);
  return m ? `${m[1]}/${m[2]}` : null;
}

const section = (title: string, ...children: Array<Node | null>) => h('section', { class: 'kcs-card' }, h('h2', {}, title), ...children);

async function render(main: HTMLElement, lang: Lang) {
  const id = articleIdFromPath(location.pathname);
  // /staff/articles/ itself: the list the address's filters ask for (drill-down, issue 18).
  if (!id) return renderDrillList(main, 'articles', lang);
  const [a, { comments }, { flags }] = await Promise.all([
    kcsFetch<Activity>(`/api/articles/${id}/activity`),
    kcsFetch<{ comments: VoteComment[] }>(`/api/feedback/comments?article=${encodeURIComponent(id)}`),
    kcsFetch<{ flags: Flag[] }>(`/api/flags?article=${encodeURIComponent(id)}`),
  ]);
  const total = a.views.reduce((n, v) => n + v.views, 0);
  const max = Math.max(1, ...a.views.map((v) => v.views));
  fill(
    main,
    h(
      'section',
      { class: 'kcs-card' },
      h('h2', {}, a.article.title),
      h(
        'p',
        {},
        `${a.article.id} · ${a.article.state} · ${a.article.audience} · `,
        kt(lang, 'article.owner', { owner: a.article.owner }),
        ' · ',
        kt(lang, 'article.reviewDue', { date: a.article.reviewDue }),
      ),
      h(
        'p',
        { class: 'kcs-actions' },
        h('a', { class: 'button secondary', href: a.article.url }, kt(lang, 'article.view')),
        ' ',
        a.article.editUrl
          ? h('a', { class: 'button secondary', href: a.article.editUrl, 'data-edit': true }, kt(lang, 'article.edit'))
          : null,
      ),
    ),
    section(
      kt(lang, 'article.views', { total }),
      // A bar per day with its figure in a table beside it: the chart is decoration, the table is the data.
      h(
        'div',
        { class: 'kcs-bars', 'aria-hidden': 'true' },
        ...a.views.map((v) => h('span', { style: `height:${Math.round((v.views / max) * 100)}%`, title: `${v.day}: ${v.views}` })),
      ),
      h(
        'table',
        { class: 'insights-table' },
        h('tbody', {}, ...a.views.slice(-14).map((v) => h('tr', {}, h('th', { scope: 'row' }, v.day), h('td', {}, v.views)))),
      ),
    ),
    section(
      kt(lang, 'article.votes', { helpful: a.votes.helpful, notHelpful: a.votes.notHelpful }),
      h(
        'p',
        {},
        a.votes.helpfulRate === null
          ? kt(lang, 'article.rateNone')
          : kt(lang, 'article.rate', { rate: formatPercent(lang, a.votes.helpfulRate) }),
      ),
    ),
    section(kt(lang, 'article.comments'), commentList(lang, comments, false)),
    section(
      kt(lang, 'article.searches'),
      a.searches.length
        ? h('ul', { class: 'kcs-list' }, ...a.searches.map((s) => h('li', {}, `${s.query} (${s.clicks})`)))
        : h('p', {}, kt(lang, 'none')),
    ),
    section(
      kt(lang, 'article.links'),
      a.links.length
        ? h(
            'ul',
            { class: 'kcs-list' },
            ...a.links.map((l) =>
              h(
                'li',
                {},
                l.source
                  ? h('a', { href: `/staff/tickets/${l.source}/${encodeURIComponent(l.ticket)}` }, `${l.source} ${l.ticket}`)
                  : l.ticket,
                ` · ${kt(lang, `relation.${l.relation}` as 'relation.solved-by')}`,
              ),
            ),
          )
        : h('p', {}, kt(lang, 'none')),
    ),
    section(
      kt(lang, 'article.flags'),
      flags.length
        ? h(
            'ul',
            { class: 'kcs-list' },
            ...flags.map((f) =>
              h(
                'li',
                {},
                h('strong', {}, kt(lang, `reason.${f.reason}`)),
                ` ${f.note ?? ''} · `,
                kt(lang, 'flags.by', { name: f.createdBy, date: formatWhen(f.createdAt, lang) }),
              ),
            ),
          )
        : h('p', {}, kt(lang, 'none')),
      h('h3', {}, kt(lang, 'flag.heading')),
      flagForm(lang, id),
    ),
  );
}

startKcsPage(render);

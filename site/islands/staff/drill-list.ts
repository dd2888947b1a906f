/**
 * The drill-down lists (issue 18, docs/dashboards.md "Drill-down"): /staff/tickets/ and
 * /staff/articles/ without an id list what one count counts, with the filters of the address
 * (core/contracts/drill-down-values.ts). The filters show as chips that remove themselves,
 * the rows link to the ticket or article page, pages go by `page`, and the same address with
 * format=csv downloads every row. The address's query goes to the API as it is, so the list
 * shows exactly what GET /api/tickets or /api/staff/articles answers.
 */
import type { Lang } from '../../../core/content/article.ts';
import type { ArticleList, ArticleListRow, TicketList, TicketListRow } from '../../../core/contracts/drill-down.ts';
import {
  ARTICLE_FILTER_KEYS,
  ARTICLE_LIST_PATH,
  PAGING_KEYS,
  TICKET_FILTER_KEYS,
  TICKET_LIST_PATH,
} from '../../../core/contracts/drill-down-values.ts';
import { kcsFetch } from './kcs-client.ts';
import { dt, filterValueText, type DrillKey } from './drill-strings.ts';
import { fill, h } from './dom.ts';

type Kind = 'tickets' | 'articles';

const API: Record<Kind, string> = { tickets: '/api/tickets', articles: '/api/staff/articles' };
const PATH: Record<Kind, string> = { tickets: TICKET_LIST_PATH, articles: ARTICLE_LIST_PATH };
const KEYS: Record<Kind, readonly string[]> = { tickets: TICKET_FILTER_KEYS, articles: ARTICLE_FILTER_KEYS };

/** The address with `changes` applied (undefined removes a parameter); a change of filter goes back to page 1. */
function hrefWith(kind: Kind, search: string, changes: Record<string, string | undefined>): string {
  const params = new URLSearchParams(search);
  if (!('page' in changes)) params.delete('page');
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) params.delete(key);
    else params.set(key, value);
  }
  const query = params.toString();
  return `${PATH[kind]}${query ? `?${query}` : ''}`;
}

/** The address's filters and paging as the API takes them; other parameters (`ui=`, the interface language) stay with the page. */
function apiQuery(kind: Kind, search: string): string {
  const params = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const key of [...KEYS[kind], ...PAGING_KEYS]) {
    const value = params.get(key);
    if (value) kept.set(key, value);
  }
  const query = kept.toString();
  return query ? `?${query}` : '';
}

/** The chips of the address's filters, in the contract's order, each a link that removes it. */
function chips(kind: Kind, lang: Lang, search: string): HTMLElement | null {
  const params = new URLSearchParams(search);
  const set = KEYS[kind].filter((k) => params.get(k));
  if (set.length === 0) return null;
  return h(
    'ul',
    { class: 'drill-chips', 'aria-label': dt(lang, 'list.filters') },
    ...set.map((key) => {
      const text = `${dt(lang, `filter.${key}` as DrillKey)}: ${filterValueText(lang, key, params.get(key)!)}`;
      return h(
        'li',
        { 'data-filter': key },
        h(
          'a',
          { href: hrefWith(kind, search, { [key]: undefined }), 'aria-label': dt(lang, 'list.remove', { filter: text }) },
          `${text} ×`,
        ),
      );
    }),
    h('li', {}, h('a', { href: PATH[kind] }, dt(lang, 'list.clear'))),
  );
}

function when(iso: string | null, lang: Lang, tz: string): string {
  if (!iso) return dt(lang, 'no');
  return new Date(iso).toLocaleString(lang, { timeZone: tz, dateStyle: 'medium', timeStyle: 'short' });
}

const table = (caption: string, head: string[], rows: HTMLElement[]) =>
  h(
    'div',
    { class: 'drill-scroll' },
    h(
      'table',
      { class: 'insights-table drill-table' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...rows),
    ),
  );

function ticketRow(r: TicketListRow, lang: Lang, tz: string): HTMLElement {
  return h(
    'tr',
    { 'data-ticket': `${r.source}:${r.id}` },
    h('th', { scope: 'row' }, h('a', { href: r.href }, `${r.source} ${r.id}`)),
    h('td', {}, r.subject),
    h('td', {}, r.topic ?? dt(lang, 'no')),
    h('td', {}, r.priority),
    h('td', {}, r.agentName ?? dt(lang, 'no')),
    h('td', {}, r.status),
    h('td', {}, when(r.createdAt, lang, tz)),
    h('td', {}, when(r.resolvedAt, lang, tz)),
    h('td', {}, r.escalated ? dt(lang, 'yes') : dt(lang, 'no')),
    h('td', { class: 'num' }, r.reopened),
    h('td', { class: 'num' }, r.csat ?? dt(lang, 'no')),
    h('td', { class: 'num' }, r.links),
  );
}

function articleRow(r: ArticleListRow, lang: Lang): HTMLElement {
  return h(
    'tr',
    { 'data-article': r.id },
    h(
      'th',
      { scope: 'row' },
      h('a', { href: r.href }, r.title),
      r.inBuild ? null : h('span', { class: 'kcs-badge' }, dt(lang, 'col.gone')),
    ),
    h('td', {}, r.lang),
    h('td', {}, r.type ?? dt(lang, 'no')),
    h('td', {}, r.topic ?? dt(lang, 'no')),
    h('td', {}, r.kcs ?? dt(lang, 'no')),
    h('td', {}, r.owner ?? dt(lang, 'no')),
    h('td', {}, r.reviewed ?? dt(lang, 'no')),
    h('td', {}, r.reviewDue ?? dt(lang, 'no')),
  );
}

function pager(kind: Kind, lang: Lang, search: string, page: number, pages: number): HTMLElement | null {
  if (pages <= 1) return null;
  return h(
    'nav',
    { class: 'drill-pager', 'aria-label': dt(lang, 'list.page', { page, pages }) },
    page > 1 ? h('a', { href: hrefWith(kind, search, { page: String(page - 1) }), rel: 'prev' }, dt(lang, 'list.previous')) : null,
    h('span', {}, dt(lang, 'list.page', { page, pages })),
    page < pages ? h('a', { href: hrefWith(kind, search, { page: String(page + 1) }), rel: 'next' }, dt(lang, 'list.next')) : null,
  );
}

/** Renders the list the address asks for into `into`; failures show in place (the error state), not as an exception. */
export async function renderDrillList(into: HTMLElement, kind: Kind, lang: Lang, search = location.search): Promise<void> {
  const heading = h('h2', {}, dt(lang, kind === 'tickets' ? 'tickets.heading' : 'articles.heading'));
  const section = h('section', { class: 'kcs-card drill-list', 'data-drill': kind }, heading, chips(kind, lang, search));
  fill(into, section);
  let answer: TicketList | ArticleList;
  try {
    answer = await kcsFetch<TicketList | ArticleList>(`${API[kind]}${apiQuery(kind, search)}`);
  } catch (error) {
    section.append(
      h(
        'p',
        { class: 'kcs-error', role: 'alert', 'data-drill-error': true },
        dt(lang, 'list.failed', { message: (error as Error).message }),
      ),
    );
    return;
  }
  const csvParams = new URLSearchParams(apiQuery(kind, search));
  csvParams.delete('page');
  csvParams.delete('limit');
  csvParams.set('format', 'csv');
  section.append(
    h(
      'p',
      { class: 'drill-summary' },
      h('span', { 'data-drill-total': String(answer.total) }, dt(lang, 'list.total', { total: answer.total })),
      ' · ',
      dt(lang, 'list.period', { from: answer.from, to: answer.to }),
      ' · ',
      h('a', { href: `${API[kind]}?${csvParams}`, download: true }, dt(lang, 'list.csv')),
    ),
  );
  if ('outsideView' in answer && answer.outsideView > 0)
    section.append(h('p', { class: 'drill-outside' }, dt(lang, 'list.outside', { count: answer.outsideView })));
  if (answer.rows.length === 0) {
    section.append(h('p', { 'data-drill-empty': true }, dt(lang, kind === 'tickets' ? 'list.empty' : 'list.emptyArticles')));
    return;
  }
  const caption = `${dt(lang, kind === 'tickets' ? 'tickets.heading' : 'articles.heading')} · ${dt(lang, 'list.total', { total: answer.total })}`;
  if (kind === 'tickets') {
    const list = answer as TicketList;
    const cols: DrillKey[] = [
      'col.ticket',
      'col.subject',
      'col.topic',
      'col.priority',
      'col.agent',
      'col.status',
      'col.created',
      'col.resolved',
      'col.escalated',
      'col.reopened',
      'col.csat',
      'col.links',
    ];
    section.append(
      table(
        caption,
        cols.map((c) => dt(lang, c)),
        list.rows.map((r) => ticketRow(r, lang, list.tz)),
      ),
    );
  } else {
    const list = answer as ArticleList;
    const cols: DrillKey[] = ['col.article', 'col.lang', 'col.type', 'col.topic', 'col.kcs', 'col.owner', 'col.reviewed', 'col.reviewDue'];
    section.append(
      table(
        caption,
        cols.map((c) => dt(lang, c)),
        list.rows.map((r) => articleRow(r, lang)),
      ),
    );
  }
  const pages = pager(kind, lang, search, answer.page, Math.ceil(answer.total / answer.limit));
  if (pages) section.append(pages);
}

/**
 * The ticket panel (issue 17): a ticket's text, the articles suggested for it, a search over
 * the agents' edition, one-click links (solved-by, referenced), unlink, the flag form and the
 * capture of a new article. A reusable island: the ticket view mounts it, and the requests
 * inbox can mount it inside a request with `mountTicketPanel(element, { source, id }, lang)`.
 */
import type { Lang } from '../../../core/content/article.ts';
import { ARTICLE_TYPES, LANGS } from '../../../core/content/article.ts';
import type { DraftRequest, DraftResponse } from '../../../core/contracts/kcs.ts';
import type { Ticket } from '../../../core/tickets/ticket.ts';
import { kcsFetch } from './kcs-client.ts';
import { kt } from './kcs-strings.ts';
import { fill, h } from './dom.ts';
import { flagForm } from './flag-form.ts';

export interface TicketRef {
  source: string;
  id: string;
}

interface LinkRecord {
  ticket: string;
  source: string | null;
  article: string;
  relation: 'created-from' | 'solved-by' | 'referenced';
}
interface Found {
  article: string;
  title: string;
  url: string;
  audience?: 'public' | 'internal';
}
/** Topics as the layout embeds them (`data-kcs-topics`). */
export interface TopicOption {
  id: string;
  name: Record<Lang, string>;
  depth: number;
}

const enc = encodeURIComponent;

/** Renders the panel of ticket `ref` into `root`; rejects (KcsApiError) when the ticket cannot be read. */
export async function mountTicketPanel(root: HTMLElement, ref: TicketRef, lang: Lang, topics: TopicOption[] = []): Promise<void> {
  const { ticket } = await kcsFetch<{ ticket: Ticket }>(`/api/tickets/${enc(ref.source)}/${enc(ref.id)}`);
  const ticketTag = `${ticket.source}:${ticket.id}`;
  const articleLang: Lang = ticket.lang ?? lang;

  const linksList = h('ul', { class: 'kcs-list', 'data-links': true });
  const linkStatus = h('p', { role: 'status', class: 'kcs-status', 'data-link-status': true });
  const flagSlot = h('div', { 'data-flag-slot': true });

  async function refreshLinks() {
    const { links } = await kcsFetch<{ links: LinkRecord[] }>(`/api/links?ticket=${enc(ticket.id)}&source=${enc(ticket.source)}`);
    fill(
      linksList,
      ...(links.length
        ? links.map((l) =>
            h(
              'li',
              { 'data-link': `${l.article} ${l.relation}` },
              h('a', { href: `/staff/articles/${l.article}` }, l.article),
              ` · ${kt(lang, `relation.${l.relation}`)} `,
              l.relation === 'created-from' ? null : button(kt(lang, 'links.unlink'), () => link(l.article, l.relation, 'DELETE')),
            ),
          )
        : [h('li', {}, kt(lang, 'none'))]),
    );
  }

  async function link(article: string, relation: LinkRecord['relation'], method: 'POST' | 'DELETE' = 'POST') {
    try {
      await kcsFetch('/api/links', { method, body: { ticket: ticket.id, source: ticket.source, article, relation } });
      linkStatus.textContent = method === 'POST' ? kt(lang, 'link.done') : '';
      await refreshLinks();
    } catch (error) {
      linkStatus.textContent = kt(lang, 'failed', { message: (error as Error).message });
    }
  }

  const resultItem = (r: Found) =>
    h(
      'li',
      { 'data-result': r.article },
      h('a', { href: r.url, target: '_blank', rel: 'noopener' }, r.title),
      r.audience === 'internal' ? h('span', { class: 'kcs-badge' }, kt(lang, 'search.internal')) : null,
      ' ',
      button(kt(lang, 'link.solvedBy'), () => link(r.article, 'solved-by'), 'data-link-solved'),
      button(kt(lang, 'link.referenced'), () => link(r.article, 'referenced'), 'data-link-referenced'),
      button(
        kt(lang, 'flag.button'),
        () => fill(flagSlot, h('h3', {}, `${kt(lang, 'flag.heading')}: ${r.title}`), flagForm(lang, r.article, ticketTag)),
        'data-flag',
      ),
    );

  const suggestions = h('ul', { class: 'kcs-list', 'data-suggestions': true }, h('li', {}, kt(lang, 'loading')));
  kcsFetch<{ results: Found[] }>(`/api/tickets/${enc(ticket.id)}/suggestions?source=${enc(ticket.source)}`).then(
    ({ results }) => fill(suggestions, ...(results.length ? results.map(resultItem) : [h('li', {}, kt(lang, 'none'))])),
    (error: Error) => fill(suggestions, h('li', {}, kt(lang, 'failed', { message: error.message }))),
  );

  const query = h('input', { id: 'kcs-search', type: 'search', name: 'q', maxlength: '200', value: ticket.subject.slice(0, 200) });
  const results = h('ul', { class: 'kcs-list', 'data-search-results': true });
  const searchForm = h(
    'form',
    { class: 'kcs-inline-form', role: 'search' },
    h('label', { for: 'kcs-search' }, kt(lang, 'search.label')),
    query,
    h('button', { type: 'submit' }, kt(lang, 'search.submit')),
  );
  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!query.value.trim()) return;
    kcsFetch<{ results: Found[] }>(`/api/suggest/agents?q=${enc(query.value.trim())}&lang=${enc(articleLang)}&limit=10`).then(
      ({ results: found }) => fill(results, ...(found.length ? found.map(resultItem) : [h('li', {}, kt(lang, 'none'))])),
      (error: Error) => fill(results, h('li', {}, kt(lang, 'failed', { message: error.message }))),
    );
  });

  fill(
    root,
    h(
      'section',
      { class: 'kcs-card', 'aria-labelledby': 'kcs-ticket-heading' },
      h('h2', { id: 'kcs-ticket-heading' }, `${ticket.source} ${ticket.id}: ${ticket.subject}`),
      h('p', {}, kt(lang, 'ticket.status', { status: ticket.status, priority: ticket.priority, topic: ticket.topic ?? '—' })),
      h('h3', {}, kt(lang, 'ticket.text')),
      h('p', { class: 'kcs-text', 'data-ticket-text': true }, ticket.description ?? '—'),
      ticket.resolution ? h('h3', {}, kt(lang, 'ticket.resolution')) : null,
      ticket.resolution ? h('p', { class: 'kcs-text' }, ticket.resolution) : null,
    ),
    h(
      'section',
      { class: 'kcs-card', 'aria-labelledby': 'kcs-links-heading' },
      h('h2', { id: 'kcs-links-heading' }, kt(lang, 'links.heading')),
      linksList,
      linkStatus,
    ),
    h(
      'section',
      { class: 'kcs-card', 'aria-labelledby': 'kcs-suggest-heading' },
      h('h2', { id: 'kcs-suggest-heading' }, kt(lang, 'suggest.heading')),
      suggestions,
    ),
    h(
      'section',
      { class: 'kcs-card', 'aria-labelledby': 'kcs-search-heading' },
      h('h2', { id: 'kcs-search-heading' }, kt(lang, 'search.heading')),
      searchForm,
      results,
      flagSlot,
    ),
    captureSection(lang, ticket, articleLang, topics),
  );
  await refreshLinks();
}

function button(label: string, onClick: () => unknown, marker?: string): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'secondary', ...(marker ? { [marker]: true } : {}) }, label);
  b.addEventListener('click', () => void onClick());
  return b;
}

/** Capture: the draft form, the redacted preview beside the redaction report, download and "propose it". */
function captureSection(lang: Lang, ticket: Ticket, articleLang: Lang, topics: TopicOption[]): HTMLElement {
  const select = (id: string, options: Array<[string, string]>, selected?: string) =>
    h(
      'select',
      { id, name: id.replace('capture-', ''), required: true },
      ...options.map(([value, label]) => h('option', { value, selected: value === selected }, label)),
    );
  const type = select(
    'capture-type',
    ARTICLE_TYPES.map((t) => [t, t]),
    'solution',
  );
  const topic = select(
    'capture-topic',
    topics.map((t) => [t.id, `${'· '.repeat(t.depth)}${t.name[lang]} (${t.id})`]),
    ticket.topic,
  );
  const langSelect = select(
    'capture-lang',
    LANGS.map((l) => [l, l]),
    articleLang,
  );
  const slug = h('input', { id: 'capture-slug', name: 'slug', pattern: '[a-z0-9]+(-[a-z0-9]+)*', maxlength: '100' });
  const out = h('div', { class: 'kcs-draft', 'data-draft': true });
  const field = (id: string, key: Parameters<typeof kt>[1], control: HTMLElement) =>
    h('p', {}, h('label', { for: id }, kt(lang, key)), control);
  const form = h(
    'form',
    { class: 'kcs-capture-form', 'data-capture-form': true },
    field('capture-type', 'capture.type', type),
    field('capture-topic', 'capture.topic', topic),
    field('capture-lang', 'capture.lang', langSelect),
    field('capture-slug', 'capture.slug', slug),
    h('button', { type: 'submit' }, kt(lang, 'capture.submit')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body: DraftRequest = {
      type: type.value as DraftRequest['type'],
      topic: topic.value,
      lang: langSelect.value as Lang,
      ...(slug.value.trim() ? { slug: slug.value.trim() } : {}),
    };
    kcsFetch<DraftResponse>(`/api/tickets/${enc(ticket.source)}/${enc(ticket.id)}/draft`, { method: 'POST', body }).then(
      (draft) => fill(out, ...draftView(lang, draft)),
      (error: Error) => fill(out, h('p', { role: 'alert', class: 'kcs-error' }, kt(lang, 'failed', { message: error.message }))),
    );
  });
  return h(
    'section',
    { class: 'kcs-card', 'aria-labelledby': 'kcs-capture-heading' },
    h('h2', { id: 'kcs-capture-heading' }, kt(lang, 'capture.heading')),
    h('p', {}, kt(lang, 'capture.intro')),
    form,
    out,
  );
}

function draftView(lang: Lang, draft: DraftResponse): HTMLElement[] {
  const fileName = draft.path.split('/').pop() ?? 'draft.mdx';
  const download = h('a', { class: 'button', download: fileName, 'data-download': true }, kt(lang, 'capture.download'));
  download.setAttribute('href', URL.createObjectURL(new Blob([draft.mdx], { type: 'text/markdown;charset=utf-8' })));
  const report = draft.redactions.length
    ? h(
        'table',
        { class: 'insights-table', 'data-redactions': true },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, kt(lang, 'capture.kind')),
            h('th', { scope: 'col' }, kt(lang, 'capture.field')),
            h('th', { scope: 'col' }, kt(lang, 'capture.line')),
            h('th', { scope: 'col' }, '⟶'),
          ),
        ),
        h(
          'tbody',
          {},
          ...draft.redactions.map((r) =>
            h('tr', {}, h('td', {}, r.kind), h('td', {}, r.field), h('td', {}, r.line), h('td', {}, h('code', {}, r.placeholder))),
          ),
        ),
      )
    : h('p', {}, kt(lang, 'capture.none'));
  return [
    h(
      'div',
      { class: 'kcs-draft-grid' },
      h(
        'div',
        {},
        h('h3', {}, `${kt(lang, 'capture.preview')}: ${draft.path}`),
        h('pre', { class: 'kcs-mdx', 'data-mdx': true, tabindex: '0' }, draft.mdx),
      ),
      h('div', {}, h('h3', {}, kt(lang, 'capture.report')), report),
    ),
    h(
      'p',
      { class: 'kcs-actions' },
      download,
      ' ',
      draft.proposeUrl
        ? h(
            'a',
            { class: 'button secondary', href: draft.proposeUrl, target: '_blank', rel: 'noopener', 'data-propose': true },
            kt(lang, 'capture.propose'),
          )
        : h('span', {}, kt(lang, 'capture.noRepo')),
    ),
    h('p', {}, kt(lang, 'capture.next')),
  ];
}

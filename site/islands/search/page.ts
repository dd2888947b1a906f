/**
 * The search page's island: reads ?q= and filters from the URL, searches as the visitor
 * types (debounced), renders results in rank order and keeps the URL shareable.
 *
 * Page contract for tests and tools: the element with `data-search-status` moves
 * idle → searching → done (or error); each result is an element with
 * `data-search-result` and `data-article="<id>"` holding the article link; when a search
 * has finished and no article plausibly answers (core/search/relevance.ts), `data-search-empty`
 * appears, with a contact link carrying the query (`data-search-contact`), the other
 * language's answers when it has some (`data-search-other-lang`) and weak matches apart
 * (`data-search-related`), never as `data-search-result`.
 */
import { analyzeQuery } from '../../../core/search/query.ts';
import { relevanceUnits } from '../../../core/search/relevance.ts';
import { PAGEFIND_RANKING, rankedSearch, type PagefindApi } from './engine.ts';
import { judgeResults, type LoadedResult } from './judge.ts';
import { PageVocabulary } from './vocabulary.ts';

interface SearchConfig {
  lang: string;
  pageCount: number;
  contactUrl: string;
  otherLang: string;
  otherLangName: string;
  /** This language's synonym groups (content/synonyms.yaml), normalised. */
  synonyms: string[][];
  types: Record<string, string>;
  topics: Record<string, string>;
  strings: Record<
    | 'searching'
    | 'empty'
    | 'emptyFiltered'
    | 'prompt'
    | 'count'
    | 'countOne'
    | 'broadened'
    | 'error'
    | 'emptyTips'
    | 'contact'
    | 'otherLang'
    | 'otherLangOne'
    | 'related',
    string
  >;
}

/** At most this many units weigh in the relevance rule (each is one more Pagefind search). */
const MAX_RULE_UNITS = 16;

type Pagefind = PagefindApi & { options(o: object): Promise<void>; init(): Promise<void> };

const PAGE_SIZE = 10;
/**
 * The pause after the last key before searching. Short, so results follow typing (issue 15's
 * bench: last keystroke to first results); the `search` event still waits for a real pause.
 */
const DEBOUNCE_MS = 100;
/** performance.mark() set when a search is issued (after the debounce), for bench:search. */
export const SEARCH_ISSUED_MARK = 'kb-search-issued';

let pagefindPromise: Promise<Pagefind> | undefined;
/** Loads Pagefind once; the URL is built at run time so the bundler leaves it alone. */
function loadPagefind(): Promise<Pagefind> {
  const url = '/pagefind/pagefind.js';
  pagefindPromise ??= import(/* @vite-ignore */ url).then(async (pf: Pagefind) => {
    await pf.options({ excerptLength: 28, ranking: PAGEFIND_RANKING });
    await pf.init();
    return pf;
  });
  return pagefindPromise;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

export function initSearchPage(): void {
  const root = document.querySelector<HTMLElement>('[data-search-page]');
  const configNode = document.getElementById('search-config');
  if (!root || !configNode) return;
  const config = JSON.parse(configNode.textContent ?? '{}') as SearchConfig;
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const typeSelect = form.querySelector<HTMLSelectElement>('select[name="type"]')!;
  const topicSelect = form.querySelector<HTMLSelectElement>('select[name="topic"]')!;
  const langSelect = form.querySelector<HTMLSelectElement>('select[name="lang"]')!;
  const statusBox = root.querySelector<HTMLElement>('[data-search-status]')!;
  const statusText = root.querySelector<HTMLElement>('[data-search-message]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const moreButton = root.querySelector<HTMLButtonElement>('[data-search-more]')!;

  const params = new URL(location.href).searchParams;
  input.value = params.get('q') ?? '';
  typeSelect.value = params.get('type') ?? '';
  topicSelect.value = params.get('topic') ?? '';

  const vocabulary = new PageVocabulary(config.lang);
  let sequence = 0;
  let ranked: LoadedResult[] = [];
  let shown = 0;

  const setStatus = (state: 'idle' | 'searching' | 'done' | 'error', message: string) => {
    statusBox.dataset.searchStatus = state;
    statusText.textContent = message;
  };

  const filters = () => {
    const f: Record<string, string> = {};
    if (typeSelect.value) f.type = typeSelect.value;
    if (topicSelect.value) f.topic = topicSelect.value;
    return f;
  };

  const syncUrl = () => {
    const url = new URL(location.href);
    for (const [key, value] of [
      ['q', input.value.trim()],
      ['type', typeSelect.value],
      ['topic', topicSelect.value],
    ] as const) {
      if (value) url.searchParams.set(key, value);
      else url.searchParams.delete(key);
    }
    history.replaceState(null, '', url);
  };

  async function renderMore(mySequence: number) {
    const batch = ranked.slice(shown, shown + PAGE_SIZE);
    if (mySequence !== sequence) return;
    for (const { data: item } of batch) {
      const id = item.meta.id ?? '';
      const li = el('li', { 'data-search-result': '', 'data-article': id });
      li.append(el('a', { href: item.url }, item.meta.title ?? item.url));
      const excerpt = el('p');
      // Pagefind escapes page text and only adds <mark> around matches.
      excerpt.innerHTML = item.excerpt;
      const meta = el('div', { class: 'meta' });
      meta.append(el('span', { class: 'badge' }, config.types[item.meta.type ?? ''] ?? item.meta.type ?? ''));
      if (item.meta.topic) meta.append(el('span', {}, config.topics[item.meta.topic] ?? item.meta.topic));
      li.append(excerpt, meta);
      list.append(li);
    }
    shown += batch.length;
    moreButton.hidden = shown >= ranked.length;
  }

  async function run() {
    const mySequence = ++sequence;
    performance.mark(SEARCH_ISSUED_MARK);
    syncUrl();
    list.replaceChildren();
    for (const node of root!.querySelectorAll('[data-search-empty], [data-search-other-lang], [data-search-related]')) node.remove();
    moreButton.hidden = true;
    const { terms } = analyzeQuery(input.value);
    if (terms.length === 0) {
      setStatus('idle', config.strings.prompt);
      return;
    }
    setStatus('searching', config.strings.searching);
    try {
      // The same units as /api/suggest: Chinese re-split against the corpus's words.
      const [pagefind, known] = await Promise.all([loadPagefind(), vocabulary.knownFor(input.value)]);
      const units = relevanceUnits(input.value, config.synonyms, known).slice(0, MAX_RULE_UNITS);
      const alternatives = units.flatMap((u) => u.alternatives ?? []);
      const found = await rankedSearch(pagefind, terms, filters(), config.pageCount, {
        extraUnits: units.map((u) => u.text),
        // The rule's Chinese words (re-split against the corpus) rank too, not only the segmenter's.
        optionalTerms: [...units.filter((u) => u.kind === 'cjk').map((u) => u.text), ...alternatives],
        // With them, the segmenter's own words add searches but no recall (measured on the Astro docs).
        ...(known ? { chineseUnits: 'none' as const } : {}),
      });
      const { answers, related } = await judgeResults(found.results, units, found.unitHits, config.pageCount);
      if (mySequence !== sequence) return;
      ranked = answers;
      shown = 0;
      await renderMore(mySequence);
      if (mySequence !== sequence) return;
      if (answers.length === 0) {
        renderEmpty(related, mySequence);
        setStatus('done', '');
      } else {
        const count = answers.length === 1 ? config.strings.countOne : config.strings.count.replace('{n}', String(answers.length));
        setStatus('done', found.broadened ? `${count}. ${config.strings.broadened}` : count);
      }
      // `results` counts real answers only, so the no-result rate means what it says.
      root!.dispatchEvent(
        new CustomEvent('kb:search', { bubbles: true, detail: { query: input.value, results: answers.length, filters: filters() } }),
      );
    } catch (error) {
      if (mySequence !== sequence) return;
      console.error(error);
      setStatus('error', config.strings.error);
    }
  }

  /** The empty state: what to do next, the other language's answers, and weak matches apart. */
  function renderEmpty(related: LoadedResult[], mySequence: number) {
    const query = input.value.trim();
    const filtered = Object.keys(filters()).length > 0;
    const empty = el('div', { 'data-search-empty': '', class: 'banner banner-info' });
    empty.append(el('p', {}, filtered ? config.strings.emptyFiltered : config.strings.empty));
    const tips = el('ul', { class: 'search-tips' });
    for (const tip of config.strings.emptyTips.split(' | ')) tips.append(el('li', {}, tip));
    const contact = new URL(config.contactUrl, location.href);
    contact.searchParams.set('q', query.slice(0, 120));
    const link = el(
      'a',
      { href: contact.pathname + contact.search, 'data-search-contact': '' },
      config.strings.contact.replace('{q}', query),
    );
    empty.append(tips, el('p', {}, ''));
    empty.lastElementChild!.append(link);
    list.after(empty);
    if (related.length) {
      const section = el('section', { 'data-search-related': '', class: 'search-related' });
      section.append(el('h2', {}, config.strings.related));
      const items = el('ul');
      for (const { data } of related.slice(0, 5)) {
        const li = el('li', { 'data-related-article': data.meta.id ?? '' });
        li.append(el('a', { href: data.url }, data.meta.title ?? data.url));
        items.append(li);
      }
      section.append(items);
      empty.after(section);
    }
    void offerOtherLang(query, empty, mySequence);
  }

  /** "3 answers in 中文": the other language's answers from /api/suggest (the same rule). */
  async function offerOtherLang(query: string, after: Element, mySequence: number) {
    try {
      const params = new URLSearchParams({ q: query.slice(0, 200), lang: config.otherLang, limit: '5' });
      const res = await fetch(`/api/suggest?${params}`, { credentials: 'omit' });
      if (!res.ok) return;
      const { results } = (await res.json()) as { results: Array<{ article: string; title: string; url: string }> };
      if (mySequence !== sequence || !results.length) return;
      const section = el('section', { 'data-search-other-lang': config.otherLang, lang: config.otherLang, class: 'search-other-lang' });
      const heading = results.length === 1 ? config.strings.otherLangOne : config.strings.otherLang.replace('{n}', String(results.length));
      section.append(el('h2', { lang: config.lang }, heading.replace('{lang}', config.otherLangName)));
      const items = el('ul');
      for (const r of results) {
        const li = el('li', { 'data-other-lang-article': r.article });
        li.append(el('a', { href: r.url, hreflang: config.otherLang }, r.title));
        items.append(li);
      }
      section.append(items);
      after.after(section);
    } catch {
      // No API (a static copy of the site): no offer.
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  // Pagefind (its script, wasm and entry file) loads once the page is idle, or on focus if
  // sooner, so the first query does not wait for it.
  input.addEventListener('focus', () => void loadPagefind(), { once: true });
  if ('requestIdleCallback' in window) requestIdleCallback(() => void loadPagefind(), { timeout: 2000 });
  else setTimeout(() => void loadPagefind(), 500);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run();
  });
  typeSelect.addEventListener('change', () => void run());
  topicSelect.addEventListener('change', () => void run());
  langSelect.addEventListener('change', () => {
    const url = new URL(`/${langSelect.value}/search/`, location.href);
    url.search = new URL(location.href).search;
    location.assign(url);
  });
  moreButton.addEventListener('click', () => void renderMore(sequence));
  void run();
}

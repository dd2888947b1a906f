/**
 * The search page's island: reads ?q= and filters from the URL, searches as the visitor
 * types (debounced), renders results in rank order and keeps the URL shareable.
 *
 * Page contract for tests and tools: the element with `data-search-status` moves
 * idle → searching → done (or error); each result is an element with
 * `data-search-result` and `data-article="<id>"` holding the article link; when a search
 * has finished every retry and found nothing, `data-search-empty` appears.
 */
import { analyzeQuery } from '../../../core/search/query.ts';
import { PAGEFIND_RANKING, rankedSearch, type PagefindApi, type PagefindResult } from './engine.ts';

interface SearchConfig {
  lang: string;
  pageCount: number;
  types: Record<string, string>;
  topics: Record<string, string>;
  strings: Record<'searching' | 'empty' | 'emptyFiltered' | 'prompt' | 'count' | 'countOne' | 'broadened' | 'error', string>;
}

type Pagefind = PagefindApi & { options(o: object): Promise<void>; init(): Promise<void> };

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 250;

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

  let sequence = 0;
  let ranked: PagefindResult[] = [];
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
    const data = await Promise.all(batch.map((r) => r.data()));
    if (mySequence !== sequence) return;
    for (const item of data) {
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
    syncUrl();
    list.replaceChildren();
    root!.querySelector('[data-search-empty]')?.remove();
    moreButton.hidden = true;
    const { terms } = analyzeQuery(input.value);
    if (terms.length === 0) {
      setStatus('idle', config.strings.prompt);
      return;
    }
    setStatus('searching', config.strings.searching);
    try {
      const pagefind = await loadPagefind();
      const { results, broadened } = await rankedSearch(pagefind, terms, filters(), config.pageCount);
      if (mySequence !== sequence) return;
      ranked = results;
      shown = 0;
      await renderMore(mySequence);
      if (mySequence !== sequence) return;
      if (results.length === 0) {
        const filtered = Object.keys(filters()).length > 0;
        const empty = el(
          'p',
          { 'data-search-empty': '', class: 'banner banner-info' },
          filtered ? config.strings.emptyFiltered : config.strings.empty,
        );
        list.after(empty);
        setStatus('done', '');
      } else {
        const count = results.length === 1 ? config.strings.countOne : config.strings.count.replace('{n}', String(results.length));
        setStatus('done', broadened ? `${count}. ${config.strings.broadened}` : count);
      }
      root!.dispatchEvent(
        new CustomEvent('kb:search', { bubbles: true, detail: { query: input.value, results: results.length, filters: filters() } }),
      );
    } catch (error) {
      if (mySequence !== sequence) return;
      console.error(error);
      setStatus('error', config.strings.error);
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  input.addEventListener('focus', () => void loadPagefind(), { once: true });
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

/**
 * Search as you type in the header (issue 15): article titles that answer what the visitor
 * types, from GET /api/suggest (the same relevance rule as the search page), shown in the
 * WAI-ARIA combobox pattern (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/): the input
 * is a combobox controlling a listbox; ArrowDown/ArrowUp move the active option
 * (aria-activedescendant), Enter opens it (or, with none active, the full results page),
 * Escape closes the list (and clears the box when it is already closed); a polite live
 * region announces how many titles there are. Without JavaScript or the API the form is a
 * plain search form.
 */
import { fetchSuggestions } from '../contact/api.ts';
import type { Lang } from '../../../core/content/article.ts';

const DEBOUNCE_MS = 150;
/** Fewer characters than this show nothing: one letter matches everything or nothing. */
const MIN_CHARS = 2;

interface TypeaheadStrings {
  count: string;
  countOne: string;
  none: string;
}

/** Enhances the header's search form; does nothing when its markup is missing. */
export function initTypeahead(): void {
  const form = document.querySelector<HTMLFormElement>('[data-typeahead]');
  const input = form?.querySelector<HTMLInputElement>('input[role="combobox"]');
  const list = form?.querySelector<HTMLUListElement>('[role="listbox"]');
  const status = form?.querySelector<HTMLElement>('[data-typeahead-status]');
  if (!form || !input || !list || !status) return;
  const lang = document.documentElement.lang as Lang;
  const strings = JSON.parse(form.dataset.typeahead || '{}') as TypeaheadStrings;
  let options: HTMLLIElement[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const setActive = (index: number) => {
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    active = index;
    if (index >= 0) input.setAttribute('aria-activedescendant', options[index]!.id);
    else input.removeAttribute('aria-activedescendant');
  };

  async function suggest() {
    const query = input!.value.trim();
    controller?.abort();
    if (query.length < MIN_CHARS) {
      list!.replaceChildren();
      options = [];
      close();
      status!.textContent = '';
      return;
    }
    controller = new AbortController();
    const results = await fetchSuggestions(query, lang, controller.signal);
    if (results === null || input!.value.trim() !== query) return;
    options = results.map((result, i) => {
      const li = document.createElement('li');
      li.id = `header-q-option-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.dataset.article = result.article;
      const link = document.createElement('a');
      link.href = result.url;
      link.tabIndex = -1;
      link.textContent = result.title;
      li.append(link);
      return li;
    });
    list!.replaceChildren(...options);
    active = -1;
    input!.removeAttribute('aria-activedescendant');
    const open = options.length > 0;
    list!.hidden = !open;
    input!.setAttribute('aria-expanded', String(open));
    status!.textContent = open
      ? options.length === 1
        ? strings.countOne
        : strings.count.replace('{n}', String(options.length))
      : strings.none;
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void suggest(), DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    const open = !list.hidden && options.length > 0;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!open) return;
      event.preventDefault();
      // Positions run from -1 (the text itself) to the last option, and wrap around.
      const n = options.length;
      if (event.key === 'ArrowDown') setActive(active + 1 >= n ? -1 : active + 1);
      else setActive(active - 1 < -1 ? n - 1 : active - 1);
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      location.assign(options[active]!.querySelector('a')!.href);
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        close();
      } else if (input.value) {
        event.preventDefault();
        input.value = '';
      }
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  // A click on an option follows its link; keep the focus from closing the list first.
  list.addEventListener('mousedown', (event) => event.preventDefault());
}

/**
 * The contact page's island (components/ContactForm.astro). The markup is a complete
 * HTML form; this script adds answers from /api/suggest while the visitor types, "This
 * solved my problem", checks next to each field, sending as JSON without leaving the
 * page, and the page's usage events (contact_view, suggestion_shown, suggestion_click,
 * contact_solved; contact_submitted only when forwarding to the helpdesk, since
 * POST /api/contact records its own).
 *
 * Page contract for tests: `[data-contact-suggestions]` lists `li[data-article]`, each
 * with a link and `[data-solved]`; `[data-contact-status]` has `data-state` idle,
 * sending, error; `[data-contact-outcome="sent"][data-shown]` holds `[data-contact-ref]`;
 * `[data-contact-solved]` appears after "This solved my problem".
 */
import type { Lang } from '../../../core/content/article.ts';
import { browserClock } from '../analytics/search-settle.ts';
import { fetchSuggestions, postContact } from './api.ts';
import { contactBeacons } from './beacons.ts';
import { Debouncer } from './debounce.ts';
import { contactSolvedEvent, contactSubmittedEvent, contactViewEvent, suggestionClickEvent, suggestionShownEvent } from './events.ts';
import { HONEYPOT_FIELD } from '../../../core/contracts/contact-limits.ts';
import { contactOutcomeOf, outcomeTarget, type ContactOutcome } from '../../../core/contracts/contact-outcome.ts';
import { fill, suggestionsCountText, type ContactStrings } from './strings.ts';
import { ShownSuggestions, suggestionQuery, type Suggestion } from './suggestions.ts';
import { contactProblems, type ContactField, type InputProblem } from '../../../core/contracts/contact-checks.ts';

function part<T extends Element>(root: ParentNode, selector: string): T {
  const node = root.querySelector<T>(selector);
  if (!node) throw new Error(`contact form: ${selector} is missing`);
  return node;
}

/** One answer: its link and "This solved my problem", described by the article's title. */
function suggestionItem(suggestion: Suggestion, rank: number, solvedLabel: string): HTMLLIElement {
  const item = document.createElement('li');
  item.dataset.article = suggestion.article;
  const link = document.createElement('a');
  link.href = suggestion.url;
  link.textContent = suggestion.title;
  link.id = `contact-suggestion-${rank}`;
  const solved = document.createElement('button');
  solved.type = 'button';
  solved.dataset.solved = suggestion.article;
  solved.textContent = solvedLabel;
  // "This solved my problem" alone is ambiguous among five answers; the title tells which.
  solved.setAttribute('aria-describedby', link.id);
  item.append(link, solved);
  return item;
}

function enhance(root: HTMLElement): void {
  const strings = JSON.parse(part(root, '[data-contact-strings]').textContent ?? '{}') as ContactStrings;
  const lang = root.dataset.lang as Lang;
  const helpdesk = root.dataset.mode === 'helpdesk';
  const form = part<HTMLFormElement>(root, '[data-contact-form]');
  const subject = part<HTMLInputElement>(form, '[data-field="subject"]');
  const description = form.querySelector<HTMLTextAreaElement>('[data-field="description"]');
  const email = form.querySelector<HTMLInputElement>('[data-field="email"]');
  const honeypot = form.querySelector<HTMLInputElement>(`[name="${HONEYPOT_FIELD}"]`);
  const suggestionsBox = part<HTMLElement>(form, '[data-contact-suggestions]');
  const suggestionList = part<HTMLOListElement>(suggestionsBox, '[data-contact-suggestion-list]');
  const suggestStatus = part<HTMLElement>(form, '[data-contact-suggest-status]');
  const status = part<HTMLElement>(form, '[data-contact-status]');
  const submitButton = part<HTMLButtonElement>(form, '[data-contact-submit]');
  const solvedBox = part<HTMLElement>(root, '[data-contact-solved]');
  const fields: ContactField[] = helpdesk ? ['subject'] : ['subject', 'description', 'email'];
  const inputOf = (field: ContactField) => part<HTMLInputElement | HTMLTextAreaElement>(form, `[data-field="${field}"]`);

  const events = contactBeacons();
  const shown = new ShownSuggestions();
  let current: { query: string; suggestions: Suggestion[] } | null = null;
  let inFlight: AbortController | null = null;
  let sending = false;

  const setStatus = (state: 'idle' | 'sending' | 'error', text: string) => {
    status.dataset.state = state;
    status.textContent = text;
  };

  // --- Outcome messages (after a form post without JS, or after sending with it) ---
  const showOutcome = (outcome: ContactOutcome, focus: boolean) => {
    for (const box of root.querySelectorAll<HTMLElement>('[data-contact-outcome]')) delete box.dataset.shown;
    const box = part<HTMLElement>(root, `#${outcomeTarget(outcome)}`);
    box.dataset.shown = '';
    if (outcome.kind === 'sent') {
      const refLine = part<HTMLElement>(box, '[data-contact-ref-line]');
      part<HTMLElement>(box, '[data-contact-ref]').textContent = outcome.ref ?? '';
      refLine.hidden = !outcome.ref;
      // The private page, rebuilt from the reference and the key (docs/requests.md).
      const linkLine = part<HTMLElement>(box, '[data-contact-link-line]');
      const link = part<HTMLAnchorElement>(box, '[data-contact-link]');
      if (outcome.ref && outcome.key) {
        link.href = `/${root.dataset.lang}/requests/${encodeURIComponent(outcome.ref)}/?k=${outcome.key}`;
        link.textContent = new URL(link.href, location.origin).href;
      }
      linkLine.hidden = !(outcome.ref && outcome.key);
      part<HTMLElement>(box, '[data-contact-nomail]').hidden = !(outcome.ref && outcome.mail === false);
      part<HTMLElement>(box, '[data-contact-mail-body]').hidden = outcome.mail === false;
    } else {
      markFields(
        outcome.fields.map((field) => ({ field, problem: 'required' as const })),
        false,
      );
    }
    if (focus) box.focus();
  };

  // --- Field checks ---
  const clearField = (field: ContactField) => {
    const input = form.querySelector(`[data-field="${field}"]`);
    const message = form.querySelector<HTMLElement>(`[data-error-for="${field}"]`);
    input?.removeAttribute('aria-invalid');
    if (message) {
      message.textContent = '';
      message.hidden = true;
    }
  };
  /** Marks the fields with problems; `explain` writes the message (the server only says which field). */
  function markFields(problems: InputProblem[], explain = true) {
    for (const field of fields) clearField(field);
    for (const { field, problem } of problems) {
      if (!fields.includes(field)) continue;
      inputOf(field).setAttribute('aria-invalid', 'true');
      const message = part<HTMLElement>(form, `[data-error-for="${field}"]`);
      message.textContent = explain ? (strings.problems[field][problem] ?? strings.fixFields) : strings.fixFields;
      message.hidden = false;
    }
  }

  // --- Suggestions ---
  const hideSuggestions = () => {
    suggestionsBox.hidden = true;
    suggestionList.replaceChildren();
    suggestStatus.textContent = '';
    current = null;
  };

  const renderSuggestions = (query: string, suggestions: Suggestion[]) => {
    if (suggestions.length === 0) return hideSuggestions();
    // The same answers as on screen: leave them (and the visitor's focus) alone.
    if (current && current.suggestions.map((s) => s.article).join() === suggestions.map((s) => s.article).join()) {
      current = { query, suggestions };
      return;
    }
    current = { query, suggestions };
    suggestionList.replaceChildren(...suggestions.map((s, i) => suggestionItem(s, i + 1, strings.solvedButton)));
    suggestionsBox.hidden = false;
    suggestStatus.textContent = suggestionsCountText(strings, suggestions.length);
    const articles = suggestions.map((s) => s.article);
    if (shown.firstShowing(articles)) {
      const event = suggestionShownEvent(query, articles, lang);
      if (event) events.add(event);
    }
  };

  const suggest = async (query: string | null) => {
    inFlight?.abort();
    inFlight = null;
    if (!query) return hideSuggestions();
    if (current?.query === query) return;
    const controller = new AbortController();
    inFlight = controller;
    const suggestions = await fetchSuggestions(query, lang, controller.signal);
    // A newer query has started meanwhile: its answer is the one to show.
    if (inFlight !== controller) return;
    inFlight = null;
    // Failed: keep what is shown rather than flicker; the form works without suggestions.
    if (suggestions) renderSuggestions(query, suggestions);
  };
  const debouncer = new Debouncer<string | null>((query) => void suggest(query), browserClock);
  const onType = () => {
    const query = suggestionQuery(subject.value, description?.value ?? '');
    if (!query) {
      debouncer.cancel();
      void suggest(null);
      return;
    }
    debouncer.schedule(query);
  };

  /** A suggestion link opened: click, or middle click into a new tab. */
  const onSuggestionOpened = (event: MouseEvent) => {
    if (event.type === 'auxclick' && event.button !== 1) return;
    const link = (event.target as Element | null)?.closest?.('a[href]');
    const item = link?.closest<HTMLElement>('li[data-article]');
    if (!item) return;
    const rank = [...suggestionList.children].indexOf(item) + 1;
    const click = suggestionClickEvent(item.dataset.article ?? '', rank, lang);
    if (click) events.add(click);
  };

  const onSolved = (event: MouseEvent) => {
    const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('button[data-solved]');
    if (!button) return;
    const article = button.dataset.solved ?? '';
    const solved = contactSolvedEvent(article, lang);
    if (solved) events.add(solved);
    events.flush();
    const suggestion = current?.suggestions.find((s) => s.article === article);
    const link = part<HTMLAnchorElement>(solvedBox, '[data-contact-solved-link]');
    if (suggestion) {
      link.href = suggestion.url;
      link.textContent = suggestion.title;
    }
    debouncer.cancel();
    form.hidden = true;
    solvedBox.hidden = false;
    // The button that had focus is gone; the thank-you takes its place.
    solvedBox.focus();
  };

  // --- Sending ---
  const typed = () => ({ subject: subject.value, description: description?.value ?? '', email: email?.value ?? '' });
  const onSubmit = async (event: SubmitEvent) => {
    const problems = contactProblems(typed(), fields);
    markFields(problems);
    if (problems.length > 0) {
      event.preventDefault();
      setStatus('error', strings.fixFields);
      inputOf(problems[0]!.field).focus();
      return;
    }
    debouncer.cancel();
    if (helpdesk) {
      // The browser goes on to the helpdesk's form; record the hand-over first.
      events.add(contactSubmittedEvent(undefined, lang));
      events.flush();
      return;
    }
    event.preventDefault();
    if (sending) return;
    sending = true;
    submitButton.disabled = true;
    setStatus('sending', strings.sending);
    // Events of this visit leave first, so they join the visitor's session before the request's own event.
    events.flush();
    const result = await postContact({
      subject: subject.value.trim(),
      description: description!.value.trim(),
      email: email!.value.trim(),
      lang,
      ...(honeypot?.value ? { [HONEYPOT_FIELD]: honeypot.value } : {}),
    });
    sending = false;
    submitButton.disabled = false;
    switch (result.kind) {
      case 'created':
      case 'not-recorded':
        setStatus('idle', '');
        form.hidden = true;
        showOutcome(
          result.kind === 'created'
            ? {
                kind: 'sent',
                ref: result.ref,
                key: result.url ? new URL(result.url, location.origin).searchParams.get('k') : null,
                mail: result.mail,
              }
            : { kind: 'sent', ref: null },
          true,
        );
        history.replaceState(null, '', result.kind === 'created' ? `?ref=${encodeURIComponent(result.ref)}` : '?sent=1');
        return;
      case 'invalid': {
        // The server names the fields only; say what is wrong where the page can tell.
        const local = contactProblems(typed(), result.fields);
        markFields(result.fields.map((field) => local.find((p) => p.field === field) ?? { field, problem: 'required' }));
        setStatus('error', strings.fixFields);
        if (result.fields[0]) inputOf(result.fields[0]).focus();
        return;
      }
      case 'rate-limited':
        setStatus('error', fill(strings.rateLimited, { s: result.retryAfter }));
        return;
      default:
        // Everything typed stays; trying again is one press away.
        setStatus('error', strings.error);
    }
  };

  // An address such as ?ref=… says how a form post without JavaScript went.
  const outcome = contactOutcomeOf(location.search);
  if (outcome) showOutcome(outcome, true);

  subject.addEventListener('input', onType);
  description?.addEventListener('input', onType);
  for (const field of fields) inputOf(field).addEventListener('input', () => clearField(field));
  suggestionList.addEventListener('click', (event) => {
    onSuggestionOpened(event);
    onSolved(event);
  });
  suggestionList.addEventListener('auxclick', onSuggestionOpened);
  form.addEventListener('submit', (event) => void onSubmit(event));
  // The page's own checks speak next to each field, in the page language.
  form.noValidate = true;
  events.add(contactViewEvent(lang));
  // The search page's "contact support" link carries the query (?q=): it becomes the subject.
  const carried = new URLSearchParams(location.search).get('q')?.trim();
  if (carried && !subject.value) subject.value = carried.slice(0, subject.maxLength > 0 ? subject.maxLength : carried.length);
  // Text restored by the browser (back button) deserves its suggestions too.
  if (subject.value) onType();
}

/** Enhances the contact form; a form whose markup is incomplete stays a plain HTML form. */
export function initContactForm(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-contact-root]')) {
    try {
      enhance(root);
    } catch (error) {
      console.error(error);
    }
  }
}

/**
 * The customer request page's island (site/pages/[lang]/requests/index.astro): reads the
 * reference from the address and the key from ?k=, loads the customer's view and shows the
 * status, the conversation (as text: nothing is interpreted as markup) and the survey once
 * the request is resolved. The forms post themselves; this only renders and says what a
 * post just did (?sent=1, ?surveyed=1, ?error=…).
 */
import type { Lang } from '../../../core/content/article.ts';
import type { CustomerRequest } from '../../../core/contracts/requests.ts';
import { rs, type RequestPageKey } from './strings.ts';

const NOTICES: Record<string, RequestPageKey> = {
  sent: 'sent',
  surveyed: 'surveyed',
  invalid: 'invalid',
  closed: 'closed',
  survey: 'surveyError',
};

function el<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`request page: ${selector} is missing`);
  return found;
}

/** The reference in /<lang>/requests/<ref>/, or null. */
export function refOfPath(pathname: string): string | null {
  const match = /^\/(?:en|zh-CN)\/requests\/([^/]+)\/$/.exec(pathname);
  return match ? decodeURIComponent(match[1]!) : null;
}

function render(root: HTMLElement, lang: Lang, request: CustomerRequest): void {
  el(root, '[data-request-ref]').textContent = request.ref;
  el<HTMLElement>(root, '[data-request-state]').hidden = true;
  el<HTMLElement>(root, '[data-request-status]').hidden = false;
  el(root, '[data-request-status-text]').textContent = rs(lang, `status.${request.status}`);
  const list = el(root, '[data-request-messages]');
  list.replaceChildren(
    ...request.messages.map((m) => {
      const item = document.createElement('li');
      item.dataset.kind = m.kind;
      const who = document.createElement('p');
      const strong = document.createElement('strong');
      strong.textContent = m.kind === 'customer' ? rs(lang, 'you') : rs(lang, 'support');
      const time = document.createElement('time');
      time.dateTime = m.createdAt;
      time.textContent = ` · ${new Date(m.createdAt).toLocaleString(lang)}`;
      who.append(strong, time);
      const body = document.createElement('p');
      body.className = 'body';
      body.textContent = m.body;
      item.append(who, body);
      return item;
    }),
  );
  el<HTMLElement>(root, '[data-request-conversation]').hidden = false;
  const survey = el<HTMLElement>(root, '[data-request-survey]');
  survey.hidden = !request.surveyOpen && !request.survey;
  el<HTMLElement>(root, '[data-request-survey-form]').hidden = !request.surveyOpen;
  const done = el<HTMLElement>(root, '[data-request-survey-done]');
  done.hidden = !request.survey;
  if (request.survey)
    done.textContent = rs(lang, 'surveyDone', {
      solved: rs(lang, request.survey.solved ? 'solvedWord' : 'notSolvedWord'),
      rating: request.survey.rating,
    });
  el<HTMLElement>(root, '[data-request-reply]').hidden = request.status === 'closed';
}

/** Starts the page: loads the request and shows it, or says why not. */
export async function startRequestPage(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-request-root]');
  if (!root) return;
  const lang = (root.dataset.lang === 'zh-CN' ? 'zh-CN' : 'en') as Lang;
  const state = el<HTMLElement>(root, '[data-request-state]');
  const params = new URLSearchParams(location.search);
  const ref = refOfPath(location.pathname);
  const key = params.get('k');
  const outcome = params.get('error') ?? (params.has('sent') ? 'sent' : params.has('surveyed') ? 'surveyed' : null);
  if (outcome && NOTICES[outcome]) {
    const notice = el<HTMLElement>(root, '[data-request-notice]');
    notice.textContent = rs(lang, NOTICES[outcome]);
    notice.hidden = false;
  }
  if (!ref || !key) {
    state.textContent = rs(lang, 'noKey');
    el<HTMLElement>(root, '[data-request-reply]').hidden = true;
    return;
  }
  try {
    const res = await fetch(`/api/requests/${encodeURIComponent(ref)}?k=${encodeURIComponent(key)}`, { credentials: 'omit' });
    if (res.status === 404) {
      state.textContent = rs(lang, 'notFound');
      el<HTMLElement>(root, '[data-request-reply]').hidden = true;
      return;
    }
    if (!res.ok) throw new Error(String(res.status));
    render(root, lang, (await res.json()) as CustomerRequest);
  } catch {
    state.textContent = rs(lang, 'failed');
  }
}

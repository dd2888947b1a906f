/**
 * "Was this article helpful?": the island that enhances FeedbackWidget.astro. The markup
 * is complete HTML (forms, radio buttons, labels, a status region); this script only
 * reveals it, sends votes as JSON and says what happened.
 *
 * Page contract for tests: `[data-vote="yes"|"no"]` buttons, `[data-reason="<reason>"]`
 * radio buttons, `[data-feedback-status]` (its `data-state` is idle, sending, thanks,
 * not-counted or error) and `[data-helpful-count]` (hidden until someone found it helpful).
 */
import type { Lang } from '../../../core/content/article.ts';
import type { VoteReason, VoteRequest } from '../../../core/contracts/events.ts';
import { fetchHelpfulCount, postVote } from './api.ts';
import { charCountText, helpfulCountText, type FeedbackStrings } from './strings.ts';

type StatusState = 'idle' | 'sending' | 'thanks' | 'not-counted' | 'error';
type VoteChoice = Pick<VoteRequest, 'helpful' | 'reason' | 'comment'>;

function part<T extends Element>(root: Element, selector: string): T {
  const node = root.querySelector<T>(selector);
  if (!node) throw new Error(`feedback widget: ${selector} is missing`);
  return node;
}

function enhance(root: HTMLElement): void {
  const strings = JSON.parse(part(root, '[data-feedback-strings]').textContent ?? '{}') as FeedbackStrings;
  const article = root.dataset.article ?? '';
  const lang = root.dataset.lang as Lang;
  const heading = part<HTMLElement>(root, 'h2');
  const voteForm = part<HTMLFormElement>(root, '[data-feedback-vote]');
  const noButton = part<HTMLButtonElement>(voteForm, '[data-vote="no"]');
  const detailsForm = part<HTMLFormElement>(root, '[data-feedback-details]');
  const reasons = part<HTMLFieldSetElement>(detailsForm, 'fieldset');
  const comment = part<HTMLTextAreaElement>(detailsForm, 'textarea');
  const chars = part<HTMLElement>(detailsForm, '[data-feedback-chars]');
  const status = part<HTMLElement>(root, '[data-feedback-status]');
  const helpfulCount = part<HTMLElement>(root, '[data-helpful-count]');
  let sending = false;

  const setStatus = (state: StatusState, text: string) => {
    status.dataset.state = state;
    status.textContent = text;
  };

  const showHelpfulCount = async (fresh: boolean) => {
    const helpful = await fetchHelpfulCount(article, fresh);
    // A failed refresh is not news: keep whatever is shown.
    if (helpful === null) return;
    const text = helpfulCountText(strings, helpful);
    helpfulCount.textContent = text ?? '';
    helpfulCount.hidden = text === null;
  };

  const updateChars = () => {
    chars.textContent = charCountText(strings, comment.value.length, comment.maxLength);
  };

  async function send(choice: VoteChoice) {
    // A double click must not send the vote twice.
    if (sending) return;
    sending = true;
    setStatus('sending', strings.sending);
    const outcome = await postVote({ article, lang, ...choice });
    sending = false;
    if (outcome === 'failed') {
      // Forms and focus stay where they are, so trying again is one key press away.
      setStatus('error', strings.error);
      return;
    }
    voteForm.hidden = true;
    detailsForm.hidden = true;
    // The focused button has just disappeared; the heading keeps the visitor's place. The
    // status is set after focus moves so screen readers read it after the heading
    // instead of dropping it.
    heading.focus();
    if (outcome === 'counted') {
      setStatus('thanks', strings.thanks);
      void showHelpfulCount(true);
    } else {
      setStatus('not-counted', strings.notCounted);
    }
  }

  voteForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const choice = (event.submitter as HTMLButtonElement | null)?.value;
    if (choice === 'yes') {
      detailsForm.hidden = true;
      noButton.setAttribute('aria-expanded', 'false');
      void send({ helpful: true });
    } else if (choice === 'no') {
      // Record the "No" at once: many visitors leave without sending details. Sending
      // the details later replaces this vote (one vote per visitor and day).
      if (detailsForm.hidden) void postVote({ article, lang, helpful: false });
      detailsForm.hidden = false;
      noButton.setAttribute('aria-expanded', 'true');
      setStatus('idle', '');
      // The fieldset's legend asks the next question; screen readers announce it on focus.
      reasons.focus();
    }
  });

  detailsForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const reason = new FormData(detailsForm).get('reason');
    const text = comment.value.trim();
    void send({
      helpful: false,
      ...(typeof reason === 'string' && reason ? { reason: reason as VoteReason } : {}),
      ...(text ? { comment: text } : {}),
    });
  });

  comment.addEventListener('input', updateChars);
  updateChars();
  root.hidden = false;
  void showHelpfulCount(false);
}

/**
 * Enhances every feedback widget on the page. A widget whose markup is incomplete stays
 * hidden rather than half-working; the article itself is unaffected either way.
 */
export function initFeedbackWidgets(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-feedback-root]')) {
    try {
      enhance(root);
    } catch (error) {
      console.error(error);
    }
  }
}

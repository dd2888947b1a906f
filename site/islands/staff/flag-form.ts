/** The flag form (issue 17): reason and note for one article, sent to POST /api/flags. Used by the ticket view and article pages. */
import type { Lang } from '../../../core/content/article.ts';
import { FLAG_REASONS, type CreateFlag, type Flag } from '../../../core/contracts/kcs.ts';
import { kcsFetch } from './kcs-client.ts';
import { kt } from './kcs-strings.ts';
import { h } from './dom.ts';

let formCount = 0;

/** A form that flags `article`; `ticket` (`<source>:<id>`) records where the agent found the problem. */
export function flagForm(lang: Lang, article: string, ticket?: string): HTMLFormElement {
  const n = ++formCount;
  const status = h('p', { role: 'status', class: 'kcs-status' });
  const reason = h(
    'select',
    { id: `flag-reason-${n}`, name: 'reason', required: true },
    ...FLAG_REASONS.map((r) => h('option', { value: r }, kt(lang, `reason.${r}`))),
  );
  const note = h('textarea', { id: `flag-note-${n}`, name: 'note', rows: '2', maxlength: '2000' });
  const form = h(
    'form',
    { class: 'kcs-flag-form', 'data-flag-form': article },
    h('label', { for: `flag-reason-${n}` }, kt(lang, 'flag.reason')),
    reason,
    h('label', { for: `flag-note-${n}` }, kt(lang, 'flag.note')),
    note,
    h('button', { type: 'submit' }, kt(lang, 'flag.submit')),
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body: CreateFlag = {
      article,
      reason: reason.value as CreateFlag['reason'],
      ...(note.value.trim() ? { note: note.value.trim() } : {}),
      ...(ticket ? { ticket } : {}),
    };
    kcsFetch<{ flag: Flag }>('/api/flags', { method: 'POST', body }).then(
      () => {
        status.textContent = kt(lang, 'flag.done');
        note.value = '';
      },
      (error: Error) => (status.textContent = kt(lang, 'failed', { message: error.message })),
    );
  });
  return form;
}

/** /staff/flags/ (issue 17): open flags grouped by the article's owner, each closed as fixed or dismissed with a reason. */
import type { Lang } from '../../../core/content/article.ts';
import type { Flag } from '../../../core/contracts/kcs.ts';
import { kcsFetch } from './kcs-client.ts';
import { formatWhen, startKcsPage } from './kcs-page.ts';
import { kt } from './kcs-strings.ts';
import { fill, h } from './dom.ts';

/** Flags by owner, owners in alphabetical order; flags of articles no longer published under "—". */
export function byOwner(flags: readonly Flag[]): Array<[string, Flag[]]> {
  const groups = new Map<string, Flag[]>();
  for (const f of flags) groups.set(f.owner ?? '—', [...(groups.get(f.owner ?? '—') ?? []), f]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

function flagItem(lang: Lang, f: Flag): HTMLElement {
  const note = h('input', { type: 'text', maxlength: '2000', 'aria-label': kt(lang, 'flags.why'), placeholder: kt(lang, 'flags.why') });
  const status = h('span', { role: 'status' });
  const close = (how: 'fixed' | 'dismissed') =>
    kcsFetch(`/api/flags/${f.id}/close`, { method: 'POST', body: { how, ...(note.value.trim() ? { note: note.value.trim() } : {}) } }).then(
      () => item.remove(),
      (error: Error) => (status.textContent = kt(lang, 'failed', { message: error.message })),
    );
  const fixed = h('button', { type: 'button' }, kt(lang, 'flags.fixed'));
  const dismiss = h('button', { type: 'button', class: 'secondary' }, kt(lang, 'flags.dismiss'));
  fixed.addEventListener('click', () => void close('fixed'));
  dismiss.addEventListener('click', () => void close('dismissed'));
  const item = h(
    'li',
    { 'data-flag-id': String(f.id) },
    h('a', { href: `/staff/articles/${f.article}` }, f.title ?? f.article),
    ' · ',
    h('strong', {}, kt(lang, `reason.${f.reason}`)),
    f.note ? h('blockquote', {}, f.note) : null,
    h('p', {}, kt(lang, 'flags.by', { name: f.createdBy, date: formatWhen(f.createdAt, lang) })),
    fixed,
    ' ',
    note,
    dismiss,
    status,
  );
  return item;
}

async function render(main: HTMLElement, lang: Lang) {
  const { flags } = await kcsFetch<{ flags: Flag[] }>('/api/flags?status=open');
  if (!flags.length) return fill(main, h('p', {}, kt(lang, 'none')));
  fill(
    main,
    ...byOwner(flags).map(([owner, list]) =>
      h('section', { class: 'kcs-card' }, h('h2', {}, owner), h('ul', { class: 'kcs-list' }, ...list.map((f) => flagItem(lang, f)))),
    ),
  );
}

startKcsPage(render);

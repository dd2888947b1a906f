/**
 * /staff/requests/ and /staff/requests/<ref>/ (issue 16): the inbox list with its filters and
 * SLA clocks, and one request with its conversation, knowledge-base suggestions, actions
 * (each with the minutes spent) and history. Everything customers wrote goes in as text (dom.ts).
 */
import type { Lang } from '../../../core/content/article.ts';
import type { StaffRequest, RequestSummary } from '../../../core/contracts/requests.ts';
import { TICKET_PRIORITIES, TICKET_SOURCES, TICKET_STATUSES } from '../../../core/tickets/ticket.ts';
import { staffFetch } from './session.ts';
import { startStaffPage, type StaffPage } from './shell.ts';
import { fill, h } from './dom.ts';
import { REQUEST_STRINGS } from './requests-strings.ts';

/** The reference in /staff/requests/<ref>/, or null for the list. */
export function requestRefOfPath(path: string): string | null {
  const m = /^\/staff\/requests\/([^/]+)\/?$/.exec(path);
  return m ? decodeURIComponent(m[1]!) : null;
}

const when = (iso: string | null, lang: Lang) =>
  iso ? new Date(iso).toLocaleString(lang, { dateStyle: 'short', timeStyle: 'short' }) : '—';

function select(id: string, label: string, options: Array<[string, string]>, value: string | null) {
  const el = h('select', { id, name: id }, ...options.map(([v, text]) => h('option', { value: v, selected: v === (value ?? '') }, text)));
  return h('p', { class: 'requests-filter' }, h('label', { for: id }, label), ' ', el);
}

async function drawList(main: HTMLElement, page: StaffPage): Promise<void> {
  const { t } = page;
  const lang = page.lang();
  const params = new URLSearchParams(location.search);
  const any: [string, string] = ['', t('requests.any')];
  const form = h(
    'form',
    { class: 'kcs-inline-form', method: 'get' },
    select(
      'status',
      t('requests.status'),
      [any, ...TICKET_STATUSES.map((s): [string, string] => [s, t(`status.${s}`)])],
      params.get('status'),
    ),
    select('priority', t('requests.priority'), [any, ...TICKET_PRIORITIES.map((p): [string, string] => [p, p])], params.get('priority')),
    select('tier', t('requests.tier'), [any, ['1', '1'], ['2', '2']], params.get('tier')),
    select('source', t('requests.source'), [any, ...TICKET_SOURCES.map((s): [string, string] => [s, s])], params.get('source')),
    h(
      'p',
      { class: 'requests-filter' },
      h('label', { for: 'assignee' }, t('requests.assignee')),
      ' ',
      h('input', { id: 'assignee', name: 'assignee', value: params.get('assignee') ?? '', maxlength: '200', placeholder: 'none' }),
    ),
    h(
      'p',
      { class: 'requests-filter' },
      h('label', { for: 'topic' }, t('requests.topic')),
      ' ',
      h('input', { id: 'topic', name: 'topic', value: params.get('topic') ?? '', maxlength: '80' }),
    ),
    select(
      'sort',
      t('requests.sort'),
      [
        ['newest', t('requests.sort.newest')],
        ['urgent', t('requests.sort.urgent')],
      ],
      params.get('sort'),
    ),
    h('button', { type: 'submit' }, t('requests.apply')),
  );
  // Empty filters are left out of the address (the API refuses an empty value).
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim()) next.set(k, v.trim());
    location.search = next.toString();
  });
  const query = new URLSearchParams(
    [...params].filter(([k, v]) => v && ['status', 'priority', 'tier', 'source', 'assignee', 'topic', 'sort', 'page'].includes(k)),
  );
  const list = await staffFetch<{ requests: RequestSummary[]; total: number; page: number; pageSize: number }>(`/api/requests?${query}`);
  const clock = (due: string, done: string | null, breached: boolean) =>
    h('span', { class: breached ? 'requests-late' : undefined }, when(due, lang), done ? ` (${t('requests.met')})` : '');
  const rows = list.requests.map((r) =>
    h(
      'tr',
      { 'data-overdue': r.sla.overdue ? 'true' : undefined },
      h(
        'td',
        {},
        h('a', { href: `/staff/requests/${encodeURIComponent(r.ref)}/${r.source === 'web' ? '' : `?source=${r.source}`}` }, r.ref),
      ),
      h('td', {}, r.subject),
      h('td', {}, t(`status.${r.status}`), r.sla.overdue ? h('strong', { class: 'requests-late' }, ` · ${t('requests.overdue')}`) : null),
      h('td', {}, r.priority),
      h('td', {}, r.assignee ?? '—'),
      h('td', {}, String(r.tier)),
      h('td', {}, r.source),
      h('td', {}, when(r.createdAt, lang)),
      h('td', {}, clock(r.sla.firstResponseDue, r.firstResponseAt, r.sla.firstResponseBreached)),
      h('td', {}, clock(r.sla.resolutionDue, r.resolvedAt, r.sla.resolutionBreached)),
    ),
  );
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const pageLink = (n: number, key: string) => {
    const p = new URLSearchParams(query);
    p.set('page', String(n));
    return h('a', { href: `?${p}` }, t(key));
  };
  const heads = ['ref', 'subject', 'status', 'priority', 'assignee', 'tier', 'source', 'created', 'firstDue', 'resolutionDue'];
  fill(
    main,
    form,
    list.requests.length === 0
      ? h('p', {}, t('requests.empty'))
      : h(
          'table',
          { class: 'requests-table' },
          h('thead', {}, h('tr', {}, ...heads.map((k) => h('th', { scope: 'col' }, t(`requests.${k}`))))),
          h('tbody', {}, ...rows),
        ),
    h(
      'p',
      {},
      t('requests.total', { total: list.total, page: list.page, pages }),
      ' ',
      list.page > 1 ? pageLink(list.page - 1, 'requests.prev') : null,
      ' ',
      list.page < pages ? pageLink(list.page + 1, 'requests.next') : null,
    ),
  );
}

async function drawRequest(main: HTMLElement, page: StaffPage, ref: string): Promise<void> {
  const { t } = page;
  const lang = page.lang();
  const source = new URLSearchParams(location.search).get('source');
  const path = `/api/requests/${encodeURIComponent(ref)}${source ? `?source=${source}` : ''}`;
  const r = await staffFetch<StaffRequest>(path);
  const status = h('p', { role: 'status' });
  const minutes = () => {
    const input = h('input', {
      type: 'number',
      min: '0',
      max: '1440',
      step: '1',
      'aria-label': t('requests.minutes'),
      placeholder: t('requests.minutes'),
    });
    return { input, value: () => (input.value ? { minutes: Number(input.value) } : {}) };
  };
  const run = (call: () => Promise<unknown>) =>
    call().then(
      () => drawRequest(main, page, ref),
      (error: Error) => (status.textContent = error.message),
    );
  const act = (body: Record<string, unknown>) =>
    run(() => staffFetch(`/api/requests/${encodeURIComponent(ref)}/actions`, { method: 'POST', json: body }));

  const conversation = h(
    'ol',
    { class: 'request-messages' },
    ...r.messages.map((m) =>
      h(
        'li',
        { 'data-kind': m.kind },
        h(
          'p',
          {},
          h('strong', {}, m.kind === 'customer' ? t('requests.customer') : m.author),
          m.kind === 'note' ? ` · ${t('requests.note')}` : '',
          ` · ${when(m.createdAt, lang)}`,
          m.minutes ? ` · ${m.minutes} min` : '',
        ),
        h('p', { class: 'body' }, m.body),
      ),
    ),
  );

  const sections: Array<Node | null> = [
    h('p', {}, h('a', { href: '/staff/requests/' }, t('requests.back'))),
    h('h2', {}, `${r.ref} · ${r.subject}`),
    h(
      'p',
      {},
      `${t(`status.${r.status}`)} · ${r.priority} · ${t('requests.tier')} ${r.tier} · ${r.assignee ?? t('requests.none')} · ${r.topic ?? '—'}`,
      r.sla.overdue ? h('strong', { class: 'requests-late' }, ` · ${t('requests.overdue')}`) : null,
    ),
    h(
      'p',
      {},
      `${t('requests.firstDue')}: ${when(r.sla.firstResponseDue, lang)} · ${t('requests.resolutionDue')}: ${when(r.sla.resolutionDue, lang)} · ${t('requests.totalMinutes', { minutes: r.minutes })}`,
    ),
    r.survey
      ? h('p', {}, t('requests.survey', { solved: t(r.survey.solved ? 'requests.solved' : 'requests.notSolved'), rating: r.survey.rating }))
      : null,
    r.readOnly ? h('p', { class: 'kcs-note' }, t('requests.readOnly', { source: r.source })) : null,
    !r.readOnly && !r.mailConfigured ? h('p', { class: 'kcs-note' }, t('requests.noMail')) : null,
    h('h3', {}, t('requests.conversation')),
    r.messages.length ? conversation : h('p', {}, r.description ?? ''),
  ];

  if (!r.readOnly) {
    const replyBody = h('textarea', { rows: '4', maxlength: '10000', 'aria-label': t('requests.reply') });
    const replyMinutes = minutes();
    const send = (internal: boolean) => {
      if (!replyBody.value.trim()) return;
      void run(() =>
        staffFetch(`/api/requests/${encodeURIComponent(ref)}/messages`, {
          method: 'POST',
          json: { body: replyBody.value, ...(internal ? { internal: true } : {}), ...replyMinutes.value() },
        }),
      );
    };
    const replyButton = h('button', { type: 'button' }, t('requests.send'));
    const noteButton = h('button', { type: 'button', class: 'secondary' }, t('requests.addNote'));
    replyButton.addEventListener('click', () => send(false));
    noteButton.addEventListener('click', () => send(true));
    sections.push(
      h(
        'section',
        { class: 'kcs-card' },
        h('h3', {}, t('requests.reply')),
        replyBody,
        h('p', {}, replyMinutes.input, ' ', replyButton, ' ', noteButton),
      ),
    );

    const actMinutes = minutes();
    const button = (key: string, onClick: () => void, cls?: string) => {
      const b = h('button', { type: 'button', class: cls }, t(key));
      b.addEventListener('click', onClick);
      return b;
    };
    const assignee = h('input', { maxlength: '200', 'aria-label': t('requests.assignTo'), list: 'request-staff' });
    const users = h('datalist', { id: 'request-staff' });
    void staffFetch<{ users: Array<{ displayName: string; agentId: string | null; disabled: boolean }> }>('/api/staff/users').then(
      ({ users: list }) =>
        fill(users, ...list.filter((u) => !u.disabled).map((u) => h('option', { value: u.agentId ?? u.displayName }, u.displayName))),
      () => undefined,
    );
    const topic = h('input', { maxlength: '80', value: r.topic ?? '', 'aria-label': t('requests.topic') });
    const priority = h(
      'select',
      { 'aria-label': t('requests.priority') },
      ...TICKET_PRIORITIES.map((p) => h('option', { value: p, selected: p === r.priority }, p)),
    );
    const escalateNote = h('input', {
      maxlength: '10000',
      'aria-label': t('requests.escalateNote'),
      placeholder: t('requests.escalateNote'),
    });
    const article = h('input', { maxlength: '200', 'aria-label': t('requests.article'), placeholder: t('requests.article') });
    const resolved = r.status === 'solved' || r.status === 'closed';
    sections.push(
      h(
        'section',
        { class: 'kcs-card' },
        h('h3', {}, t('requests.actions')),
        h('p', {}, actMinutes.input),
        h(
          'p',
          {},
          button('requests.assignMe', () => void act({ action: 'assign', ...actMinutes.value() })),
          ' ',
          assignee,
          users,
          ' ',
          button('requests.assignTo', () => void act({ action: 'assign', assignee: assignee.value, ...actMinutes.value() }), 'secondary'),
        ),
        h(
          'p',
          {},
          topic,
          ' ',
          priority,
          ' ',
          button(
            'requests.set',
            () => void act({ action: 'set', topic: topic.value.trim() || null, priority: priority.value, ...actMinutes.value() }),
            'secondary',
          ),
        ),
        r.tier === 1 && !resolved
          ? h(
              'p',
              {},
              escalateNote,
              ' ',
              button('requests.escalate', () => void act({ action: 'escalate', note: escalateNote.value, ...actMinutes.value() })),
            )
          : null,
        !resolved
          ? h(
              'p',
              {},
              article,
              ' ',
              button(
                'requests.resolveArticle',
                () => void act({ action: 'resolve', article: article.value.trim(), ...actMinutes.value() }),
              ),
              ' ',
              button('requests.resolveNew', () => void act({ action: 'resolve', asNew: true, ...actMinutes.value() }), 'secondary'),
            )
          : h(
              'p',
              {},
              button('requests.reopen', () => void act({ action: 'reopen', ...actMinutes.value() })),
            ),
        status,
      ),
    );

    // Suggestions for the request's text (GET /api/tickets/<id>/suggestions, the existing suggest code).
    const suggestions = h('ul', { class: 'kcs-list' });
    sections.push(h('section', { class: 'kcs-card' }, h('h3', {}, t('requests.suggestions')), suggestions));
    void staffFetch<{ results: Array<{ article: string; title: string; url: string }> }>(
      `/api/tickets/${encodeURIComponent(ref)}/suggestions?source=web`,
    ).then(
      ({ results }) =>
        results.length
          ? fill(
              suggestions,
              ...results.map((s) => {
                const use = h('button', { type: 'button', class: 'secondary' }, t('requests.use'));
                use.addEventListener('click', () => {
                  article.value = s.article;
                  article.focus();
                });
                return h('li', {}, h('a', { href: s.url }, s.title), ' ', resolved ? null : use);
              }),
            )
          : fill(suggestions, h('li', {}, t('requests.noSuggestions'))),
      () => fill(suggestions, h('li', {}, t('requests.noSuggestions'))),
    );
  }

  sections.push(
    h('h3', {}, t('requests.history')),
    h(
      'ol',
      { class: 'kcs-list' },
      ...r.history.map((e) =>
        h(
          'li',
          {},
          `${when(e.createdAt, lang)} · ${e.actor} · ${e.action}`,
          e.minutes ? ` · ${e.minutes} min` : '',
          e.after
            ? ` · ${Object.entries(e.after)
                .map(([k, v]) => `${k}: ${JSON.stringify(e.before?.[k] ?? null)} → ${JSON.stringify(v)}`)
                .join(', ')}`
            : '',
          e.note ? h('blockquote', {}, e.note) : null,
        ),
      ),
    ),
  );
  fill(main, ...sections);
}

/** Starts the page: the list at /staff/requests/, one request at /staff/requests/<ref>/. */
export async function startRequestsPage(): Promise<void> {
  const main = document.querySelector<HTMLElement>('[data-requests-main]');
  if (!main) return;
  const holder: { page?: StaffPage } = {};
  const draw = () => {
    const page = holder.page;
    if (!page) return;
    const ref = requestRefOfPath(location.pathname);
    (ref ? drawRequest(main, page, ref) : drawList(main, page)).catch((error: Error) =>
      fill(main, h('p', { role: 'alert' }, error.message)),
    );
  };
  holder.page = await startStaffPage({ strings: [REQUEST_STRINGS], onLang: draw });
  draw();
}

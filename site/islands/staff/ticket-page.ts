/** /staff/tickets/<source>/<id> (issue 17): the ticket view, a shell page (api/lib/http/shell-pages.ts) around the ticket panel. */
import type { Lang } from '../../../core/content/article.ts';
import { mountTicketPanel, type TicketRef, type TopicOption } from './ticket-panel.ts';
import { startKcsPage } from './kcs-page.ts';
import { kt } from './kcs-strings.ts';
import { fill, h } from './dom.ts';
import { renderDrillList } from './drill-list.ts';
import { TICKET_SOURCES } from '../../../core/tickets/ticket.ts';

/** The ticket an address names, or null (`/staff/tickets/zendesk/35436`). */
export function ticketFromPath(path: string): TicketRef | null {
  const m = /^\/staff\/tickets\/([a-z]+)\/([^/]+)\/?$/.exec(path);
  return m ? { source: m[1]!, id: decodeURIComponent(m[2]!) } : null;
}

const topics = (): TopicOption[] => JSON.parse(document.querySelector('[data-kcs-topics]')?.textContent ?? '[]') as TopicOption[];

async function render(main: HTMLElement, lang: Lang) {
  const ref = ticketFromPath(location.pathname);
  if (ref) return mountTicketPanel(main, ref, lang, topics());
  // /staff/tickets/ itself: a form that opens one, and the list the address's filters ask for (drill-down, issue 18).
  const source = h('select', { id: 'open-source' }, ...TICKET_SOURCES.map((s) => h('option', { value: s }, s)));
  const id = h('input', { id: 'open-id', required: true, maxlength: '64' });
  const form = h(
    'form',
    { class: 'kcs-inline-form' },
    h('label', { for: 'open-source' }, kt(lang, 'ticket.source')),
    source,
    h('label', { for: 'open-id' }, kt(lang, 'ticket.id')),
    id,
    h('button', { type: 'submit' }, kt(lang, 'ticket.go')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.href = `/staff/tickets/${source.value}/${encodeURIComponent(id.value.trim())}`;
  });
  const list = h('div', { 'data-drill-host': true });
  fill(main, h('section', { class: 'kcs-card' }, h('h2', {}, kt(lang, 'ticket.open')), form), list);
  await renderDrillList(list, 'tickets', lang);
}

startKcsPage(render);

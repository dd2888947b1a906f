/**
 * Drill-down in Chromium against the production build and the real API (issue 18): a manager
 * opens a drill-down address of /staff/tickets/ and sees exactly the rows GET /api/tickets
 * answers for it; removes a filter chip; pages; and /staff/articles/ lists the articles its
 * address asks for, in Chinese too. Its own server on the shared build.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startApiProcess, type ApiProcess } from '../../scripts/lib/api-process.ts';
import { BROWSER_UA, launchBrowser } from '../support/browser.ts';
import { migrate, openDatabase } from '../../api/db/index.ts';
import { upsertTickets } from '../../api/db/queries/tickets.ts';
import { ticketSchema } from '../../core/tickets/ticket.ts';
import { articleListHref, ticketListHref, type ArticleList, type TicketList } from '../../core/contracts/drill-down.ts';
import { createStaffUser } from '../support/staff.ts';

const distDir = inject('distDir');
const TOKEN = 'e2e-drill-admin-token-0123456789abcdef';
const MANAGER = { email: 'mia@example.com', name: 'Manager Mia', role: 'manager', password: 'correct horse battery staple' } as const;
const DAY = 86_400_000;
const today = new Date().toISOString().slice(0, 10);
const from = new Date(Date.now() - 20 * DAY).toISOString().slice(0, 10);
const PERIOD = { from, to: today, tz: 'UTC' } as const;

/** 45 tickets over the last 15 days: every third escalated, topics in turn, half resolved. */
const tickets = Array.from({ length: 45 }, (_, i) =>
  ticketSchema.parse({
    id: `D${i}`,
    source: 'zendesk',
    subject: `Drill ticket ${i}`,
    topic: ['licensing', 'printing', 'accounts'][i % 3],
    priority: ['low', 'normal', 'high', 'urgent'][i % 4],
    status: i % 2 === 0 ? 'solved' : 'open',
    agent: i % 5 === 0 ? 'bo' : 'ann',
    escalated: i % 3 === 0 || i % 7 === 0,
    createdAt: new Date(Date.now() - (1 + (i % 15)) * DAY - i * 60_000).toISOString(),
    ...(i % 2 === 0 ? { resolvedAt: new Date(Date.now() - (i % 15) * DAY + 3_600_000 - i * 60_000).toISOString() } : {}),
  }),
);

let work: string;
let server: ApiProcess | undefined;
let baseUrl: string;
let browser: Browser;
let page: Page;

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}
const apiOf = (href: string, base: string) => `${base}${href.slice(href.indexOf('?'))}`;
const shownTickets = () => page.$$eval('[data-drill="tickets"] tr[data-ticket]', (rows) => rows.map((r) => r.getAttribute('data-ticket')));
const total = async () => Number(await page.getAttribute('[data-drill-total]', 'data-drill-total'));

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kb-drill-'));
  const dbFile = join(work, 'kb.sqlite');
  const opened = openDatabase(dbFile);
  await migrate(opened.db);
  // Shift resolvedAt to after createdAt where the arithmetic above put it before (a ticket is resolved after it opens).
  await upsertTickets(
    opened.db,
    tickets.map((t) =>
      t.resolvedAt && t.resolvedAt <= t.createdAt ? { ...t, resolvedAt: new Date(Date.parse(t.createdAt) + 3_600_000).toISOString() } : t,
    ),
  );
  await createStaffUser(opened.db, MANAGER);
  await opened.db.destroy();
  server = await startApiProcess({ env: { KB_DB: dbFile, KB_DIST_DIR: distDir, KB_ADMIN_TOKEN: TOKEN, KB_METRICS_CACHE_SECONDS: '0' } });
  baseUrl = server.origin;
  browser = await launchBrowser();
  const context = await browser.newContext({ userAgent: BROWSER_UA, locale: 'en-US', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the ticket list', () => {
  it('shows, after sign-in, exactly the rows the API answers for a drill-down address', async () => {
    const href = ticketListHref({ ...PERIOD, topic: 'licensing', status: 'escalated' });
    await page.goto(`${baseUrl}${href}`);
    await page.waitForURL(/\/staff\/sign-in\/\?next=/);
    await page.fill('#staff-email', MANAGER.email);
    await page.fill('#staff-password', MANAGER.password);
    await page.click('[data-staff-signin] button[type="submit"]');
    await page.waitForURL((url) => url.pathname === '/staff/tickets/' && url.searchParams.get('status') === 'escalated');
    await page.waitForSelector('[data-drill-total]');
    const expected = await api<TicketList>(apiOf(href, '/api/tickets'));
    expect(expected.total).toBeGreaterThan(0);
    expect(await total()).toBe(expected.total);
    expect(await shownTickets()).toEqual(expected.rows.map((r) => `${r.source}:${r.id}`));
    // Each row opens its ticket.
    const first = expected.rows[0]!;
    expect(await page.getAttribute(`tr[data-ticket="${first.source}:${first.id}"] a`, 'href')).toBe(`/staff/tickets/zendesk/${first.id}`);
    const chips = await page.$$eval('.drill-chips [data-filter]', (li) => li.map((l) => l.getAttribute('data-filter')));
    expect(chips).toEqual(['from', 'to', 'tz', 'topic', 'status']);
  });

  it('drops a filter when its chip is removed, and pages through the rest', async () => {
    await page.click('.drill-chips [data-filter="status"] a');
    await page.waitForURL((url) => url.pathname === '/staff/tickets/' && !url.searchParams.has('status'));
    await page.waitForSelector('[data-drill-total]');
    const all = await api<TicketList>(apiOf(ticketListHref({ ...PERIOD, topic: 'licensing' }), '/api/tickets'));
    expect(await total()).toBe(all.total);
    expect(await shownTickets()).toEqual(all.rows.map((r) => `${r.source}:${r.id}`));

    await page.goto(`${baseUrl}${ticketListHref({ ...PERIOD, limit: 20 })}`);
    await page.waitForSelector('[data-drill-total]');
    const pageOne = await api<TicketList>(apiOf(ticketListHref({ ...PERIOD, limit: 20 }), '/api/tickets'));
    expect(await shownTickets()).toEqual(pageOne.rows.map((r) => `${r.source}:${r.id}`));
    await page.click('.drill-pager a[rel="next"]');
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    await page.waitForSelector('[data-drill-total]');
    const pageTwo = await api<TicketList>(apiOf(ticketListHref({ ...PERIOD, limit: 20, page: 2 }), '/api/tickets'));
    expect(await shownTickets()).toEqual(pageTwo.rows.map((r) => `${r.source}:${r.id}`));
  });

  it('says so when nothing matches, and shows a wrong filter as an error', async () => {
    await page.goto(`${baseUrl}${ticketListHref({ ...PERIOD, agent: 'nobody' })}`);
    await page.waitForSelector('[data-drill-empty]');
    await page.goto(`${baseUrl}/staff/tickets/?status=lost`);
    await page.waitForSelector('[data-drill-error]');
    expect(await page.textContent('[data-drill-error]')).toContain('status');
  });
});

describe('the article list', () => {
  it('lists what the API answers, in Chinese with ui=zh-CN', async () => {
    const href = articleListHref({ lang: 'zh-CN', type: 'faq' });
    await page.goto(`${baseUrl}${href}&ui=zh-CN`);
    await page.waitForSelector('[data-drill-total]');
    const expected = await api<ArticleList>(apiOf(href, '/api/staff/articles'));
    expect(expected.total).toBeGreaterThan(0);
    expect(await total()).toBe(expected.total);
    const shown = await page.$$eval('[data-drill="articles"] tr[data-article]', (rows) => rows.map((r) => r.getAttribute('data-article')));
    expect(shown).toEqual(expected.rows.map((r) => r.id));
    expect(await page.textContent('[data-drill="articles"] h2')).toBe('文章');
  });
});

/**
 * The contact page in Chromium against the production build: suggestions while typing,
 * "This solved my problem", sending a request with and without JavaScript, checked
 * against what the server stored in its throw-away database.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../support/axe.ts';
import { visitorBrowser } from '../support/browser.ts';
import { readRows } from '../support/database.ts';
import { eventually } from '../support/eventually.ts';

const baseUrl = inject('baseUrl');
const dbFile = inject('dbFile');

/** A fresh visitor: its own context with a desktop user agent. */
const visitor = visitorBrowser();

const rows = <T>(sql: string, ...params: unknown[]) => readRows<T>(dbFile, sql, ...params);

/** Types like a person (so the page's debounce sees a pause only at the end) and waits for the suggestions. */
async function describeProblem(page: Page, text: string): Promise<string[]> {
  await page.locator('#contact-subject').pressSequentially(text, { delay: 20 });
  await page.waitForSelector('[data-contact-suggestions]:not([hidden]) li[data-article]');
  return page.$$eval('[data-contact-suggestions] li[data-article]', (items) => items.map((li) => li.getAttribute('data-article') ?? ''));
}

type EventRow = {
  type: string;
  session: string;
  article: string | null;
  articles: string | null;
  query: string | null;
  ticket_ref: string | null;
  rank: number | null;
};
const eventsOfSession = (session: string) =>
  rows<EventRow>('SELECT type, session, article, articles, query, ticket_ref, rank FROM events WHERE session = ? ORDER BY id', session);

describe('contact page', () => {
  it('shows answers as the visitor types; "This solved my problem" by keyboard records contact_solved and thanks them', async () => {
    const page = await visitor();
    const suggestionRequests: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/suggest') suggestionRequests.push(new URL(r.url()).searchParams.get('q') ?? '');
    });
    await page.goto(`${baseUrl}/en/contact/`);
    const articles = await describeProblem(page, 'print preview is blank');
    expect(articles.length).toBeGreaterThanOrEqual(1);
    expect(articles.length).toBeLessThanOrEqual(5);
    expect(articles).toContain('en/print-preview-blank');
    // 22 keys at 20 ms each, well under the 300 ms pause: asked for the whole text, not once per key
    // (a busy machine may stall between two keys, hence "a few" rather than exactly one).
    expect(suggestionRequests.at(-1)).toBe('print preview is blank');
    expect(suggestionRequests.length).toBeLessThanOrEqual(3);
    expect(await page.textContent('[data-contact-suggest-status]')).toMatch(/answers? may solve your problem/);

    // Keyboard: from the subject, Tab reaches the first answer's link, then its button.
    await page.focus('#contact-subject');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-article'))).toBe(articles[0]);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-solved'))).toBe(articles[0]);
    await page.keyboard.press('Enter');

    await page.waitForSelector('[data-contact-solved]:not([hidden])');
    expect(await page.isHidden('[data-contact-form]')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-contact-solved'))).toBe(true);
    expect(await page.getAttribute('[data-contact-solved-link]', 'href')).toMatch(/^\/en\/articles\//);

    const solved = await eventually(
      () => rows<EventRow>("SELECT type, session, article FROM events WHERE type = 'contact_solved' AND article = ?", articles[0]),
      (r) => r.length > 0,
    );
    expect(solved).toHaveLength(1);
    // The visit's other events share its session: the view, the answers shown, the solve; nothing submitted.
    const visit = eventsOfSession(solved[0]!.session).filter((e) => e.type.startsWith('contact_') || e.type.startsWith('suggestion_'));
    expect(visit.map((e) => e.type)).toEqual(['contact_view', 'suggestion_shown', 'contact_solved']);
    expect(visit[1]).toMatchObject({ query: 'print preview is blank', articles: JSON.stringify(articles) });
  });

  it('sends a request: the reference is shown, the ticket stored, contact_submitted recorded', async () => {
    const page = await visitor();
    await page.goto(`${baseUrl}/en/contact/`);
    await describeProblem(page, 'export fails with row limit');
    await page.fill('#contact-description', 'Exporting the sales report to Excel stops at 65,536 rows.');
    await page.fill('#contact-email', 'e2e.sender@example.com');
    await page.click('[data-contact-submit]');

    await page.waitForSelector('[data-contact-outcome="sent"][data-shown]');
    const ref = (await page.textContent('[data-contact-ref]')) ?? '';
    expect(ref).toMatch(/^WEB-\d{4}-\d{6}$/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contact-sent');
    expect(await page.isHidden('[data-contact-form]')).toBe(true);
    expect(new URL(page.url()).searchParams.get('ref')).toBe(ref);

    expect(rows('SELECT source, channel, status, priority, tier, requester, lang, subject FROM tickets WHERE id = ?', ref)).toEqual([
      {
        source: 'web',
        channel: 'web',
        status: 'new',
        priority: 'normal',
        tier: 1,
        requester: 'e2e.sender@example.com',
        lang: 'en',
        subject: 'export fails with row limit',
      },
    ]);
    const [submitted] = rows<EventRow>("SELECT type, session FROM events WHERE type = 'contact_submitted' AND ticket_ref = ?", ref);
    expect(submitted).toBeDefined();
    // The page's own events were sent before the request, into the same session.
    const visit = await eventually(
      () => eventsOfSession(submitted!.session).map((e) => e.type),
      (types) => types.includes('contact_view'),
    );
    expect(visit).toEqual(expect.arrayContaining(['contact_view', 'suggestion_shown', 'contact_submitted']));
  });

  it('checks the fields before sending and says what is wrong next to each', async () => {
    const page = await visitor();
    await page.goto(`${baseUrl}/zh-CN/contact/`);
    await page.fill('#contact-subject', '打印');
    await page.fill('#contact-email', 'not-an-address');
    await page.click('[data-contact-submit]');
    await page.waitForSelector('[data-contact-status][data-state="error"]');
    expect(await page.getAttribute('#contact-subject', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#contact-subject-error')).toBe('请至少填写 3 个字符。');
    expect(await page.textContent('#contact-description-error')).toBe('请告诉我们发生了什么。');
    expect(await page.textContent('#contact-email-error')).toBe('请填写有效的邮箱地址，例如 name@example.com。');
    // Focus goes to the first field to fix.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contact-subject');
  });

  it('works as a plain form without JavaScript: the post redirects back showing the sent message', async () => {
    const page = await visitor({ javaScriptEnabled: false });
    await page.goto(`${baseUrl}/zh-CN/contact/`);
    await page.fill('#contact-subject', '无法登录系统');
    await page.fill('#contact-description', '输入正确的密码后仍然提示密码错误，已经清除过浏览器缓存。');
    await page.fill('#contact-email', 'nojs.visitor@example.com');
    await Promise.all([page.waitForURL(/\/zh-CN\/contact\/\?ref=/), page.click('[data-contact-submit]')]);

    const url = new URL(page.url());
    const ref = url.searchParams.get('ref')!;
    expect(ref).toMatch(/^WEB-\d{4}-\d{6}$/);
    expect(url.hash).toBe('#contact-sent');
    // CSS :target reveals the message on the static page.
    expect(await page.isVisible('#contact-sent')).toBe(true);
    expect(await page.isVisible('#contact-error-invalid')).toBe(false);
    expect(rows('SELECT requester, lang, subject FROM tickets WHERE id = ?', ref)).toEqual([
      { requester: 'nojs.visitor@example.com', lang: 'zh-CN', subject: '无法登录系统' },
    ]);
    // No beacons without JavaScript: the server recorded the submission itself.
    expect(rows("SELECT lang FROM events WHERE type = 'contact_submitted' AND ticket_ref = ?", ref)).toEqual([{ lang: 'zh-CN' }]);
  });

  it('has no serious accessibility violations with answers shown, in both colour schemes and at 375 px', async () => {
    const page = await visitor({ viewport: { width: 375, height: 740 } });
    await page.goto(`${baseUrl}/en/contact/`);
    await describeProblem(page, 'reset password');
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('[data-contact-submit]');
    await page.waitForSelector('[data-contact-status][data-state="error"]');
    expect(await seriousViolations(page)).toEqual([]);
  });
});

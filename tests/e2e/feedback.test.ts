/**
 * The feedback widget and the analytics beacons in Chromium against the production
 * build, checked against what the server stored in its throw-away database.
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

async function summary(article: string): Promise<{ helpful: number; notHelpful: number }> {
  const res = await fetch(`${baseUrl}/api/votes/summary?article=${encodeURIComponent(article)}`);
  return (await res.json()) as { helpful: number; notHelpful: number };
}

async function openArticle(page: Page, article: string): Promise<void> {
  const [lang, slug] = article.split('/');
  await page.goto(`${baseUrl}/${lang}/articles/${slug}/`);
  await page.waitForSelector('[data-feedback-root]:not([hidden])');
}

type VoteRow = { helpful: number; reason: string | null; comment: string | null; lang: string };

describe('feedback widget', () => {
  it('stores a "No" vote with its reason and comment, and the summary counts it', async () => {
    const article = 'en/print-preview-blank';
    const before = await summary(article);
    const page = await visitor();
    await openArticle(page, article);
    await page.click('[data-vote="no"]');
    await page.check('[data-reason="outdated"]');
    await page.fill('textarea[name="comment"]', 'The menu is now called Print setup.');
    expect(await page.textContent('[data-feedback-chars]')).toBe('35 of 1000 characters');
    await page.click('[data-feedback-send]');
    await page.waitForSelector('[data-feedback-status][data-state="thanks"]');

    expect(rows<VoteRow>('SELECT helpful, reason, comment, lang FROM votes WHERE article = ?', article)).toEqual([
      { helpful: 0, reason: 'outdated', comment: 'The menu is now called Print setup.', lang: 'en' },
    ]);
    const after = await summary(article);
    expect(after).toMatchObject({ helpful: before.helpful, notHelpful: before.notHelpful + 1 });
  });

  it('records a "No" at once, even when the visitor leaves without sending details', async () => {
    const article = 'en/export-row-limits';
    const page = await visitor();
    await openArticle(page, article);
    await page.click('[data-vote="no"]');
    await page.waitForSelector('[data-feedback-details]:not([hidden])');
    let stored: VoteRow[] = [];
    for (let i = 0; i < 30 && stored.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      stored = rows<VoteRow>('SELECT helpful, reason, comment, lang FROM votes WHERE article = ?', article);
    }
    expect(stored).toEqual([{ helpful: 0, reason: null, comment: null, lang: 'en' }]);
  });

  it('takes a "Yes" vote by keyboard alone and announces the thanks in the status region', async () => {
    const article = 'zh-CN/reset-password';
    const page = await visitor();
    await openArticle(page, article);
    // Tab through the page as a keyboard user would until the Yes button has focus.
    for (let i = 0; i < 200 && !(await page.evaluate(() => document.activeElement?.matches('[data-vote="yes"]'))); i++)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-vote'))).toBe('yes');
    await page.keyboard.press('Enter');

    const status = page.locator('[data-feedback-status]');
    await page.waitForSelector('[data-feedback-status][data-state="thanks"]');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.textContent()).toBe('感谢您的反馈！');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('feedback-heading');
    expect(rows<VoteRow>('SELECT helpful, reason, comment, lang FROM votes WHERE article = ?', article)).toEqual([
      { helpful: 1, reason: null, comment: null, lang: 'zh-CN' },
    ]);
    // The count is refreshed after the vote, past the summary's one-minute cache.
    await page.waitForSelector('[data-helpful-count]:not([hidden])');
    expect(await page.textContent('[data-helpful-count]')).toBe('1 人觉得有帮助');
  });

  it('opens the reasons with the keyboard and moves focus to them', async () => {
    const page = await visitor();
    await openArticle(page, 'en/enable-two-factor');
    await page.focus('[data-vote="no"]');
    await page.keyboard.press('Space');
    await page.waitForSelector('[data-feedback-details]:not([hidden])');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('FIELDSET');
    expect(await page.getAttribute('[data-vote="no"]', 'aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-reason'))).toBe('outdated');
  });

  it('says it could not record the vote when the API is unreachable, and keeps the article and the form usable', async () => {
    const article = 'en/installer-error-1603';
    const page = await visitor();
    await page.route('**/api/votes', (route) => route.abort());
    await openArticle(page, article);
    await page.click('[data-vote="yes"]');
    await page.waitForSelector('[data-feedback-status][data-state="error"]');
    expect(await page.textContent('[data-feedback-status]')).toMatch(/could not record/);
    expect(await page.isVisible('h1')).toBe(true);
    expect(await page.isVisible('.article-content')).toBe(true);
    expect(await page.isEnabled('[data-vote="yes"]')).toBe(true);
    expect(rows('SELECT 1 FROM votes WHERE article = ?', article)).toEqual([]);

    // Once the API is back, the same button works.
    await page.unroute('**/api/votes');
    await page.click('[data-vote="yes"]');
    await page.waitForSelector('[data-feedback-status][data-state="thanks"]');
  });

  it('thanks the visitor but does not claim the vote counted when the server did not record it', async () => {
    const page = await visitor();
    // What the API answers to a request carrying DNT: 1 or Sec-GPC: 1.
    await page.route('**/api/votes', (route) =>
      route.fulfill({ status: 202, contentType: 'application/json', body: '{"ok":true,"recorded":false}' }),
    );
    await openArticle(page, 'en/export-row-limits');
    await page.click('[data-vote="yes"]');
    await page.waitForSelector('[data-feedback-status][data-state="not-counted"]');
    expect(await page.textContent('[data-feedback-status]')).toBe(
      'Thanks! Your browser asks us not to record this, so it was not counted.',
    );
  });

  it('has no serious accessibility violations with the reasons open, in both colour schemes', async () => {
    const page = await visitor();
    await openArticle(page, 'en/install-desktop-silent');
    await page.click('[data-vote="no"]');
    await page.waitForSelector('[data-feedback-details]:not([hidden])');
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
  });
});

/** Requests to the events endpoint that the page makes while it is alive (Playwright does not see those sent during unload). */
function eventRequests(page: Page): Array<{ method: string; contentType: string | undefined }> {
  const sent: Array<{ method: string; contentType: string | undefined }> = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/events')
      sent.push({ method: request.method(), contentType: request.headers()['content-type'] });
  });
  return sent;
}

/** Makes the page flush its queue as if it were being left, without leaving it. */
const firePagehide = (page: Page) => page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));

describe('analytics beacons', () => {
  const pageViews = (article: string) =>
    rows<{ lang: string; path: string | null }>("SELECT lang, path FROM events WHERE type = 'page_view' AND article = ?", article);

  it('stores a page view once the visitor leaves an article', async () => {
    const article = 'en/api-rate-limits';
    const before = pageViews(article).length;
    const page = await visitor();
    await page.goto(`${baseUrl}/en/articles/api-rate-limits/`);
    await page.goto(`${baseUrl}/en/`);
    const after = await eventually(
      () => pageViews(article),
      (r) => r.length > before,
    );
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toEqual({ lang: 'en', path: null });
  });

  it('sends the queue as one text/plain JSON beacon when the page is hidden', async () => {
    const page = await visitor();
    const sent = eventRequests(page);
    await page.goto(`${baseUrl}/zh-CN/topics/`);
    await firePagehide(page);
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]).toEqual({ method: 'POST', contentType: 'text/plain' });
    // Playwright cannot read a beacon's Blob body; the stored row shows what it held.
    const stored = await eventually(
      () => rows("SELECT lang, article, referrer FROM events WHERE type = 'page_view' AND path = '/zh-CN/topics/'"),
      (r) => r.length > 0,
    );
    expect(stored).toEqual([{ lang: 'zh-CN', article: null, referrer: null }]);
    // Flushed once: a second pagehide has nothing left to send.
    await firePagehide(page);
    await page.waitForTimeout(300);
    expect(sent).toHaveLength(1);
  });

  it('stores a search once the visitor pauses, not per keystroke, and the click on a result', async () => {
    const prefixes = ['p', 'pr', 'pri', 'prin', 'print', 'printe', 'printer'];
    const searches = () =>
      rows<{ query: string; results: number }>(
        `SELECT query, results FROM events WHERE type = 'search' AND query_norm IN (${prefixes.map(() => '?').join(', ')})`,
        ...prefixes,
      );
    const page = await visitor();
    await page.goto(`${baseUrl}/en/search/`);
    // Slower than the page's debounce, so every prefix is searched and reported.
    await page.locator('#search-q').pressSequentially('printer', { delay: 350 });
    await page.waitForFunction(
      () =>
        document.querySelector('[data-search-status]')?.getAttribute('data-search-status') === 'done' &&
        (document.querySelector('#search-q') as HTMLInputElement).value === 'printer',
    );
    await page.waitForTimeout(2000);
    const first = page.locator('[data-search-result]').first();
    const target = await first.getAttribute('data-article');
    await Promise.all([page.waitForURL(/\/articles\//), first.locator('a').click()]);

    const clicks = await eventually(
      () =>
        rows<{ query: string; article: string; rank: number }>(
          "SELECT query, article, rank FROM events WHERE type = 'search_click' AND query = 'printer'",
        ),
      (r) => r.length > 0,
    );
    expect(clicks).toEqual([{ query: 'printer', article: target, rank: 1 }]);
    expect(searches()).toEqual([{ query: 'printer', results: expect.any(Number) }]);
  });

  it('sends nothing when the browser signals Do Not Track', async () => {
    const page = await visitor({ initScript: "Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' });" });
    const sent = eventRequests(page);
    const article = 'en/configure-saml-sso';
    await page.goto(`${baseUrl}/en/articles/configure-saml-sso/`);
    await firePagehide(page);
    await page.goto(`${baseUrl}/en/search/?q=saml`);
    await page.waitForSelector('[data-search-status="done"]');
    await firePagehide(page);
    await page.goto(`${baseUrl}/en/`);
    await page.waitForTimeout(1000);
    expect(sent).toEqual([]);
    // Beacons sent during unload are invisible to Playwright, so check the server too.
    expect(pageViews(article)).toEqual([]);
    expect(rows("SELECT 1 FROM events WHERE query_norm = 'saml'")).toEqual([]);
  });
});

/**
 * The requests inbox end to end (issue 16), in Chromium against the production build, the real
 * API and a real SMTP server started here: a customer sends a request and gets the e-mail with
 * the link; an agent signs in, sees it in the inbox with its SLA clock and escalates it; a
 * tier-2 agent replies; the customer reads the reply on the request page and answers; the
 * agent resolves it with an article; the customer answers "solved" and rates 4; the dashboard's
 * KPIs include it, computed by hand from the stored times.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startApiProcess, type ApiProcess } from '../../scripts/lib/api-process.ts';
import { BROWSER_UA, launchBrowser } from '../support/browser.ts';
import { migrate, openDatabase } from '../../api/db/index.ts';
import { createStaffUser } from '../support/staff.ts';
import { smtpReceiver } from '../support/smtp.ts';
import { eventually } from '../support/eventually.ts';
import { readRows } from '../support/database.ts';

const distDir = inject('distDir');
const TOKEN = 'e2e-inbox-admin-token-0123456789abcdef';
const PASSWORD = 'correct horse battery staple 42';

let work: string;
let dbFile: string;
let server: ApiProcess | undefined;
let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
let browser: Browser;
let baseUrl: string;
let ref: string;

const newPage = async (): Promise<Page> => (await browser.newContext({ userAgent: BROWSER_UA, locale: 'en-US' })).newPage();
const pathOf = (link: string) => new URL(link).pathname + new URL(link).search;
const linkIn = (text: string) => /(https?:\/\/\S+\/requests\/\S+)/.exec(text)![1]!;

async function signIn(page: Page, email: string) {
  await page.goto(`${baseUrl}/staff/sign-in/?next=/staff/requests/`);
  await page.fill('#staff-email', email);
  await page.fill('#staff-password', PASSWORD);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/staff/requests/'),
    page.click('[data-staff-signin] button[type="submit"]'),
  ]);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kb-inbox-'));
  dbFile = join(work, 'kb.sqlite');
  const opened = openDatabase(dbFile);
  await migrate(opened.db);
  await createStaffUser(opened.db, {
    email: 'wang.fang@example.com',
    name: 'Wang Fang',
    role: 'agent',
    agentId: 'wang.fang',
    password: PASSWORD,
  });
  await createStaffUser(opened.db, {
    email: 'zhao.lei@example.com',
    name: 'Zhao Lei',
    role: 'agent',
    agentId: 'zhao.lei',
    password: PASSWORD,
  });
  await opened.db.destroy();
  smtp = await smtpReceiver();
  server = await startApiProcess({
    env: {
      KB_DB: dbFile,
      KB_DIST_DIR: distDir,
      KB_ADMIN_TOKEN: TOKEN,
      KB_METRICS_CACHE_SECONDS: '0',
      KB_DEMO: 'off',
      KB_SMTP_URL: smtp.url,
      KB_MAIL_FROM: 'Help Center <help@example.com>',
    },
  });
  baseUrl = server.origin;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the requests inbox', () => {
  it('a customer sends a request, sees the private link and gets it by e-mail', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/en/contact/`);
    await page.fill('#contact-subject', 'Sign-in fails after password change');
    await page.fill('#contact-description', 'Since I changed my password this morning the sign-in page says the password is wrong.');
    await page.fill('#contact-email', 'li.wei@example.com');
    await page.click('[data-contact-submit]');
    await page.waitForSelector('[data-contact-link-line]:not([hidden])');
    ref = (await page.textContent('[data-contact-ref]'))!.trim();
    const shown = await page.getAttribute('[data-contact-link]', 'href');
    const mails = await eventually(
      () => smtp.mails,
      (m) => m.length >= 1,
      15_000,
    );
    expect(mails[0]!.to).toEqual(['li.wei@example.com']);
    expect(mails[0]!.subject).toContain(ref);
    expect(pathOf(linkIn(mails[0]!.text))).toBe(shown);
  });

  it('an agent signs in, sees it in the inbox with its SLA clock, and escalates it', async () => {
    const page = await newPage();
    await signIn(page, 'wang.fang@example.com');
    const row = page.locator('tr', { has: page.locator(`a:text("${ref}")`) });
    await row.waitFor();
    // normal priority: first response due 8 h after creation (calendar hours).
    const [created] = readRows<{ created_at: string }>(dbFile, 'select created_at from tickets where id = ?', ref);
    const due = new Date(Date.parse(created!.created_at) + 8 * 3_600_000);
    expect(await row.textContent()).toContain(due.toLocaleString('en-US', { dateStyle: 'short', timeStyle: 'short' }));
    await row.locator('a').click();
    await page.waitForSelector('input[placeholder="Why tier 2 should take it"]');
    await page.fill('input[placeholder="Why tier 2 should take it"]', 'Directory sync: needs tier 2');
    await page.click('button:text("Escalate to tier 2")');
    await page.waitForSelector('li[data-kind="note"]');
    expect(readRows(dbFile, 'select tier, escalated from tickets where id = ?', ref)).toEqual([{ tier: 2, escalated: 1 }]);
  });

  it('a tier-2 agent replies, and the customer reads the reply on the page and answers without JavaScript', async () => {
    const agent = await newPage();
    await signIn(agent, 'zhao.lei@example.com');
    await agent.goto(`${baseUrl}/staff/requests/${ref}/`);
    await agent.fill('textarea[aria-label="Reply to the customer"]', 'We re-linked your account to the directory. Please sign in again.');
    await agent.click('button:text("Send reply")');
    await agent.waitForSelector('li[data-kind="reply"]');
    const mails = await eventually(
      () => smtp.mails,
      (m) => m.length >= 2,
      15_000,
    );
    expect(mails[1]!.subject).toBe(`[${ref}] New reply: Sign-in fails after password change`);

    const customer = await (await browser.newContext({ userAgent: BROWSER_UA, javaScriptEnabled: false })).newPage();
    await customer.goto(`${baseUrl}${pathOf(linkIn(mails[1]!.text))}`);
    await customer.fill('#reply-body', 'It works now, thank you!');
    await Promise.all([customer.waitForURL(/sent=1/), customer.click('[data-request-reply-form] button[type="submit"]')]);
    const withJs = await newPage();
    await withJs.goto(customer.url());
    await withJs.waitForSelector('li[data-kind="reply"]');
    expect(await withJs.textContent('[data-request-messages]')).toContain('We re-linked your account');
    expect(await withJs.textContent('[data-request-messages]')).toContain('It works now, thank you!');
    expect(await withJs.textContent('[data-request-messages]')).not.toContain('Directory sync');
  });

  it('the agent resolves it with an article; the customer answers "solved" and rates 4', async () => {
    const agent = await newPage();
    await signIn(agent, 'wang.fang@example.com');
    await agent.goto(`${baseUrl}/staff/requests/${ref}/`);
    await agent.fill('input[placeholder="Article id (e.g. en/reset-password)"]', 'en/reset-password');
    await agent.click('button:text("Resolve with this article")');
    await agent.waitForSelector('button:text("Reopen")');
    const mails = await eventually(
      () => smtp.mails,
      (m) => m.length >= 3,
      15_000,
    );
    expect(mails[2]!.subject).toBe(`[${ref}] Resolved — did this solve your problem?`);

    const customer = await newPage();
    await customer.goto(`${baseUrl}${pathOf(linkIn(mails[2]!.text))}`);
    await customer.waitForSelector('[data-request-survey-form]:not([hidden])');
    await customer.check('input[name="solved"][value="yes"]');
    await customer.check('input[name="rating"][value="4"]');
    await Promise.all([customer.waitForURL(/surveyed=1/), customer.click('[data-request-survey-form] button[type="submit"]')]);
    await customer.waitForSelector('[data-request-survey-done]:not([hidden])');
    expect(readRows(dbFile, 'select status, csat from tickets where id = ?', ref)).toEqual([{ status: 'closed', csat: 4 }]);
  });

  it("the dashboard's CSAT, first-response and resolution time, escalation and link rate include it", async () => {
    const [t] = readRows<{ created_at: string; first_response_at: string; resolved_at: string }>(
      dbFile,
      'select created_at, first_response_at, resolved_at from tickets where id = ?',
      ref,
    );
    const hours = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 3_600_000;
    const day = t!.created_at.slice(0, 10);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const metric = async (id: string) => {
      const res = await fetch(`${baseUrl}/api/metrics/${id}?from=${day}&to=${next}&tz=UTC`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { value: number }).value;
    };
    // The only ticket: its own figures. Durations are whole seconds in the database.
    expect(await metric('csat')).toBe(4);
    expect(await metric('first-response-time')).toBeCloseTo(Math.round(hours(t!.created_at, t!.first_response_at) * 3600) / 3600, 6);
    expect(await metric('resolution-time')).toBeCloseTo(Math.round(hours(t!.created_at, t!.resolved_at) * 3600) / 3600, 6);
    expect(await metric('escalation-rate')).toBe(1);
    expect(await metric('link-rate')).toBe(1);
  });
});

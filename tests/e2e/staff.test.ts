/**
 * The staff sign-in in Chromium against the production build and the shared server (issue
 * #16): a wrong password is refused with a message, the right one signs in and comes back to
 * the page asked for, /staff/ shows the name, the language switch, and signing out ends it.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openDatabase } from '../../api/db/index.ts';
import { launchBrowser, BROWSER_UA } from '../support/browser.ts';
import { createStaffUser } from '../support/staff.ts';

const baseUrl = inject('baseUrl');
const dbFile = inject('dbFile');
const AGENT = {
  email: 'chen.jing@example.com',
  name: 'Chen Jing',
  role: 'agent',
  team: 'Beijing',
  password: 'a password for chen',
} as const;

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  // The shared server's database: the account is there before the first sign-in.
  const opened = openDatabase(dbFile);
  await createStaffUser(opened.db, AGENT);
  await opened.close();
  browser = await launchBrowser();
  context = await browser.newContext({ userAgent: BROWSER_UA, locale: 'en-US' });
  page = await context.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const shellReady = (p: Page) => p.waitForSelector('body[data-staff-state="ready"]', { timeout: 15_000 });

describe('staff sign-in', () => {
  it('sends someone not signed in from /staff/ to the sign-in page', async () => {
    await page.goto(`${baseUrl}/staff/`);
    await page.waitForURL(/\/staff\/sign-in\/\?next=%2Fstaff%2F$/);
    await shellReady(page);
    expect(await page.isVisible('[data-staff-signin]')).toBe(true);
    expect(await page.isHidden('[data-staff-signout]')).toBe(true);
  });

  it('refuses a wrong password and says so', async () => {
    await page.fill('#staff-email', AGENT.email);
    await page.fill('#staff-password', 'this is not it');
    await page.click('[data-staff-signin] button[type="submit"]');
    await page.waitForFunction(() => (document.querySelector('[data-staff-status]')?.textContent ?? '') !== 'Signing in…');
    expect(await page.textContent('[data-staff-status]')).toBe('The e-mail address or the password is wrong.');
    expect(new URL(page.url()).pathname).toBe('/staff/sign-in/');
    expect(await page.inputValue('#staff-password')).toBe('');
  });

  it('signs in with the right password and shows the name on /staff/', async () => {
    await page.fill('#staff-password', AGENT.password);
    await page.click('[data-staff-signin] button[type="submit"]');
    await page.waitForURL(`${baseUrl}/staff/`);
    await shellReady(page);
    expect(await page.textContent('[data-staff-name]')).toBe('Signed in as Chen Jing');
    expect(await page.textContent('[data-staff-welcome]')).toBe('Welcome, Chen Jing.');
    expect(await page.textContent('[data-staff-role]')).toBe('Your role: agent. Team: Beijing.');
    const cookie = (await context.cookies()).find((c) => c.name === 'kb_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('switches the pages to Chinese and keeps the choice', async () => {
    await page.click('[data-ui-switch]');
    expect(await page.textContent('[data-staff-name]')).toBe('已登录：Chen Jing');
    expect(await page.textContent('[data-staff-role]')).toBe('您的角色：客服。 团队：Beijing。');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.click('[data-ui-switch]');
    expect(await page.textContent('h1')).toBe('Staff home');
  });

  it('signs out: back on the sign-in page, and /staff/ asks to sign in again', async () => {
    await page.click('[data-staff-signout]');
    await page.waitForURL(/\/staff\/sign-in\/$/);
    expect((await context.cookies()).filter((c) => c.name === 'kb_session')).toEqual([]);
    await page.goto(`${baseUrl}/staff/`);
    await page.waitForURL(/\/staff\/sign-in\/\?next=/);
  });
});

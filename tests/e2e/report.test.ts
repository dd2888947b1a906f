/**
 * The period report page (/insights/report, issue 18) in Chromium against the production build
 * and the real API, on a database filled by the demo seed: in both languages every figure on
 * the page equals the API's answer for the same period, and the demo banner shows; the counts
 * link to the drill-down lists (/staff/tickets/?…, /staff/articles/?…), whose totals are those counts.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startApiProcess, type ApiProcess } from '../../scripts/lib/api-process.ts';
import { BROWSER_UA, launchBrowser } from '../support/browser.ts';
import { migrate, openDatabase } from '../../api/db/index.ts';
import { loadCatalog } from '../../api/lib/catalog/catalog.ts';
import { seedDatabase } from '../../api/demo/index.ts';
import { FIGURE_KEYS, type PeriodReport } from '../../core/contracts/period-report.ts';
import { createStaffUser } from '../support/staff.ts';

const distDir = inject('distDir');
const ADMIN_TOKEN = 'e2e-report-admin-token-0123456789';
const MANAGER = { email: 'report.manager@example.com', name: 'Gao Yan', role: 'manager', password: 'reports for managers' } as const;
const PERIOD = new Date(Date.now() - 86_400_000 * 10).toISOString().slice(0, 7); // a month the 30 seeded days cover

let work: string;
let server: ApiProcess | undefined;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kb-report-'));
  const dbFile = join(work, 'kb.sqlite');
  const opened = openDatabase(dbFile);
  await migrate(opened.db);
  await seedDatabase(opened.db, { days: 30, seed: 42, now: new Date(), catalog: loadCatalog(distDir), sqlite: opened.sqlite });
  await createStaffUser(opened.db, MANAGER);
  await opened.db.destroy();
  server = await startApiProcess({ env: { KB_DB: dbFile, KB_DIST_DIR: distDir, KB_ADMIN_TOKEN: ADMIN_TOKEN } });
  browser = await launchBrowser();
  const context = await browser.newContext({ userAgent: BROWSER_UA, locale: 'en-US' });
  page = await context.newPage();
  // A manager signs in as on the site; the session cookie then carries every request of the page.
  await page.goto(`${server.origin}/staff/sign-in/`);
  await page.fill('#staff-email', MANAGER.email);
  await page.fill('#staff-password', MANAGER.password);
  await page.click('[data-staff-signin] button[type="submit"]');
  await page.waitForURL(/\/staff\/$/);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('/insights/report', () => {
  it.each(['en', 'zh-CN'] as const)('shows every figure of the API in %s', async (lang) => {
    const res = await fetch(`${server!.origin}/api/metrics/period-report?period=${PERIOD}`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as PeriodReport;
    await page.goto(`${server!.origin}/insights/report?period=${PERIOD}&ui=${lang}`);
    await page.waitForSelector('[data-report][data-report-state="ready"]', { timeout: 30_000 });
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.textContent('h1')).toContain(lang === 'en' ? 'Service report' : '问题汇总报告');
    const shown = await page.$$eval('[data-figure]', (els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-figure'), e.getAttribute('data-value')])),
    );
    for (const key of FIGURE_KEYS)
      expect(shown[key], key).toBe(report.figures[key].value === null ? '' : String(report.figures[key].value));
    const volume = await page.$$eval('[data-list="volume"]', (els) => els.map((e) => Number(e.getAttribute('data-value'))));
    expect(volume).toEqual(report.volume.map((v) => v.tickets));
    expect(await page.$('[data-demo]')).not.toBeNull(); // the seed marks demo data
  });

  it('links its counts to the lists of what they count', async () => {
    const res = await fetch(`${server!.origin}/api/metrics/period-report?period=${PERIOD}`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    const report = (await res.json()) as PeriodReport;
    await page.goto(`${server!.origin}/insights/report?period=${PERIOD}&ui=en`);
    await page.waitForSelector('[data-report][data-report-state="ready"]', { timeout: 30_000 });
    const { from, to, tz } = report;
    const range = `from=${from}&to=${to}&tz=${encodeURIComponent(tz)}`;
    expect(await page.getAttribute('a[data-figure="tickets"]', 'href')).toBe(`/staff/tickets/?${range}`);
    expect(await page.getAttribute('a[data-figure="escalated"]', 'href')).toBe(`/staff/tickets/?${range}&status=escalated`);
    expect(await page.getAttribute('a[data-figure="articlesCreated"]', 'href')).toBe(`/staff/articles/?${range}&state=created`);
    const sla = await page.$$eval('[data-list="sla"]', (els) => els.map((e) => e.getAttribute('href')));
    expect(sla).toEqual(report.slaByPriority.map((s) => `/staff/tickets/?${range}&priority=${s.priority}&status=sla-breached`));
    // Following one: the list's total is the figure.
    await page.click('a[data-figure="escalated"]');
    await page.waitForURL((url) => url.pathname === '/staff/tickets/' && url.searchParams.get('status') === 'escalated');
    await page.waitForSelector('[data-drill-total]', { timeout: 30_000 });
    expect(Number(await page.getAttribute('[data-drill-total]', 'data-drill-total'))).toBe(report.figures.escalated.value);
  });
});

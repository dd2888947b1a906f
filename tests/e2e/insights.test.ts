/**
 * The staff dashboards (/insights/ and /insights/training) in Chromium against the
 * production build and the real API, on a database filled by the demo seed
 * (api/demo, 30 days, seed 42).
 *
 * The suite runs its own server on the shared build: the seed only fills an empty
 * database, and the other browser tests write events and votes into the shared one
 * before this file may run. Figures the page shows are checked against what the API
 * answers for the same query.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApiProcess, type ApiProcess } from '../../scripts/lib/api-process.ts';
import { seriousViolations } from '../support/axe.ts';
import { BROWSER_UA, launchBrowser } from '../support/browser.ts';
import { migrate, openDatabase } from '../../api/db/index.ts';
import { loadCatalog } from '../../api/lib/catalog/catalog.ts';
import { seedDatabase } from '../../api/demo/index.ts';
import { insertFlag } from '../../api/db/queries/flags.ts';
import { formatPercent, formatScore } from '../../site/islands/insights/format.ts';
import { createStaffUser } from '../support/staff.ts';
import { defaultRange, todayIn } from '../../site/islands/insights/filters.ts';
import { asciiIdentifiers } from '../support/zh-text.ts';

const distDir = inject('distDir');
const ADMIN_TOKEN = 'e2e-insights-admin-token-0123456789';
/** The account the dashboards are signed into (the API helper below still reads with the admin token). */
const MANAGER = { email: 'manager@example.com', name: 'Zhou Min', role: 'manager', password: 'dashboards for managers' } as const;

let work: string;
/** The article the suite flags. */
let flagged: string;
let server: ApiProcess | undefined;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** What the API answers for `path`, with the staff token. */
async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

const ready = (p: Page) => p.waitForSelector('body[data-insights-state="ready"]', { timeout: 30_000 });
const panelStates = (p: Page) =>
  p.$$eval('[data-panel]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-panel'), e.getAttribute('data-state')])));
const headline = (p: Page, key: string) => p.textContent(`[data-headline="${key}"] .headline-value`);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kb-insights-'));
  const dbFile = join(work, 'kb.sqlite');
  // Seeded before the server starts, as `npm run seed` would: the server then serves it live.
  const opened = openDatabase(dbFile);
  await migrate(opened.db);
  const catalog = loadCatalog(distDir);
  await seedDatabase(opened.db, { days: 30, seed: 42, now: new Date(), catalog, sqlite: opened.sqlite });
  // The seed raises no flags: one open flag, three days old, for the knowledge page's flags panel.
  flagged = [...catalog.byId.keys()].find((id) => id.startsWith('zh-CN/'))!;
  await insertFlag(
    opened.db,
    { article: flagged, reason: 'outdated', note: null, ticket: null, createdBy: 'e2e' },
    new Date(Date.now() - 3 * 86_400_000),
  );
  await createStaffUser(opened.db, MANAGER);
  await opened.db.destroy();
  server = await startApiProcess({ env: { KB_DB: dbFile, KB_DIST_DIR: distDir, KB_ADMIN_TOKEN: ADMIN_TOKEN } });
  baseUrl = server.origin;
  browser = await launchBrowser();
  // One tab for the whole suite: the sign-in lives in that context's cookie.
  context = await browser.newContext({
    userAgent: BROWSER_UA,
    locale: 'en-US',
    reducedMotion: 'reduce',
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  page = await context.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('static pages', () => {
  it('hold no data, ask search engines not to index them and are not in the sitemap', async () => {
    const html = await (await fetch(`${baseUrl}/insights/`)).text();
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).not.toContain('<table');
    expect(html).not.toContain('data-pagefind-body');
    const sitemap = await (await fetch(`${baseUrl}/sitemap.xml`)).text();
    expect(sitemap).not.toContain('/insights/');
  });
});

describe('overview', () => {
  it('asks to sign in, and refuses a wrong password', async () => {
    await page.goto(`${baseUrl}/insights/`);
    expect(await page.getAttribute('body', 'data-insights-state')).toBe('signed-out');
    expect(await page.isHidden('[data-dashboard]')).toBe(true);
    await page.click('[data-signin-link]');
    await page.waitForURL(/\/staff\/sign-in\/\?next=%2Finsights%2F/);
    await page.fill('#staff-email', MANAGER.email);
    await page.fill('#staff-password', 'not the password');
    await page.click('[data-staff-signin] button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('[data-staff-status]')?.textContent?.includes('wrong'));
    expect(new URL(page.url()).pathname).toBe('/staff/sign-in/');
  });

  it('signs in with the account, comes back and renders the headline numbers, each linking to its page', async () => {
    await page.fill('#staff-password', MANAGER.password);
    await page.click('[data-staff-signin] button[type="submit"]');
    await page.waitForURL(/\/insights\/\?/);
    await ready(page);
    // The overview is short: the headline numbers and what changed most, nothing else.
    expect(await panelStates(page)).toEqual({ headlines: 'ready' });
    expect(await page.textContent('[data-staff-name]')).toBe(`Signed in as ${MANAGER.name}`);
    // The session id is in an HttpOnly cookie: no script on the page can read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain('kb_session');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    // The default view is the last 30 days, written into the address.
    const { from, to } = defaultRange(todayIn(new Date()));
    expect(new URL(page.url()).searchParams.get('from')).toBe(from);
    expect(new URL(page.url()).searchParams.get('to')).toBe(to);

    const summary = await api<{ helpfulRate: number | null; selfServiceScore: number | null }>(
      `/api/metrics/summary?from=${from}&to=${to}&tz=Asia/Shanghai`,
    );
    expect(summary.selfServiceScore).not.toBeNull();
    expect(await headline(page, 'helpfulRate')).toContain(formatPercent('en', summary.helpfulRate));
    expect(await headline(page, 'selfServiceScore')).toContain(formatScore('en', summary.selfServiceScore));
    // Each headline links to its area's page with the same view.
    const supportLink = await page.getAttribute('[data-headline="escalationRate"] dt a', 'href');
    expect(supportLink).toMatch(new RegExp(`^/insights/support/\\?from=${from}&to=${to}`));
    expect(await page.$$eval('[data-changes] li', (items) => items.length)).toBeGreaterThan(0);

    // The navigation marks this page and carries the filters to every other one.
    expect(await page.$$eval('[data-insights-nav] a[aria-current="page"]', (links) => links.map((a) => a.getAttribute('href')))).toEqual([
      `/insights/?from=${from}&to=${to}&interval=day`,
    ]);
    const hrefs = await page.$$eval('[data-insights-nav] a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.map((h) => h.split('?')[0])).toEqual([
      '/insights/',
      '/insights/self-service/',
      '/insights/knowledge/',
      '/insights/support/',
      '/insights/content/',
      '/insights/training/',
      '/insights/scorecards/',
      '/insights/report/',
    ]);
    expect(hrefs.slice(0, 7).every((h) => h.includes(`from=${from}`) && h.includes(`to=${to}`))).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows each area on its own page, reached through the navigation with the same filters', async () => {
    const expected: Record<string, string[]> = {
      '/insights/self-service/': [
        'self-service-score',
        'deflection',
        'search-rates',
        'top-searches-zh',
        'top-searches-en',
        'no-result-zh',
        'no-result-en',
      ],
      '/insights/knowledge/': ['link-rate', 'known-vs-new', 'leaders', 'laggards', 'vote-reasons', 'open-flags'],
      '/insights/support/': ['sla-by-priority', 'kpi-priority', 'kpi-topic'],
      '/insights/content/': ['overdue-reviews', 'low-helpfulness-high-traffic', 'content-gaps'],
      '/insights/scorecards/': ['team-scorecards', 'agent-scorecards'],
    };
    const overview = new URL(page.url());
    for (const [path, panels] of Object.entries(expected)) {
      await page.click(`[data-insights-nav] a[href^="${path}"]`);
      await page.waitForURL((url) => url.pathname === path);
      await ready(page);
      const url = new URL(page.url());
      expect(url.searchParams.get('from')).toBe(overview.searchParams.get('from'));
      expect(url.searchParams.get('to')).toBe(overview.searchParams.get('to'));
      expect(await page.getAttribute(`[data-insights-nav] a[href^="${path}"]`, 'aria-current')).toBe('page');
      const states = await panelStates(page);
      expect(Object.keys(states)).toEqual(panels);
      // Content gaps may rightly be empty: in the demo content every ticket topic is covered by an
      // article in it or in a subtopic (topics are a tree, docs/design.md §4).
      const { 'content-gaps': gaps, ...others } = states;
      expect(
        Object.values(others).every((s) => s === 'ready'),
        `${path}: ${JSON.stringify(states)}`,
      ).toBe(true);
      if (gaps) expect(['ready', 'empty']).toContain(gaps);
      // Charts are drawn.
      const canvases = await page.$$eval('[data-panel] canvas[data-chart]', (els) =>
        els.filter((c) => !c.closest('[hidden]')).map((c) => (c as HTMLCanvasElement).width),
      );
      expect(canvases.every((w) => w > 0)).toBe(true);
      expect(await seriousViolations(page), path).toEqual([]);

      if (path === '/insights/self-service/') {
        expect(await page.$$eval('[data-panel="deflection"] tbody tr', (rows) => rows.length)).toBe(30);
        expect(await page.$$eval('[data-panel="deflection"] table caption', (els) => els.length)).toBe(1);
        // Search rates over time: one row per day, rates as percentages, and the chart drawn.
        expect(await page.$$eval('[data-panel="search-rates"] tbody tr', (rows) => rows.length)).toBe(30);
        expect(await page.$$eval('[data-panel="search-rates"] canvas[data-chart]', (els) => els.length)).toBe(1);
        const rates = await page.$$eval(
          '[data-panel="search-rates"] tbody tr td:nth-child(4), [data-panel="search-rates"] tbody tr td:nth-child(6)',
          (cells) => cells.map((c) => c.textContent ?? ''),
        );
        expect(
          rates.some((text) => /^\d+(\.\d)?%$/.test(text.trim())),
          rates.slice(0, 4).join(' | '),
        ).toBe(true);
      }
      if (path === '/insights/knowledge/') {
        // The open flag, by article title (linking to it) and reason in words.
        const flagRows = await page.$$eval('[data-panel="open-flags"] tbody tr', (rows) =>
          rows.map((row) => ({ href: row.querySelector('th a')?.getAttribute('href'), reason: row.querySelector('td')?.textContent })),
        );
        expect(flagRows).toEqual([{ href: `/zh-CN/articles/${flagged.slice('zh-CN/'.length)}/`, reason: 'Out of date' }]);
        // Long titles are cut on the axis by display width with "…" (a Chinese character counts
        // double); the chart's data, hence its tooltip, and the table keep the whole title.
        const drawn = await page.$$eval('[data-panel="leaders"] canvas[data-chart], [data-panel="laggards"] canvas[data-chart]', (els) =>
          els.flatMap((c) => JSON.parse(c.getAttribute('data-axis-labels') ?? '[]') as string[]),
        );
        const titles = await page.$$eval('[data-panel="leaders"] tbody th, [data-panel="laggards"] tbody th', (cells) =>
          cells.map((c) => c.textContent ?? ''),
        );
        const cutChinese = drawn.filter((label) => /[\u4e00-\u9fff]/.test(label) && label.includes('…'));
        expect(cutChinese.length, drawn.join(' | ')).toBeGreaterThan(0);
        for (const label of cutChinese) {
          const stem = label.slice(0, label.indexOf('…'));
          const full = titles.find((title) => title.startsWith(stem));
          expect(full, label).toBeDefined();
          expect(full!.length).toBeGreaterThan(stem.length);
          // 28 columns for the title: at most 14 Chinese characters before the ellipsis.
          expect([...stem].length).toBeLessThanOrEqual(28);
        }
      }
      if (path === '/insights/support/') {
        // The wide KPI table scrolls inside its panel, its header row sticky, and the page does not widen.
        const box = await page.$eval('[data-panel="kpi-topic"] [data-table-scroll]', (el) => {
          const panel = el.closest('[data-panel]')!.getBoundingClientRect();
          const rect = el.getBoundingClientRect();
          const th = el.querySelector('thead th')!;
          return {
            inside: rect.left >= panel.left && rect.right <= panel.right,
            overflow: getComputedStyle(el).overflowX,
            sticky: getComputedStyle(th).position,
            region: el.getAttribute('role'),
          };
        });
        expect(box).toEqual({ inside: true, overflow: 'auto', sticky: 'sticky', region: 'region' });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
        // Drill-down: each topic's ticket count links to the list of those tickets, with the same filters.
        const drill = await page.$$eval('[data-panel="kpi-topic"] tbody tr', (rows) =>
          rows.map((row) => row.querySelector('td a')?.getAttribute('href') ?? ''),
        );
        expect(drill.length).toBeGreaterThan(0);
        for (const href of drill) {
          const link = new URL(href, baseUrl);
          expect(link.pathname).toBe('/staff/tickets/');
          expect(link.searchParams.get('from')).toBe(url.searchParams.get('from'));
          expect(link.searchParams.get('to')).toBe(url.searchParams.get('to'));
          expect(link.searchParams.get('tz')).toBe('Asia/Shanghai');
          expect(link.searchParams.get('topic')).toBeTruthy();
        }

        // Scrolled down, the header row is still at the top of the box.
        const kept = await page.$eval('[data-panel="kpi-topic"] [data-table-scroll]', (el) => {
          el.scrollTop = el.scrollHeight;
          const th = el.querySelector('thead th')!.getBoundingClientRect();
          return Math.abs(th.top - el.getBoundingClientRect().top) <= 2 || el.scrollHeight <= el.clientHeight;
        });
        expect(kept).toBe(true);
      }
      if (path === '/insights/content/') {
        // Content-health rows link to the article.
        const overdueLinks = await page.$$eval('[data-panel="overdue-reviews"] tbody th a', (links) =>
          links.map((a) => a.getAttribute('href')),
        );
        expect(overdueLinks.length).toBeGreaterThan(0);
        expect(overdueLinks.every((href) => /^\/(zh-CN|en)\//.test(href ?? ''))).toBe(true);
      }
      if (path === '/insights/scorecards/') {
        // Agents by name, never by a bare id, when the directory knows the name.
        const cards = await api<{ rows: Array<{ agent: string; name: string }> }>(
          `/api/metrics/agent-scorecards?from=${url.searchParams.get('from')}&to=${url.searchParams.get('to')}&tz=Asia/Shanghai`,
        );
        const shown = await page.$$eval('[data-panel="agent-scorecards"] tbody th', (cells) => cells.map((c) => c.textContent ?? ''));
        expect(shown.length).toBe(cards.rows.length);
        expect(shown.sort()).toEqual(cards.rows.map((r) => r.name || r.agent).sort());
      }
    }
    await page.goto(overview.toString());
    await ready(page);
  });

  it('changes the address and the numbers when a filter changes', async () => {
    const before = await headline(page, 'selfServiceScore');
    await page.selectOption('#filter-lang', 'zh-CN');
    await page.waitForURL(/lang=zh-CN/);
    await ready(page);
    const url = new URL(page.url());
    const summary = await api<{ selfServiceScore: number | null }>(
      `/api/metrics/summary?from=${url.searchParams.get('from')}&to=${url.searchParams.get('to')}&tz=Asia/Shanghai&lang=zh-CN`,
    );
    const after = await headline(page, 'selfServiceScore');
    expect(after).toContain(formatScore('en', summary.selfServiceScore));
    expect(after).not.toBe(before);

    // The address alone reproduces the view.
    await page.goto(page.url());
    await ready(page);
    expect(await page.inputValue('#filter-lang')).toBe('zh-CN');
    expect(await headline(page, 'selfServiceScore')).toBe(after);

    // A start after the end is named and not applied: the address keeps the last valid view.
    const valid = page.url();
    await page.fill('#filter-from', '2099-01-01');
    await page.dispatchEvent('[data-filters]', 'change');
    await page.waitForSelector('[data-filter-problems]:not([hidden])');
    expect(await page.textContent('[data-filter-problems]')).toContain('“From” must be on or before “To”');
    expect(page.url()).toBe(valid);
    await page.goto(valid);
    await ready(page);
  });

  it('downloads a chart’s data as CSV with the session', async () => {
    await page.click('[data-insights-nav] a[href^="/insights/self-service/"]');
    await ready(page);
    const url = new URL(page.url());
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-panel="deflection"] button[data-csv="deflection"]'),
    ]);
    expect(download.suggestedFilename()).toBe(`deflection_${url.searchParams.get('from')}_${url.searchParams.get('to')}.csv`);
    const lines = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split(/\r?\n/);
    // A header line and one line per day of the 30-day range.
    expect(lines[0]).toMatch(/^period,/);
    expect(lines).toHaveLength(31);
  });

  it('downloads the per-topic KPI figures from the topic table itself', async () => {
    await page.click('[data-insights-nav] a[href^="/insights/support/"]');
    await ready(page);
    const buttons = await page.$$eval('[data-panel="kpi-topic"] button[data-csv]', (els) => els.map((b) => b.getAttribute('data-csv')));
    expect(buttons).toEqual([
      'resolution-rate',
      'first-response-time',
      'resolution-time',
      'sla-attainment',
      'escalation-rate',
      'reopen-rate',
      'csat',
    ]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-panel="kpi-topic"] button[data-csv="escalation-rate"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^escalation-rate_/);
    const lines = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toMatch(/^dimension,key,/);
    expect(lines.some((line) => line.startsWith('topic,'))).toBe(true);
  });

  it('switches the interface to Chinese without touching the language filter', async () => {
    await page.click('[data-insights-nav] a[href^="/insights/self-service/"]');
    await ready(page);
    const { metrics } = await api<{ metrics: Array<{ id: string; formula: string; definition: Record<'zh-CN' | 'en', string> }> }>(
      '/api/metrics',
    );
    const deflection = metrics.find((m) => m.id === 'deflection')!;
    const definition = '[data-panel="deflection"] [data-definition]';
    // The registry's words, then the formula on a second, smaller line.
    expect(await page.textContent(`${definition} > span`)).toBe(deflection.definition.en);
    expect(await page.textContent(`${definition} small[data-formula]`)).toBe(`Formula: ${deflection.formula}`);

    await page.click('[data-ui-switch]');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('h1')).toBe('自助服务与搜索');
    // The navigation keeps the interface language.
    expect(await page.getAttribute('[data-insights-nav] a[href^="/insights/support/"]', 'href')).toContain('ui=zh-CN');
    const url = new URL(page.url());
    expect(url.searchParams.get('ui')).toBe('zh-CN');
    expect(url.searchParams.get('lang')).toBe('zh-CN');
    // The registry's Chinese definition under the Chinese title; the English formula is folded away.
    expect(await page.textContent(`${definition} > span`)).toBe(deflection.definition['zh-CN']);
    expect(await page.getAttribute(`${definition} > span`, 'lang')).toBe('zh-CN');
    expect(await page.textContent(`${definition} details[data-formula] summary`)).toBe('公式（英文字段名）');
    expect(await page.getAttribute(`${definition} details[data-formula]`, 'open')).toBeNull();
    expect(await page.getAttribute(`${definition} details[data-formula] code`, 'lang')).toBe('en');
    // Every panel that has a definition shows a Chinese one.
    const shown = await page.$$eval('[data-definition]:not([hidden])', (els) => els.map((e) => e.textContent ?? ''));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((text) => /[\u4e00-\u9fff]/.test(text))).toBe(true);

    await page.click('[data-ui-switch]');
    expect(await page.textContent('h1')).toBe('Self-service and search');
    expect(await page.textContent(`${definition} > span`)).toBe(deflection.definition.en);
  });

  it('shows the Chinese overview and support page entirely in Chinese, with titles from the metric registry', async () => {
    const { metrics } = await api<{ metrics: Array<{ id: string; title: Record<'zh-CN' | 'en', string> }> }>('/api/metrics');
    for (const path of ['/insights/', '/insights/support/']) {
      await page.click(`[data-insights-nav] a[href^="${path}"]`);
      await page.waitForURL((url) => url.pathname === path);
      await ready(page);
      if (path === '/insights/') {
        await page.click('[data-ui-switch]');
        await ready(page);
        // Each headline is titled by its metric's registry title.
        expect(await page.textContent('[data-headline="escalationRate"] dt')).toBe(
          metrics.find((m) => m.id === 'escalation-rate')!.title['zh-CN'],
        );
        expect(await page.textContent('[data-headline="csatMean"] dt')).toBe(metrics.find((m) => m.id === 'csat')!.title['zh-CN']);
      }
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      // What a reader sees (innerText leaves out hidden and folded text): no internal names, no English words.
      const visible = await page.evaluate(() => document.body.innerText);
      expect(asciiIdentifiers(visible), path).toEqual([]);
      expect(visible).toMatch(/[\u4e00-\u9fff]/);
    }
    // The multi-source CSV buttons are named by metric, not by id.
    expect(await page.textContent('[data-panel="kpi-topic"] [data-csv="escalation-rate"]')).toContain(
      metrics.find((m) => m.id === 'escalation-rate')!.title['zh-CN'],
    );
    await page.click('[data-ui-switch]');
    await page.click('[data-insights-nav] a[href^="/insights/self-service/"]');
    await ready(page);
  });

  it('fits a 375 px wide phone', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await ready(page);
    // Charts follow their box on the next resize callback, not at once.
    await page.waitForFunction(() => document.documentElement.scrollWidth <= 375, undefined, { timeout: 5_000 }).catch(() => undefined);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('training', () => {
  it('renders the heatmap, need ranking, effectiveness and the draft plan from the seeded data', async () => {
    await page.goto(`${baseUrl}/insights/training`);
    await ready(page);
    const states = await panelStates(page);
    expect(states, JSON.stringify(states)).toEqual({
      'coverage-heatmap': 'ready',
      'coverage-by-topic': 'ready',
      'training-need': 'ready',
      'effect-escalation': 'ready',
      'effect-resolution': 'ready',
      plan: 'ready',
    });
    const url = new URL(page.url());
    const plan = await api<{ topics: Array<{ topic: string }> }>(
      `/api/training/plan?from=${url.searchParams.get('from')}&to=${url.searchParams.get('to')}&tz=Asia/Shanghai`,
    );
    expect(await page.$$eval('[data-panel="plan"] tbody tr', (rows) => rows.length)).toBe(plan.topics.length);
    const need = await api<{ rows: Array<{ reasons: string[] }> }>(
      `/api/metrics/training-need?from=${url.searchParams.get('from')}&to=${url.searchParams.get('to')}&tz=Asia/Shanghai`,
    );
    // The first topic's reasons, in words, are in the ranking table.
    expect(await page.textContent('[data-panel="training-need"] tbody tr:first-child')).toContain(need.rows[0]!.reasons[0]!);
    expect(await page.$$eval('[data-panel="coverage-heatmap"] tbody tr', (rows) => rows.length)).toBeGreaterThan(0);
    // The heatmap has a legend: the colour scale with its numbers, and the look of "no data".
    const legend = await page.$$eval('[data-panel="coverage-heatmap"] [data-heat-legend] li', (items) =>
      items.map((i) => i.textContent ?? ''),
    );
    expect(legend).toEqual(['Share of agents trained', '0.0%', '25.0%', '50.0%', '75.0%', '100.0%', '— no data']);
    // Every cell of the table shows its number, and a cell without data says so.
    const cells = await page.$$eval('[data-panel="coverage-heatmap"] tbody td', (tds) =>
      tds.map((td) => ({ text: td.textContent ?? '', title: td.querySelector('[title]')?.getAttribute('title') ?? '' })),
    );
    expect(cells.every((c) => /^\d+(\.\d)?% \(\d+\/\d+\)$/.test(c.text) || (c.text.startsWith('—') && c.title === 'no data'))).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // In Chinese, the need ranking's definition is the registry's Chinese one.
    const { metrics } = await api<{ metrics: Array<{ id: string; definition: Record<'zh-CN' | 'en', string> }> }>('/api/metrics');
    await page.goto(`${baseUrl}/insights/training?${new URLSearchParams({ ...Object.fromEntries(url.searchParams), ui: 'zh-CN' })}`);
    await ready(page);
    expect(await page.textContent('[data-panel="training-need"] [data-definition]')).toContain(
      metrics.find((m) => m.id === 'training-need')!.definition['zh-CN'],
    );
    await page.goto(`${baseUrl}/insights/training?${new URLSearchParams({ ...Object.fromEntries(url.searchParams), ui: 'en' })}`);
    await ready(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-panel="plan"] button[data-csv="plan"]')]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(csv).toHaveLength(plan.topics.length + 1);
  });

  it('signs out: the session ends and the dashboards ask to sign in again', async () => {
    await page.click('[data-signout]');
    await page.waitForURL(/\/staff\/sign-in\/$/);
    await page.goto(`${baseUrl}/insights/`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-signin]')?.hidden === false);
    expect(await page.getAttribute('body', 'data-insights-state')).toBe('signed-out');
    expect(await page.isHidden('[data-dashboard]')).toBe(true);
    expect((await context.cookies()).filter((c) => c.name === 'kb_session')).toEqual([]);
  });
});

/**
 * The period report as a document (issue 18): the renderer the page and `npm run report` share
 * writes every figure of the API's answer, in both languages, as a link to what is behind it;
 * the CLI's module prints it to a PDF through Chromium, or writes HTML without Chromium.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { upsertTickets } from '../../api/db/queries/tickets.ts';
import { metricEnv } from '../../api/metrics/env.ts';
import { periodReport } from '../../api/metrics/period-report.ts';
import { FIGURE_KEYS } from '../../core/contracts/period-report.ts';
import { periodReportDocument } from '../../core/reports/period-report-html.ts';
import { ticketSchema } from '../../core/tickets/ticket.ts';
import { writePeriodReport } from '../../scripts/lib/report/period-report.ts';
import { CHROMIUM_PATH } from '../../scripts/lib/chromium.ts';
import { testCatalog } from '../support/catalog.ts';
import { migratedDatabase } from '../support/database.ts';
import { METRIC_NOW } from '../support/metrics.ts';
import { tempDir } from '../support/temp-dir.ts';

async function seeded() {
  const { db } = await migratedDatabase();
  await upsertTickets(db, [
    ticketSchema.parse({
      id: 'N1',
      source: 'api',
      subject: 'Cannot sign in <script>',
      topic: 'billing',
      priority: 'high',
      status: 'solved',
      escalated: true,
      tier: 2,
      createdAt: '2026-11-02T00:00:00.000Z',
      resolvedAt: '2026-11-02T05:00:00.000Z',
      csat: 4,
    }),
  ]);
  return { db, catalog: testCatalog(), now: () => METRIC_NOW };
}

describe('the period report document', () => {
  it.each(['en', 'zh-CN'] as const)('writes every figure of the API in %s, each a link', async (lang) => {
    const deps = await seeded();
    const report = await periodReport(metricEnv(deps), { period: '2026-11', tz: 'UTC' });
    const html = periodReportDocument(report, lang);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain(lang === 'en' ? 'Service report · 2026-11' : '问题汇总报告 · 2026-11');
    for (const key of FIGURE_KEYS) {
      const figure = report.figures[key];
      const match = new RegExp(`<a href="([^"]*)" data-figure="${key}" data-value="([^"]*)">`).exec(html);
      expect(match, key).not.toBeNull();
      expect(match![2], key).toBe(figure.value === null ? '' : String(figure.value));
      expect(match![1], key).toBe(figure.href.replace(/&/g, '&amp;'));
    }
    expect(html).not.toContain('<script>');
  });
});

describe('writePeriodReport', () => {
  it('writes HTML when Chromium is missing', async () => {
    const deps = await seeded();
    const dir = tempDir();
    const written = await writePeriodReport(deps, {
      period: '2026-11',
      lang: 'zh-CN',
      tz: 'UTC',
      out: join(dir, 'r.pdf'),
      chromiumPath: '',
    });
    expect(written).toEqual({ format: 'html', file: join(dir, 'r.html') });
    expect(readFileSync(written.file, 'utf8')).toContain('data-figure="escalated" data-value="1"');
  });

  it.skipIf(!existsSync(CHROMIUM_PATH))(
    'prints a PDF through Chromium',
    async () => {
      const deps = await seeded();
      const dir = tempDir();
      const written = await writePeriodReport(deps, { period: '2026-Q4', lang: 'en', tz: 'UTC', out: join(dir, 'r.pdf') });
      expect(written.format).toBe('pdf');
      expect(readFileSync(written.file).subarray(0, 5).toString()).toBe('%PDF-');
    },
    60_000,
  );
});

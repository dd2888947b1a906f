/**
 * `npm run report`: the period report (问题汇总报告) of a month or a quarter, computed from the
 * database as GET /api/metrics/period-report computes it, rendered by the same renderer as the
 * page /insights/report (core/reports/period-report-html.ts), then printed to PDF through
 * Chromium (scripts/lib/chromium.ts) or, when Chromium is missing, written as HTML.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { catchUpRollups } from '../../../api/db/queries/rollups.ts';
import type { Db } from '../../../api/db/index.ts';
import type { ArticleCatalog } from '../../../api/lib/catalog/catalog.ts';
import { metricEnv } from '../../../api/metrics/env.ts';
import { periodReport } from '../../../api/metrics/period-report.ts';
import type { MetricSettings } from '../../../api/metrics/types.ts';
import type { Lang } from '../../../core/content/article.ts';
import type { TopicTree } from '../../../core/content/topics.ts';
import { periodReportQuerySchema } from '../../../core/contracts/period-report.ts';
import { periodReportDocument } from '../../../core/reports/period-report-html.ts';
import { CHROMIUM_PATH, launchChromium } from '../chromium.ts';
import { UsageError } from '../cli/usage.ts';

export interface ReportOptions {
  period: string;
  lang: Lang;
  tz?: string | undefined;
  out: string;
  /** Another Chromium than CHROMIUM_PATH; '' = none (write HTML). */
  chromiumPath?: string | undefined;
}

/** What was written: a PDF, or HTML when Chromium is not installed. */
export interface ReportWritten {
  format: 'pdf' | 'html';
  file: string;
}

/** Computes the report and writes it to `options.out` (a .pdf becomes .html when Chromium is missing). */
export async function writePeriodReport(
  deps: { db: Db; catalog: ArticleCatalog; topics?: TopicTree | undefined; now?: () => Date; metricSettings?: Partial<MetricSettings> },
  options: ReportOptions,
): Promise<ReportWritten> {
  const parsed = periodReportQuerySchema.safeParse({ period: options.period, tz: options.tz });
  if (!parsed.success) throw new UsageError(`--period must be a month (2026-11) or a quarter (2026-Q4), got "${options.period}"`);
  await catchUpRollups(deps.db);
  const env = metricEnv(deps);
  const report = await periodReport(env, parsed.data);
  const html = periodReportDocument(report, options.lang);
  const chromium = options.chromiumPath ?? CHROMIUM_PATH;
  if (!chromium || !existsSync(chromium)) {
    const file = options.out.replace(/\.pdf$/i, '.html');
    writeFileSync(file, html);
    return { format: 'html', file };
  }
  const browser = await launchChromium({ executablePath: chromium });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' },
    });
    writeFileSync(options.out, pdf);
    return { format: 'pdf', file: options.out };
  } finally {
    await browser.close();
  }
}

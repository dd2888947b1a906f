/**
 * `npm run report -- --period 2026-11 [--lang zh-CN] [--tz Asia/Shanghai] --out report.pdf`:
 * the period report (问题汇总报告) of a month or a quarter, printed to PDF through Chromium, or
 * written as HTML when Chromium is not installed (scripts/lib/report/period-report.ts).
 */
import { parseArgs } from 'node:util';
import { databaseOptions, migrate, openDatabase } from '../api/db/index.ts';
import { loadCatalog } from '../api/lib/catalog/catalog.ts';
import { cliConfig } from '../core/config/cli.ts';
import { loadTopicTree } from '../core/content/topics.ts';
import { runCli } from './lib/cli/run.ts';
import { UsageError } from './lib/cli/usage.ts';
import { writePeriodReport } from './lib/report/period-report.ts';

const HELP = `Usage: npm run report -- --period <YYYY-MM | YYYY-Qn> [--lang zh-CN|en] [--tz <IANA zone>] --out <file.pdf>

Prints the period report (问题汇总报告) of a month or a quarter, as /insights/report shows it, to a
PDF through Chromium (CHROMIUM_PATH, default /usr/bin/chromium); without Chromium it writes the
same report as HTML (file.html). Database: DATABASE_URL (PostgreSQL), else KB_DB; articles from
the build (KB_OUT_DIR), topics from KB_CONTENT_DIR.`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      period: { type: 'string' },
      lang: { type: 'string' },
      tz: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (!values.period) throw new UsageError('--period is required (2026-11 or 2026-Q4)');
  const lang = values.lang ?? 'zh-CN';
  if (lang !== 'zh-CN' && lang !== 'en') throw new UsageError(`--lang must be zh-CN or en, got "${lang}"`);
  const config = cliConfig();
  const { db } = openDatabase(databaseOptions(config));
  try {
    await migrate(db);
    const written = await writePeriodReport(
      { db, catalog: loadCatalog(config.outDir), topics: loadTopicTree(config.contentDir) },
      { period: values.period, lang, tz: values.tz, out: values.out ?? `report-${values.period}.pdf` },
    );
    console.log(`${written.format === 'pdf' ? 'PDF' : 'HTML (Chromium not found)'} written: ${written.file}`);
    return 0;
  } finally {
    await db.destroy();
  }
}

runCli('report', main);

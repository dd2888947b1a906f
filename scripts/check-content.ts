/**
 * `npm run check:content [-- --format text|github|json]`: checks every article of the
 * content folder (KB_CONTENT_DIR, default content/) and exits 1 on any error. Thin over
 * scripts/lib/check/.
 */
import { parseArgs } from 'node:util';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDirFrom } from './lib/import/cli.ts';
import { checkContent, PUBLIC_CONTACTS_FILE } from './lib/check/check.ts';
import { FORMATS, formatReport, summaryLine, type ReportFormat } from './lib/check/report.ts';

const HELP = `Usage: npm run check:content [-- --format text|github|json] [--dir <content folder>] [--today YYYY-MM-DD]

Checks every article in KB_CONTENT_DIR (default content/): frontmatter against the shared
schema and topics.yaml, ticket ids, internal links and images, translation groups (same type
and topic), overdue reviews (warnings), personal data in non-internal articles, and MDX safety
(no import/export, <script>, on*= handlers, javascript: URLs, or components other than those
the article page provides). The organisation's own published contacts, listed one per line in
<content>/${PUBLIC_CONTACTS_FILE}, are not personal data.

  --format text     one line per finding (default)
  --format github   ::error / ::warning annotations for GitHub Actions
  --format json     a JSON report
Exit status: 0 when there are no errors (warnings allowed), 1 on errors, 2 on a usage mistake.`;

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        format: { type: 'string', default: 'text' },
        dir: { type: 'string' },
        today: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`check:content: ${(error as Error).message}\nRun with --help for the options.`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (!(FORMATS as readonly string[]).includes(values.format)) {
    console.error(`check:content: --format: expected one of ${FORMATS.join(', ')}, got "${values.format}"`);
    return 2;
  }
  const today = values.today ? new Date(`${values.today}T00:00:00Z`) : new Date();
  if (Number.isNaN(today.getTime())) {
    console.error(`check:content: --today: expected YYYY-MM-DD, got "${values.today}"`);
    return 2;
  }
  const contentDir = contentDirFrom(values.dir);
  const format = values.format as ReportFormat;
  if (format === 'text') console.error(`Checking ${contentDir}…`);
  const report = checkContent(contentDir, { today, publicDir: fileURLToPath(new URL('../site/public', import.meta.url)) });
  // Annotations need paths from the repository root, where the workflow runs.
  console.log(formatReport(report, format, relative(process.cwd(), contentDir)));
  if (format === 'json') console.error(summaryLine(report));
  return report.errors > 0 ? 1 : 0;
}

process.exitCode = main();

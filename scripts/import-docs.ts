/**
 * `npm run import:docs -- <folder> --lang <zh-CN|en> [options]`: imports a folder of
 * Markdown/MDX pages as articles. The work is done by scripts/lib/import/docs-importer.ts.
 */
import { parseArgs } from 'node:util';
import {
  IMPORT_OPTIONS,
  contentDirFrom,
  parseLang,
  parseOwner,
  parseTopic,
  parseType,
  printOutcome,
  todayIso,
  writeReport,
} from './lib/import/cli.ts';
import { UsageError } from './lib/cli/usage.ts';
import { runCli } from './lib/cli/run.ts';
import { importDocs } from './lib/import/docs-importer.ts';
import { ImportError, summarize } from './lib/import/report.ts';

const HELP = `Usage: npm run import:docs -- <folder> --lang <zh-CN|en> [options]

Imports every .md/.mdx page below <folder> as a plain Markdown article. The slug is the
page's path without extension, "/" replaced by "-" (guides/deploy/github.mdx ->
<lang>/guides-deploy-github). Hand-written articles are never overwritten.

Options:
  --lang <zh-CN|en>     language of the pages (required)
  --type <type>         faq, manual, solution or training (default: manual)
  --topic <id>          topic of every article (default: imported; added to topics.yaml if missing)
  --out <dir>           content folder to write to (default: $KB_CONTENT_DIR or content/)
  --owner <name>        owner of the articles (default: Imported)
  --source <text>       provenance and licence, followed by each file's path in "source"
                        (default: "Astro docs (withastro/docs, MIT)")
  --site <origin>       the pages' own site, for links to pages not imported
                        (default: https://docs.astro.build)
  --report <file.json>  also write the full per-file report as JSON
  -h, --help            show this help`;

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...IMPORT_OPTIONS,
      source: { type: 'string', default: 'Astro docs (withastro/docs, MIT)' },
      site: { type: 'string', default: 'https://docs.astro.build' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`expected one <folder>, got ${positionals.length ? positionals.join(' ') : 'none'}`);
  if (!/^https?:\/\/[^/]+$/.test(values.site.replace(/\/$/, '')))
    throw new UsageError(`--site: expected an origin such as https://docs.astro.build, got "${values.site}"`);
  const contentDir = contentDirFrom(values.out);
  const report = importDocs({
    folder: positionals[0]!,
    lang: parseLang(values.lang),
    contentDir,
    type: parseType(values.type, 'manual'),
    topic: parseTopic(values.topic, 'imported'),
    owner: parseOwner(values.owner),
    sourceLabel: values.source,
    siteBase: values.site,
    today: todayIso(),
    onProgress: (done, total) => {
      if (done % 100 === 0 || done === total) console.log(`converted ${done}/${total}`);
    },
  });
  const summary = summarize(report.files);
  const problems = report.files.flatMap((f) =>
    f.status === 'invalid'
      ? f.problems.map((p) => `${f.origin}: ${p}`)
      : f.status === 'kept-hand-written'
        ? [`${f.origin}: ${f.problems.join('; ')}`]
        : [],
  );
  if (report.topic.added) console.log(`added topic "${report.topic.id}" to ${contentDir}/topics.yaml`);
  printOutcome(problems, summary, contentDir);
  if (values.report) writeReport(values.report, { folder: positionals[0], contentDir, summary, ...report });
  return summary.articles.invalid > 0 ? 1 : 0;
}

runCli('import:docs', main, (error) =>
  error instanceof ImportError || error.name === 'TopicTreeError' ? { message: error.message, exitCode: 1 } : undefined,
);

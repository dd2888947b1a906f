/**
 * `npm run import:faq -- <file.jsonl|csv> --lang <zh-CN|en> [options]`: imports
 * question/answer pairs as FAQ articles. The work is done by scripts/lib/import/faq-importer.ts.
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
import { importFaq } from './lib/import/faq-importer.ts';
import { ImportError, summarize } from './lib/import/report.ts';

const HELP = `Usage: npm run import:faq -- <file.jsonl|file.csv> --lang <zh-CN|en> [options]

Imports question/answer pairs as FAQ articles, one per thread (rows sharing a thread_id),
answers in file order. The slug is faq-<thread id in lower case> (thread T000 -> <lang>/faq-t000).
JSONL rows: {"thread_id", "question", "answer"}; CSV: a header row with question and answer
columns, optionally thread_id or id. Bad rows are reported by line and skipped.
Hand-written articles are never overwritten.

Options:
  --lang <zh-CN|en>     language of the questions and answers (required)
  --type <type>         faq, manual, solution or training (default: faq)
  --topic <id>          topic of every article (default: faq; added to topics.yaml if missing)
  --out <dir>           content folder to write to (default: $KB_CONTENT_DIR or content/)
  --owner <name>        owner of the articles (default: Imported)
  --source <text>       provenance and licence, followed by file and thread in "source"
                        (default: "StackFAQ (Stack Exchange, CC BY-SA)")
  --report <file.json>  also write the full report as JSON
  -h, --help            show this help`;

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...IMPORT_OPTIONS,
      source: { type: 'string', default: 'StackFAQ (Stack Exchange, CC BY-SA)' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError(`expected one <file.jsonl|csv>, got ${positionals.length ? positionals.join(' ') : 'none'}`);
  const contentDir = contentDirFrom(values.out);
  const report = importFaq({
    file: positionals[0]!,
    lang: parseLang(values.lang),
    contentDir,
    type: parseType(values.type, 'faq'),
    topic: parseTopic(values.topic, 'faq'),
    owner: parseOwner(values.owner),
    sourceLabel: values.source,
    today: todayIso(),
  });
  const summary = summarize(report.files, report.badRows.length);
  const problems = [
    ...report.badRows.map((row) => `${positionals[0]}:${row.line}: skipped: ${row.message}`),
    ...report.files.flatMap((f) =>
      f.status === 'invalid' || f.status === 'kept-hand-written' ? [`${f.origin}: ${f.problems.join('; ')}`] : [],
    ),
  ];
  if (report.topic.added) console.log(`added topic "${report.topic.id}" to ${contentDir}/topics.yaml`);
  printOutcome(problems, summary, contentDir);
  if (values.report) writeReport(values.report, { file: positionals[0], contentDir, summary, ...report });
  return summary.articles.invalid > 0 || report.badRows.length > 0 ? 1 : 0;
}

runCli('import:faq', main, (error) =>
  error instanceof ImportError || error.name === 'TopicTreeError' ? { message: error.message, exitCode: 1 } : undefined,
);

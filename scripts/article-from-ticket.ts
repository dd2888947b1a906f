/**
 * `npm run article:from-ticket -- <ticket-id> [options]`: drafts a KCS article from a resolved
 * ticket (state wip), with personal data redacted. Thin over core/drafting/ and scripts/lib/draft/.
 */
import { parseArgs } from 'node:util';
import { relative } from 'node:path';
import { databaseName, databaseOptions, migrate, openDatabase } from '../api/db/index.ts';
import { TICKET_SOURCES } from '../core/tickets/ticket.ts';
import { TopicTreeError } from '../core/content/topics.ts';
import { cliConfig } from '../core/config/cli.ts';
import { DEFAULT_CONTENT_DIR, DEFAULT_DB_FILE } from '../core/config/defaults.ts';
import { contentDirFrom, parseLang, parseType } from './lib/import/cli.ts';
import { isUsageError, UsageError } from './lib/cli/usage.ts';
import { DraftError } from '../core/drafting/draft.ts';
import { articleFromTicket } from './lib/draft/run.ts';

const HELP = `Usage: npm run article:from-ticket -- <ticket-id> [options]

Drafts content/articles/<lang>/<slug>.mdx from a ticket in the database (DATABASE_URL, else
KB_DB, default ${DEFAULT_DB_FILE}), as state: wip with tickets: [<id>], a KCS skeleton (Issue, Environment,
Resolution, Cause) filled from the ticket, and personal data replaced by placeholders.
It never overwrites an existing article.

Options:
  --type <faq|manual|solution|training>  article type (default solution)
  --lang <zh-CN|en>                      language (default: the ticket's, else zh-CN)
  --slug <kebab-case>                    file name (default: from the subject, or ticket-<id>)
  --source <${TICKET_SOURCES.join('|')}>  needed when the id exists in several sources
  --topic <topic-id>                     needed when the ticket's topic is not in topics.yaml
  --owner "<team · name>"                who keeps it current (default: the ticket's agent)
  -h, --help                             this help

Content folder: KB_CONTENT_DIR (default ${DEFAULT_CONTENT_DIR}/).`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      type: { type: 'string' },
      lang: { type: 'string' },
      slug: { type: 'string' },
      source: { type: 'string' },
      topic: { type: 'string' },
      owner: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const [ticketId, ...extra] = positionals;
  if (!ticketId || extra.length)
    throw new UsageError(ticketId ? `one ticket id at a time (got ${positionals.join(', ')})` : 'name the ticket id');
  if (values.source !== undefined && !(TICKET_SOURCES as readonly string[]).includes(values.source))
    throw new UsageError(`--source: expected one of ${TICKET_SOURCES.join(', ')}, got "${values.source}"`);
  const type = parseType(values.type, 'solution');
  const lang = values.lang === undefined ? undefined : parseLang(values.lang);
  const contentDir = contentDirFrom(undefined);
  const database = databaseOptions(cliConfig());
  const dbFile = databaseName(database);

  console.log(`Reading ticket ${ticketId} from ${dbFile}…`);
  const { db } = openDatabase(database);
  try {
    await migrate(db);
    const { draft, path } = await articleFromTicket(db, {
      ticketId,
      source: values.source,
      type,
      lang,
      slug: values.slug,
      topic: values.topic,
      owner: values.owner,
      contentDir,
    });
    for (const r of draft.redactions) console.log(`  redacted ${r.kind} as ${r.placeholder} (${r.field}, line ${r.line})`);
    const shown = relative(process.cwd(), path);
    console.log(
      `Wrote ${shown.startsWith('..') ? path : shown} (state: wip, ${draft.redactions.length} value(s) redacted). Next: edit it, set state: not-validated, run npm run check:content.`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    if (isUsageError(error)) {
      console.error(`article:from-ticket: ${error.message}\nRun with --help for the options.`);
      process.exit(2);
    }
    const known = error instanceof DraftError || error instanceof TopicTreeError;
    console.error(`article:from-ticket: ${known ? error.message : (error.stack ?? error.message)}`);
    process.exit(1);
  },
);

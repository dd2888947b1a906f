/**
 * Command-line options of `npm run eval:search`, validated once at the edge.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { CHROMIUM_PATH } from '../chromium.ts';

/** The engines the command can measure. */
export const ENGINES = ['pagefind', 'suggest'] as const;

export const HELP = `Measures search quality against judged queries.

Usage:
  npm run eval:search -- --engine pagefind --site <dist folder | http URL> --queries <file> [--queries <file2>] [options]
  npm run eval:search -- --engine suggest  --api <http URL>                --queries <file> [options]

Options:
  --engine <name>     pagefind (the site's search page in Chromium) or suggest (GET /api/suggest)
  --site <dir|url>    built site folder (served on 127.0.0.1) or base URL of a running site  [pagefind]
  --api <url>         base URL of the API                                                    [suggest]
  --queries <file>    JSONL query file; repeat for several. Lines are either
                        {"lang":"zh-CN","text":"...","expected":["zh-CN/<slug>"]}  or
                        StackFAQ {"query_id":"T000-Q0","text":"...","thread_id":"T000"} (→ en/faq-t000)
  --k <n>             cut-off for recall@k (default 5)
  --timeout <s>       seconds to wait for one search (default 15)
  --chromium <path>   Chromium binary (default /usr/bin/chromium or $CHROMIUM_PATH)
  --json              print the report as JSON on stdout (progress goes to stderr)
  --verbose           list every miss with what was returned instead
  -h, --help          show this help

Metrics: recall@k = share of queries with an expected article in the first k results;
MRR = mean of 1/rank of the first expected article (0 when it is not returned).`;

/** Validated options. */
export const cliOptionsSchema = z
  .object({
    /** Which engine to measure. */
    engine: z.enum(ENGINES, { errorMap: () => ({ message: `must be one of ${ENGINES.join(', ')}` }) }),
    /** Site folder or URL, for `pagefind`. */
    site: z.string().min(1).max(2000).optional(),
    /** API base URL, for `suggest`. */
    api: z.string().url('must be an http(s) URL').max(2000).optional(),
    /** Query files, at least one. */
    queries: z.array(z.string().min(1).max(2000)).min(1, 'give at least one --queries <file>'),
    /** Cut-off for recall@k. */
    k: z.coerce.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').min(1).max(100).default(5),
    /** Seconds to wait for one search. */
    timeout: z.coerce.number({ invalid_type_error: 'must be a number of seconds' }).positive().max(300).default(15),
    /** Chromium binary. */
    chromium: z.string().min(1).max(2000).default(CHROMIUM_PATH),
    json: z.boolean().default(false),
    verbose: z.boolean().default(false),
  })
  .superRefine((o, ctx) => {
    if (o.engine === 'pagefind' && !o.site) ctx.addIssue({ code: 'custom', path: ['site'], message: 'is required with --engine pagefind' });
    if (o.engine === 'suggest' && !o.api) ctx.addIssue({ code: 'custom', path: ['api'], message: 'is required with --engine suggest' });
  });
export type CliOptions = z.infer<typeof cliOptionsSchema>;

const ARG_OPTIONS = {
  engine: { type: 'string' },
  site: { type: 'string' },
  api: { type: 'string' },
  queries: { type: 'string', multiple: true },
  k: { type: 'string' },
  timeout: { type: 'string' },
  chromium: { type: 'string' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function readArgs(argv: string[]) {
  try {
    return parseArgs({ args: argv, strict: true, allowPositionals: false, options: ARG_OPTIONS }).values;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n(run with --help for usage)`);
  }
}

/** `help` when --help was asked for, else the validated options; throws with a readable message. */
export function parseCliOptions(argv: string[]): CliOptions | 'help' {
  const values = readArgs(argv);
  if (values.help) return 'help';
  const parsed = cliOptionsSchema.safeParse({ ...values, queries: values.queries ?? [] });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `--${i.path.join('.') || '?'}: ${i.message}`);
    throw new Error(`${problems.join('\n')}\n(run with --help for usage)`);
  }
  return parsed.data;
}

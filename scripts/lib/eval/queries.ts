/**
 * Query files for the search evaluation: JSONL, one judged query per line, in either
 * the help center's own format or the StackFAQ format (mapped to English FAQ articles).
 * A file with any bad line is rejected whole: scores on partial input would mislead.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { articleIdSchema, langSchema, type Lang } from '../../../core/content/article.ts';

/** A judged query in the help center's own format. */
export const evalQuerySchema = z
  .object({
    /** The language the customer searches in; picks the `/<lang>/search/` page. */
    lang: langSchema,
    /** What the customer types, verbatim. */
    text: z.string().trim().min(1, 'must not be empty').max(500),
    /** Article ids (`<lang>/<slug>`) that answer the query; any one counts as a hit. */
    expected: z.array(articleIdSchema).min(1, 'must list at least one article id').max(20),
  })
  .strict()
  .refine((q) => q.expected.every((id) => id.startsWith(`${q.lang}/`)), {
    message: 'every expected id must be in the query language (the search page only shows that language)',
    path: ['expected'],
  });

/** A query no article answers: the right answer is no result at all (issue 15). */
export const unanswerableQuerySchema = z
  .object({
    lang: langSchema,
    text: z.string().trim().min(1, 'must not be empty').max(500),
    /** Always true: said explicitly, so a forgotten `expected` is an error, not an unanswerable question. */
    unanswerable: z.literal(true),
  })
  .strict();

/** A query as written in /work/shared/data/stackfaq/queries-dev.jsonl. */
export const stackFaqQuerySchema = z
  .object({
    /** The dataset's query id, e.g. `T000-Q0`. */
    query_id: z.string().min(1).max(64),
    /** The paraphrased question. */
    text: z.string().trim().min(1, 'must not be empty').max(500),
    /** The thread that answers it, e.g. `T000`; imported as article `en/faq-t000`. */
    thread_id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a thread id such as T000'),
  })
  .strict();

/** A query ready to run, whatever file format it came from. */
export interface EvalQuery {
  lang: Lang;
  text: string;
  /** Empty for a question no article answers. */
  expected: string[];
  /** Where it came from, `file:line`, to point at it in reports. */
  source: string;
}

/** One rejected line. */
export interface QueryLineProblem {
  line: number;
  message: string;
}

/** Thrown when a query file has bad lines; `problems` lists every one of them. */
export class QueryFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: QueryLineProblem[],
  ) {
    const shown = problems.slice(0, 20).map((p) => `  line ${p.line}: ${p.message}`);
    const more = problems.length > 20 ? [`  … and ${problems.length - 20} more`] : [];
    super([`${file}: ${problems.length} bad line(s)`, ...shown, ...more].join('\n'));
    this.name = 'QueryFileError';
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(line)'}: ${issue.message}`).join('; ');
}

/** Turns one parsed JSON value into a query, or explains why it cannot. */
function toEvalQuery(value: unknown, source: string): EvalQuery | string {
  const isStackFaq = typeof value === 'object' && value !== null && 'thread_id' in value;
  if (isStackFaq) {
    const parsed = stackFaqQuerySchema.safeParse(value);
    if (!parsed.success) return `StackFAQ query: ${describeIssues(parsed.error)}`;
    const { text, thread_id } = parsed.data;
    return { lang: 'en', text, expected: [`en/faq-${thread_id.toLowerCase()}`], source };
  }
  if (typeof value === 'object' && value !== null && 'unanswerable' in value) {
    const parsed = unanswerableQuerySchema.safeParse(value);
    if (!parsed.success) return `unanswerable query: ${describeIssues(parsed.error)}`;
    return { lang: parsed.data.lang, text: parsed.data.text, expected: [], source };
  }
  const parsed = evalQuerySchema.safeParse(value);
  if (!parsed.success) return describeIssues(parsed.error);
  return { ...parsed.data, source };
}

/**
 * Parses JSONL text into queries. Blank lines are skipped; any other bad line is
 * collected, and if there is one the whole file is rejected with a {@link QueryFileError}.
 */
export function parseQueryLines(text: string, file: string): EvalQuery[] {
  const queries: EvalQuery[] = [];
  const problems: QueryLineProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      problems.push({ line, message: `not valid JSON (${(error as Error).message})` });
      return;
    }
    const result = toEvalQuery(value, `${file}:${line}`);
    if (typeof result === 'string') problems.push({ line, message: result });
    else queries.push(result);
  });
  if (problems.length > 0) throw new QueryFileError(file, problems);
  if (queries.length === 0) throw new QueryFileError(file, [{ line: 1, message: 'the file holds no queries' }]);
  return queries;
}

/** Reads and parses one query file (see {@link parseQueryLines}). */
export async function readQueryFile(file: string): Promise<EvalQuery[]> {
  return parseQueryLines(await readFile(file, 'utf8'), file);
}

/**
 * Imports question/answer pairs (for example the StackFAQ data set) as FAQ articles: one
 * article per thread, its answers in file order, with the Stack Exchange attribution the
 * CC BY-SA licence asks for.
 */
import { basename } from 'node:path';
import type { Lang } from '../../../core/content/article.ts';
import { readFaqRows, type FaqRow, type RowProblem } from './faq-rows.ts';
import { slugify } from '../../../core/text/slug.ts';
import { truncateAtBoundary } from './text.ts';
import { ensureTopic } from './topics-file.ts';
import { writeArticles, type ArticleDraft, type ImportTarget, type WriteResult } from './write-articles.ts';

/** What to import; where to and the fixed frontmatter are the ImportTarget. */
export interface FaqImportOptions extends ImportTarget {
  /** A `.jsonl` or `.csv` file. */
  file: string;
}

/** What each thread became, and the input rows skipped. */
export interface FaqImportReport {
  files: WriteResult[];
  /** Input rows that were skipped, by line. */
  badRows: RowProblem[];
  topic: { id: string; added: boolean; createdFolder: boolean };
}

const WORDS: Record<Lang, { answer: string; attribution: (thread: string) => string }> = {
  en: {
    answer: 'Answer',
    attribution: (thread) =>
      `*Question and answers by Stack Exchange users (StackFAQ thread ${thread}), licensed under [CC BY-SA](https://stackoverflow.com/help/licensing).*`,
  },
  'zh-CN': {
    answer: '回答',
    attribution: (thread) =>
      `*问题与回答来自 Stack Exchange 用户（StackFAQ 线程 ${thread}），采用 [CC BY-SA](https://stackoverflow.com/help/licensing) 许可。*`,
  },
};

/**
 * Answer text as Markdown. The answers are flattened text that quotes HTML (`<del>`,
 * `<groupname>`); a `.md` page would render such tags, so `<` before a tag name is escaped,
 * as is a leading `#`, `>`, list or fence marker that would turn the text into a block.
 */
export function answerToMarkdown(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .trim()
        .replace(/<(?=[A-Za-z/!?])/g, '&lt;')
        .replace(/^([#>+*=|`~-])/, '\\$1')
        .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2'),
    )
    .join('\n');
}

/** Groups rows by thread, threads in order of their first row, answers in file order. */
export function groupThreads(rows: readonly FaqRow[]): Map<string, FaqRow[]> {
  const threads = new Map<string, FaqRow[]>();
  for (const row of rows) {
    const thread = threads.get(row.threadId);
    if (thread) thread.push(row);
    else threads.set(row.threadId, [row]);
  }
  return threads;
}

/** The article slug for a thread: `faq-<thread id in lower case>`. */
export function faqSlug(threadId: string): string {
  return `faq-${slugify(threadId) || 'thread'}`;
}

/** Reads the file, then writes one article per thread. Throws ImportError before writing when the file is unusable. */
export function importFaq(options: FaqImportOptions): FaqImportReport {
  const { rows, problems } = readFaqRows(options.file);
  const words = WORDS[options.lang];
  const drafts: ArticleDraft[] = [...groupThreads(rows)].map(([threadId, answers]) => {
    const sections = answers.map((row, i) => `## ${words.answer} ${i + 1}\n\n${answerToMarkdown(row.answer)}`);
    const slug = faqSlug(threadId);
    return {
      origin: `thread ${threadId} (line ${answers[0]!.line})`,
      slug,
      body: [...sections, '---', words.attribution(threadId)].join('\n\n'),
      frontmatter: {
        title: truncateAtBoundary(answers[0]!.question, 200),
        summary: truncateAtBoundary(answers[0]!.answer, 500),
        type: options.type,
        topic: options.topic,
        state: 'validated',
        audience: 'public',
        translationKey: slug,
        owner: options.owner,
        source: `${options.sourceLabel} ${basename(options.file)} thread ${threadId}`,
      },
    };
  });
  const ensured = ensureTopic(options.contentDir, options.topic);
  const files = writeArticles(drafts, {
    contentDir: options.contentDir,
    lang: options.lang,
    today: options.today,
    topicIds: ensured.tree.ids,
  });
  return { files, badRows: problems, topic: { id: options.topic, added: ensured.addedTopic, createdFolder: ensured.createdFolder } };
}

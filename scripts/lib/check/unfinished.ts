/**
 * A published article must be finished (issue 17): the skeleton `article:from-ticket` writes
 * leaves visible to-dos ("待补充", "To do:") and redaction placeholders ([PHONE_1]), and a
 * `wip` draft may keep them, but once the state says customers can read it, none may remain.
 * The summary, shown in lists and search results, must be a sentence (docs/design.md §1).
 */
import type { LoadedArticle } from '../../../core/content/loader.ts';
import { PERSONAL_DATA_KINDS } from '../../../core/text/redact.ts';
import { fieldLine, type CheckFinding } from './findings.ts';

const PUBLISHED = new Set(['not-validated', 'validated']);

/** The to-do markers of core/drafting/skeleton.ts, and any `TODO:` an author leaves. */
const TODO_MARKERS = /待补充|(?<![A-Za-z])To do:|\bTODO\b/;
const REDACTION_TOKEN = new RegExp(`\\[(?:${PERSONAL_DATA_KINDS.map((k) => k.toUpperCase()).join('|')})_\\d+\\]`);
/** Ends like a sentence: a full stop, question or exclamation mark, optionally inside quotes or brackets. */
const SENTENCE_END = /[.!?。！？…][”"'’」』)）]*$/;

/** Placeholders left in a published article, each at its line, and a summary that is no sentence. */
export function checkUnfinished(article: LoadedArticle, fileText: string): CheckFinding[] {
  if (!PUBLISHED.has(article.data.state)) return [];
  const found: CheckFinding[] = [];
  const state = article.data.state;
  fileText.split('\n').forEach((text, i) => {
    const todo = TODO_MARKERS.exec(text);
    if (todo)
      found.push({
        file: article.file,
        line: i + 1,
        severity: 'error',
        rule: 'unfinished',
        message: `draft placeholder "${todo[0]}" in a ${state} article: write the missing text, or set state: wip until it is done`,
      });
    const token = REDACTION_TOKEN.exec(text);
    if (token)
      found.push({
        file: article.file,
        line: i + 1,
        severity: 'error',
        rule: 'unfinished',
        message: `redaction placeholder ${token[0]} in a ${state} article: reword the sentence without it, or use an example value (RFC 2606 domains, 203.0.113.x)`,
      });
  });
  const summary = article.data.summary.trim();
  if (!TODO_MARKERS.test(summary) && (!SENTENCE_END.test(summary) || summary.length < 8))
    found.push({
      file: article.file,
      line: fieldLine(fileText, 'summary'),
      severity: 'error',
      rule: 'summary-sentence',
      message: 'summary: write the answer as one or two full sentences, ending with a full stop (it is shown in search results)',
    });
  return found;
}

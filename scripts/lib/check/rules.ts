/**
 * Rules across and about whole articles: translation groups agree, reviews are not overdue,
 * ticket ids are listed once, and public articles hold no personal data.
 */
import { findPersonalData } from '../../../core/text/redact.ts';
import type { LoadedArticle } from '../../../core/content/loader.ts';
import type { CheckFinding } from './findings.ts';

const DAY_MS = 86_400_000;

/** Language versions of one article (same translationKey) should share type and topic. */
export function checkTranslations(articles: LoadedArticle[]): CheckFinding[] {
  const groups = new Map<string, LoadedArticle[]>();
  for (const a of articles) groups.set(a.data.translationKey, [...(groups.get(a.data.translationKey) ?? []), a]);
  const found: CheckFinding[] = [];
  for (const [key, group] of groups) {
    const [first, ...rest] = group;
    for (const other of rest) {
      for (const field of ['type', 'topic'] as const) {
        if (other.data[field] !== first!.data[field]) {
          found.push({
            file: other.file,
            severity: 'warning',
            rule: 'translation-mismatch',
            message: `translationKey "${key}": ${field} is "${other.data[field]}" here but "${first!.data[field]}" in ${first!.file}`,
          });
        }
      }
    }
  }
  return found;
}

/** Published articles past `reviewed + reviewEvery` days are flagged for their owner. */
export function checkReview(article: LoadedArticle, today: Date): CheckFinding[] {
  if (article.data.state === 'archived' || article.data.state === 'wip') return [];
  const due = article.data.reviewed.getTime() + article.data.reviewEvery * DAY_MS;
  if (due >= today.getTime()) return [];
  const days = Math.floor((today.getTime() - due) / DAY_MS);
  const dueDay = new Date(due).toISOString().slice(0, 10);
  return [
    {
      file: article.file,
      severity: 'warning',
      rule: 'review-overdue',
      message: `review overdue since ${dueDay} (${days} days; owner: ${article.data.owner})`,
    },
  ];
}

/** The schema checks each id's form; listing one twice is a copy-paste slip. */
export function checkTickets(article: LoadedArticle): CheckFinding[] {
  const seen = new Set<string>();
  const found: CheckFinding[] = [];
  for (const id of article.data.tickets) {
    if (seen.has(id)) found.push({ file: article.file, severity: 'error', rule: 'ticket-id', message: `tickets: "${id}" is listed twice` });
    seen.add(id);
  }
  return found;
}

/**
 * Personal data in an article readers outside the team can see: an error at its line. The
 * value is not printed (the report may end up in a public CI log); the kind and line suffice.
 */
export function checkPersonalData(article: LoadedArticle, fileText: string, allow: readonly string[]): CheckFinding[] {
  if (article.data.audience === 'internal') return [];
  // Every line, code blocks included: a pasted log is where customer data usually hides.
  return findPersonalData(fileText, { allow }).map((f) => ({
    file: article.file,
    line: f.line,
    severity: 'error' as const,
    rule: 'personal-data',
    message: `personal data (${f.kind}): remove it or replace it with an example value (RFC 2606 domains, 203.0.113.x)`,
  }));
}

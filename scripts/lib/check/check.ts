/**
 * `check:content` as a function: loads a content folder with the build's own loader (schema,
 * topics, duplicate ids) and adds the rules the build does not enforce. Returns findings;
 * printing and exit codes are the command's business.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listArticleFiles, loadContent } from '../../../core/content/loader.ts';
import { fieldLine, proseLines, type CheckFinding } from './findings.ts';
import { checkLinks } from './links.ts';
import { checkMdxSafety } from './mdx-safety.ts';
import { checkPersonalData, checkReview, checkTickets, checkTranslations } from './rules.ts';
import { checkUnfinished } from './unfinished.ts';
import { checkSynonyms } from './synonyms.ts';

/** `<contentDir>/public-contacts.txt`: the organisation's own published addresses and numbers. */
export const PUBLIC_CONTACTS_FILE = 'public-contacts.txt';

const RULE_FIELDS: Record<string, string> = {
  'review-overdue': 'reviewed',
  'ticket-id': 'tickets',
  'translation-mismatch': 'translationKey',
};

export interface CheckOptions {
  /** Astro's publicDir, for absolute image paths. */
  publicDir: string;
  /** The day reviews are measured against. */
  today: Date;
}

export interface CheckReport {
  contentDir: string;
  articles: number;
  errors: number;
  warnings: number;
  findings: CheckFinding[];
}

/** Values written one per line (`#` starts a comment); they are public on purpose, not personal data. */
export function readPublicContacts(contentDir: string): string[] {
  const file = join(contentDir, PUBLIC_CONTACTS_FILE);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
}

/** Checks every article of a content folder. */
export function checkContent(contentDir: string, options: CheckOptions): CheckReport {
  const loaded = loadContent(contentDir);
  const texts = new Map<string, string>();
  const text = (file: string) => {
    if (!texts.has(file)) texts.set(file, readFileSync(join(contentDir, file), 'utf8'));
    return texts.get(file)!;
  };
  const findings: CheckFinding[] = loaded.problems.map((p) => ({
    file: p.file,
    line: p.file === 'topics.yaml' ? undefined : fieldLine(text(p.file), p.field),
    severity: p.severity,
    rule: p.field ? 'schema' : 'content',
    message: p.field ? `${p.field}: ${p.message}` : p.message,
  }));
  const allow = readPublicContacts(contentDir);
  const ctx = {
    contentDir,
    publicDir: options.publicDir,
    articles: new Map(loaded.articles.map((a) => [a.id, a])),
    topicIds: loaded.topics?.ids ?? new Set<string>(),
  };
  for (const article of loaded.articles) {
    const lines = proseLines(article.body, article.bodyLine);
    findings.push(
      ...checkMdxSafety(article.file, lines, article.file.endsWith('.mdx')),
      ...checkLinks(article, lines, ctx),
      ...checkTickets(article),
      ...checkReview(article, options.today),
      ...checkPersonalData(article, text(article.file), allow),
      ...checkUnfinished(article, text(article.file)),
    );
  }
  findings.push(...checkTranslations(loaded.articles), ...checkSynonyms(contentDir));
  // Whole-article findings point at the frontmatter field behind them, so annotations land on a line.
  for (const f of findings)
    if (f.line === undefined && f.file !== 'topics.yaml' && RULE_FIELDS[f.rule]) f.line = fieldLine(text(f.file), RULE_FIELDS[f.rule]!);
  findings.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { contentDir, articles: listArticleFiles(contentDir).length, errors, warnings: findings.length - errors, findings };
}

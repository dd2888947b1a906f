/**
 * Writes converted articles into a content folder, the one step both importers share:
 * validate each frontmatter with the shared schema, never overwrite a hand-written article
 * (one without `source`), and leave a file untouched when its content has not changed, so
 * a repeated import produces no diff.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import {
  articleSchemaFor,
  describeIssues,
  type ArticleFrontmatterInput,
  type ArticleType,
  type Lang,
} from '../../../core/content/article.ts';
import { splitFrontmatter } from '../../../core/content/loader.ts';

/** What every importer is told: the content folder to write and the fixed frontmatter of every article. */
export interface ImportTarget {
  lang: Lang;
  /** The content folder written to (created when missing). */
  contentDir: string;
  type: ArticleType;
  topic: string;
  owner: string;
  /** Provenance and licence, put first in each article's `source` (the file, thread or path follows). */
  sourceLabel: string;
  /** Review date of new or changed articles, `YYYY-MM-DD`. */
  today: string;
}

/** An article ready to be written; `reviewed` is filled in when it is written. */
export interface ArticleDraft {
  /** Where the article came from, as the report names it (a file path, a thread id). */
  origin: string;
  slug: string;
  frontmatter: Omit<ArticleFrontmatterInput, 'reviewed'> & { source: string };
  body: string;
}

/** What happened to one draft. */
export type WriteStatus = 'written' | 'unchanged' | 'kept-hand-written' | 'invalid';

/** One draft's outcome, as the report lists it. */
export interface WriteResult {
  origin: string;
  /** `<lang>/<slug>` */
  id: string;
  /** Path relative to the content folder. */
  file: string;
  status: WriteStatus;
  /** Why an article was invalid or kept, one line each. */
  problems: string[];
}

/** Where and how to write one language's drafts. */
export interface WriteOptions {
  contentDir: string;
  lang: Lang;
  /** The review date for new or changed articles, `YYYY-MM-DD`. */
  today: string;
  /** Topic ids of the content folder's taxonomy, for validation. */
  topicIds: ReadonlySet<string>;
}

/** The file text of an article: YAML frontmatter between `---` lines, then the body. */
export function renderArticle(frontmatter: Record<string, unknown>, body: string): string {
  const yaml = stringify(frontmatter, { lineWidth: 0 });
  return `---\n${yaml}---\n\n${body.trim()}\n`;
}

/** An existing article file's frontmatter, or null when it has none or it is not YAML. */
function readFrontmatter(path: string): Record<string, unknown> | null {
  const parts = splitFrontmatter(readFileSync(path, 'utf8'));
  if (!parts) return null;
  try {
    const data: unknown = parseYaml(parts.yaml);
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Hand-written articles' translation keys in one language folder, so imports cannot clash with them. */
function handWrittenKeys(langDir: string): Map<string, string> {
  const keys = new Map<string, string>();
  if (!existsSync(langDir)) return keys;
  for (const name of readdirSync(langDir).sort()) {
    if (!/\.mdx?$/.test(name)) continue;
    const data = readFrontmatter(join(langDir, name));
    if (data && data['source'] === undefined && typeof data['translationKey'] === 'string') keys.set(data['translationKey'], name);
  }
  return keys;
}

/**
 * Validates and writes every draft to `<contentDir>/articles/<lang>/<slug>.md`.
 * Invalid drafts and drafts whose file is hand-written are reported, not written.
 */
export function writeArticles(drafts: readonly ArticleDraft[], options: WriteOptions): WriteResult[] {
  const { contentDir, lang, today } = options;
  const langDir = join(contentDir, 'articles', lang);
  const schema = articleSchemaFor(options.topicIds);
  const keysInUse = handWrittenKeys(langDir);
  const origins = new Map<string, string>();
  const results: WriteResult[] = [];

  for (const draft of drafts) {
    const target = join(langDir, `${draft.slug}.md`);
    const result: WriteResult = {
      origin: draft.origin,
      id: `${lang}/${draft.slug}`,
      file: relative(contentDir, target),
      status: 'invalid',
      problems: [],
    };
    results.push(result);
    const { source, ...fields } = draft.frontmatter;
    const frontmatter: Record<string, unknown> = { ...fields, reviewed: today, source };

    const checked = schema.safeParse(frontmatter);
    if (!checked.success) result.problems.push(...describeIssues(checked.error));
    const earlier = origins.get(draft.slug);
    if (earlier) result.problems.push(`slug "${draft.slug}" is also produced by ${earlier}`);
    origins.set(draft.slug, draft.origin);
    const clash = keysInUse.get(String(draft.frontmatter.translationKey));
    if (clash && clash !== `${draft.slug}.md` && clash !== `${draft.slug}.mdx`) {
      result.problems.push(`translationKey "${draft.frontmatter.translationKey}" is already used by hand-written ${clash}`);
    }
    if (result.problems.length) continue;

    const existing = [target, join(langDir, `${draft.slug}.mdx`)].filter((path) => existsSync(path));
    const handWritten = existing.find((path) => readFrontmatter(path)?.['source'] === undefined);
    if (handWritten) {
      result.status = 'kept-hand-written';
      result.file = relative(contentDir, handWritten);
      result.problems.push(`kept hand-written ${result.file}`);
      continue;
    }

    if (existsSync(target)) {
      // Keep the earlier review date when nothing else changed, so re-imports give no diff.
      const previous = readFrontmatter(target)?.['reviewed'];
      if (typeof previous === 'string') {
        const same = renderArticle({ ...frontmatter, reviewed: previous }, draft.body);
        if (same === readFileSync(target, 'utf8')) {
          result.status = 'unchanged';
          continue;
        }
      }
    }
    mkdirSync(langDir, { recursive: true });
    writeFileSync(target, renderArticle(frontmatter, draft.body));
    // An earlier import written as .mdx would now give a duplicate id; it carries `source`, so it is ours to replace.
    for (const path of existing) if (path !== target) unlinkSync(path);
    result.status = 'written';
  }
  return results;
}

/**
 * Reads a content folder (`topics.yaml` + `articles/<lang>/<slug>.md[x]`) and checks it
 * as a whole: every frontmatter against the shared schema, and the rules no single file
 * can see (duplicate ids, translationKey clashes). The build fails on its errors; the
 * content checker and the importers reuse it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  LANGS,
  SLUG_PATTERN,
  articleSchemaFor,
  type ArticleFrontmatter,
  type Lang,
} from './article.ts';
import { loadTopicTree, TopicTreeError, type TopicTree } from './topics.ts';
import { fieldIssues } from '../validation.ts';

export const ARTICLE_EXTENSIONS = ['.mdx', '.md'] as const;

export interface ContentProblem {
  file: string;
  /** The frontmatter field at fault, or null when the file as a whole is. */
  field: string | null;
  message: string;
  severity: 'error' | 'warning';
}

export interface LoadedArticle {
  /** `<lang>/<slug>` */
  id: string;
  lang: Lang;
  slug: string;
  /** Path relative to the content folder. */
  file: string;
  data: ArticleFrontmatter;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
}

export interface LoadedContent {
  contentDir: string;
  topics: TopicTree | null;
  articles: LoadedArticle[];
  problems: ContentProblem[];
}

/** Splits `---` frontmatter from the body. Returns null when the file has none. */
export function splitFrontmatter(text: string): { yaml: string; body: string; bodyLine: number } | null {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return null;
  const yaml = match[1] ?? '';
  return { yaml, body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

/** Parses one article file's text. Problems are returned with the file name left blank. */
export function parseArticle(
  text: string,
  topics: TopicTree | null,
): { data?: ArticleFrontmatter; body: string; bodyLine: number; problems: Array<Omit<ContentProblem, 'file'>> } {
  const parts = splitFrontmatter(text);
  if (!parts) return { body: text, bodyLine: 1, problems: [{ field: null, message: 'has no frontmatter (a --- block at the top)', severity: 'error' }] };
  let raw: unknown;
  try {
    raw = parseYaml(parts.yaml);
  } catch (error) {
    return { body: parts.body, bodyLine: parts.bodyLine, problems: [{ field: null, message: `frontmatter is not valid YAML: ${(error as Error).message.split('\n')[0]}`, severity: 'error' }] };
  }
  const schema = articleSchemaFor(topics?.ids ?? new Set<string>());
  const result = topics ? schema.safeParse(raw ?? {}) : schema.innerType().safeParse(raw ?? {});
  if (!result.success) {
    return {
      body: parts.body,
      bodyLine: parts.bodyLine,
      problems: fieldIssues(result.error, null).map((issue) => ({ ...issue, severity: 'error' as const })),
    };
  }
  return { data: result.data, body: parts.body, bodyLine: parts.bodyLine, problems: [] };
}

/** Lists `articles/<lang>/*.md[x]` below the content folder, sorted, as relative paths. */
export function listArticleFiles(contentDir: string): string[] {
  const root = join(contentDir, 'articles');
  if (!existsSync(root)) return [];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (ARTICLE_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) files.push(relative(contentDir, path));
    }
  };
  walk(root);
  return files.sort();
}

/** Where a file sits decides its id; this checks the place is one the site can publish. */
function idFromPath(file: string): { id: string; lang: Lang; slug: string } | string {
  const parts = file.split(/[\\/]/);
  if (parts.length !== 3) return 'articles must sit directly in articles/<lang>/ (no subfolders)';
  const [, lang, name] = parts as [string, string, string];
  if (!(LANGS as readonly string[]).includes(lang)) return `"${lang}" is not a language folder (use ${LANGS.join(' or ')})`;
  const slug = name.replace(/\.mdx?$/, '');
  if (!SLUG_PATTERN.test(slug)) return `file name "${name}" is not a slug (lowercase letters, digits and hyphens)`;
  return { id: `${lang}/${slug}`, lang: lang as Lang, slug };
}

/** Loads and checks a whole content folder. Never throws for content problems: it reports them. */
export function loadContent(contentDir: string): LoadedContent {
  const problems: ContentProblem[] = [];
  let topics: TopicTree | null = null;
  try {
    topics = loadTopicTree(contentDir);
  } catch (error) {
    if (!(error instanceof TopicTreeError)) throw error;
    for (const message of error.problems) problems.push({ file: 'topics.yaml', field: null, message, severity: 'error' });
  }

  const articles: LoadedArticle[] = [];
  const byId = new Map<string, string>();
  const byTranslationKey = new Map<string, LoadedArticle>();
  for (const file of listArticleFiles(contentDir)) {
    const place = idFromPath(file);
    if (typeof place === 'string') {
      problems.push({ file, field: null, message: place, severity: 'error' });
      continue;
    }
    const parsed = parseArticle(readFileSync(join(contentDir, file), 'utf8'), topics);
    for (const p of parsed.problems) problems.push({ ...p, file });
    const earlier = byId.get(place.id);
    if (earlier) {
      problems.push({ file, field: null, message: `duplicate article id "${place.id}" (also ${earlier})`, severity: 'error' });
      continue;
    }
    byId.set(place.id, file);
    if (!parsed.data) continue;
    const article: LoadedArticle = { ...place, file, data: parsed.data, body: parsed.body, bodyLine: parsed.bodyLine };
    const key = `${place.lang}\u0000${parsed.data.translationKey}`;
    const clash = byTranslationKey.get(key);
    if (clash) {
      problems.push({
        file,
        field: 'translationKey',
        message: `"${parsed.data.translationKey}" is already used by ${clash.file} in the same language (one article per language per translationKey)`,
        severity: 'error',
      });
      continue;
    }
    byTranslationKey.set(key, article);
    articles.push(article);
  }
  return { contentDir, topics, articles, problems };
}

/** One line per problem, `file: field: message`, for build logs and the checker. */
export function formatProblem(p: ContentProblem): string {
  return `${p.file}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

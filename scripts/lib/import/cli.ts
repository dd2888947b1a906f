/**
 * What the import commands share: option checks that name the bad flag, the content folder,
 * and printing the summary.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ARTICLE_TYPES, LANGS, TOPIC_ID_PATTERN, type ArticleType, type Lang } from '../../../core/content/article.ts';
import { cliConfig } from '../../../core/config/cli.ts';
import { UsageError } from '../cli/usage.ts';
import { formatSummary, type ImportSummary } from './report.ts';

/** The flags every content importer takes (parseArgs options); each adds its own. */
export const IMPORT_OPTIONS = {
  lang: { type: 'string' },
  type: { type: 'string' },
  topic: { type: 'string' },
  out: { type: 'string' },
  owner: { type: 'string' },
  report: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `--out` (or `--dir`), else KB_CONTENT_DIR with its default. */
export function contentDirFrom(out: string | undefined): string {
  return out ? resolve(out) : cliConfig().contentDir;
}

/** `--lang`: required, exactly one of the published languages. */
export function parseLang(value: string | undefined): Lang {
  if (value === undefined) throw new UsageError(`--lang is required (${LANGS.join(' or ')})`);
  if (!(LANGS as readonly string[]).includes(value)) throw new UsageError(`--lang: expected ${LANGS.join(' or ')}, got "${value}"`);
  return value as Lang;
}

/** `--type`: an article type, or the importer's default. */
export function parseType(value: string | undefined, fallback: ArticleType): ArticleType {
  if (value === undefined) return fallback;
  if (!(ARTICLE_TYPES as readonly string[]).includes(value))
    throw new UsageError(`--type: expected one of ${ARTICLE_TYPES.join(', ')}, got "${value}"`);
  return value as ArticleType;
}

/** `--topic`: a topic id (added to topics.yaml when missing), or the importer's default. */
export function parseTopic(value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  if (!TOPIC_ID_PATTERN.test(value))
    throw new UsageError(`--topic: expected a lowercase kebab-case id such as "deploy-guides", got "${value}"`);
  return value;
}

/** `--owner`, trimmed, within the schema's 100 characters. */
export function parseOwner(value: string | undefined): string {
  const owner = (value ?? 'Imported').trim();
  if (!owner || owner.length > 100) throw new UsageError(`--owner: expected 1 to 100 characters, got "${value}"`);
  return owner;
}

/** Today in the local time zone as `YYYY-MM-DD`: the date the person running the import would write. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Writes the full report as JSON (creating its folder). */
export function writeReport(file: string, report: unknown): void {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}

/** Prints each problem, then the summary lines. */
export function printOutcome(problems: string[], summary: ImportSummary, contentDir: string): void {
  for (const problem of problems) console.error(problem);
  console.log(`into ${contentDir}:`);
  for (const line of formatSummary(summary)) console.log(`  ${line}`);
}

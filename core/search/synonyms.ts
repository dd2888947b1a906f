/**
 * Synonyms (issue 15): `content/synonyms.yaml` lists, per language, small groups of words
 * customers use for the same thing (登录/登陆/签到, sign in/log in/login, 2FA/two-factor). A
 * query holding one member of a group is matched as if it held any of them, by both engines:
 * the relevance rule's unit for that member gets the others as alternatives
 * (core/search/relevance.ts). The list is reviewed by hand and checked by `check:content`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { LANGS, type Lang } from '../content/article.ts';
import { describeIssues } from '../validation.ts';
import { normalizeQuery } from './query.ts';

/** The file's name in a content folder. */
export const SYNONYMS_FILE = 'synonyms.yaml';

const member = z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters');
const group = z.array(member).min(2, 'a group needs at least two words').max(8, 'a group holds at most 8 words');

/** The file: per language, a list of groups. */
export const synonymsFileSchema = z
  .object(
    Object.fromEntries(LANGS.map((lang) => [lang, z.array(group).max(200).default([])])) as Record<
      Lang,
      z.ZodDefault<z.ZodArray<typeof group>>
    >,
  )
  .strict();

/** Synonym groups per language, each member normalised (normalizeQuery). */
export type Synonyms = Record<Lang, string[][]>;

/** No synonyms. */
export const NO_SYNONYMS: Synonyms = Object.fromEntries(LANGS.map((lang) => [lang, []])) as unknown as Synonyms;

/** Problems of a parsed file beyond its shape: a word in two groups, a word twice in a group. */
export function synonymProblems(synonyms: Synonyms): string[] {
  const problems: string[] = [];
  for (const lang of LANGS) {
    const seen = new Map<string, number>();
    synonyms[lang].forEach((members, i) => {
      const inGroup = new Set<string>();
      for (const word of members) {
        if (inGroup.has(word)) problems.push(`${lang}, group ${i + 1}: "${word}" is listed twice`);
        inGroup.add(word);
        const other = seen.get(word);
        if (other !== undefined && other !== i) problems.push(`${lang}, group ${i + 1}: "${word}" is also in group ${other + 1}`);
        seen.set(word, i);
      }
    });
  }
  return problems;
}

/** Parses the file's text; throws naming the field or the problem. */
export function parseSynonyms(text: string): Synonyms {
  const parsed = synonymsFileSchema.safeParse(parseYaml(text) ?? {});
  if (!parsed.success) throw new Error(`${SYNONYMS_FILE}: ${describeIssues(parsed.error, '(file)').join('; ')}`);
  const synonyms = Object.fromEntries(
    LANGS.map((lang) => [lang, (parsed.data[lang] ?? []).map((members) => members.map(normalizeQuery))]),
  ) as unknown as Synonyms;
  const problems = synonymProblems(synonyms);
  if (problems.length) throw new Error(`${SYNONYMS_FILE}: ${problems.join('; ')}`);
  return synonyms;
}

/** The synonyms of a content folder; none when it has no synonyms.yaml. */
export function loadSynonyms(contentDir: string): Synonyms {
  const file = join(contentDir, SYNONYMS_FILE);
  return existsSync(file) ? parseSynonyms(readFileSync(file, 'utf8')) : NO_SYNONYMS;
}

/**
 * `content/synonyms.yaml` (core/search/synonyms.ts): the file parses, each group has 2–8
 * words, and no word is in two groups of one language. A bad file is an error: the build
 * would fail on it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSynonyms, SYNONYMS_FILE } from '../../../core/search/synonyms.ts';
import type { CheckFinding } from './findings.ts';

/** The findings of the synonyms file of `contentDir`; none when the folder has no such file. */
export function checkSynonyms(contentDir: string): CheckFinding[] {
  const file = join(contentDir, SYNONYMS_FILE);
  if (!existsSync(file)) return [];
  try {
    parseSynonyms(readFileSync(file, 'utf8'));
    return [];
  } catch (error) {
    const message = (error as Error).message.replace(`${SYNONYMS_FILE}: `, '');
    return [{ file: SYNONYMS_FILE, severity: 'error', rule: 'synonyms', message }];
  }
}

/** Content folders for tests of the loader, the checks and the build steps: one topic and articles written here. */
import { folderWith } from './temp-dir.ts';

/** A topics.yaml with the one topic the test articles use. */
export const TOPICS_YAML = `- id: accounts\n  name: { zh-CN: 账户, en: Accounts }\n`;

/** The text of a valid article file (a published FAQ in topic accounts); `fields` change or add frontmatter fields. */
export function articleFile(fields: Record<string, string> = {}, body = 'Body text.'): string {
  const data = {
    title: 'Reset a password',
    summary: 'Use the link.',
    type: 'faq',
    topic: 'accounts',
    state: 'validated',
    translationKey: 'reset-password',
    owner: 'Accounts team',
    reviewed: '2026-09-01',
    ...fields,
  };
  return `---\n${Object.entries(data)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n\n${body}\n`;
}

/** A temp content folder (removed when the test ends) with TOPICS_YAML and `files` (path → text). */
export const contentFolder = (files: Record<string, string>): string => folderWith({ 'topics.yaml': TOPICS_YAML, ...files }, 'kb-content-');

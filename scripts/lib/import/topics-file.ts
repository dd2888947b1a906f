/**
 * Makes sure the topic an import files its articles under exists in the target content
 * folder's topics.yaml, creating the folder and file when they are missing. Topics are
 * appended as text so the comments and layout of a hand-kept taxonomy stay untouched.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import type { Lang } from '../../../core/content/article.ts';
import { buildTopicTree, loadTopicTree, topicNodes, TopicTreeError, type TopicTree } from '../../../core/content/topics.ts';

/** Names for the topics the importers use by default; other ids get a name made from the id. */
const KNOWN_TOPIC_NAMES: Record<string, Record<Lang, string>> = {
  imported: { 'zh-CN': '导入的文档', en: 'Imported documentation' },
  faq: { 'zh-CN': '常见问题', en: 'Frequently asked questions' },
};

const HEADER = [
  '# The topic taxonomy: one tree, ids are stable (articles and tickets refer to them),',
  '# names are shown to customers in each language. Keep ids lowercase kebab-case.',
  '# Created by an importer; rename topics freely, but keep their ids.',
  '',
].join('\n');

/**
 * A readable name for a topic id: `deploy-guides` → "Deploy guides". Chinese names cannot
 * be derived from an English id, so unknown ids reuse the English name for zh-CN too.
 */
export function topicNameFromId(id: string): Record<Lang, string> {
  const known = KNOWN_TOPIC_NAMES[id];
  if (known) return known;
  const words = id.split('-').join(' ');
  const en = words.charAt(0).toUpperCase() + words.slice(1);
  return { 'zh-CN': en, en };
}

/** What ensureTopic did, for the import summary. */
export interface EnsuredTopic {
  tree: TopicTree;
  createdFolder: boolean;
  addedTopic: boolean;
}

/**
 * Loads `<contentDir>/topics.yaml`, adding `topicId` at the root of the tree when it is
 * missing. Throws TopicTreeError when an existing topics.yaml is invalid: an import must
 * not paper over a broken taxonomy.
 */
export function ensureTopic(contentDir: string, topicId: string): EnsuredTopic {
  const file = join(contentDir, 'topics.yaml');
  const createdFolder = !existsSync(contentDir);
  if (!existsSync(file)) {
    mkdirSync(contentDir, { recursive: true });
    writeFileSync(file, HEADER + stringify(topicNodes([{ id: topicId, name: topicNameFromId(topicId) }])));
    return { tree: loadTopicTree(contentDir), createdFolder, addedTopic: true };
  }
  const tree = loadTopicTree(contentDir);
  if (tree.ids.has(topicId)) return { tree, createdFolder, addedTopic: false };
  const existing = readFileSync(file, 'utf8');
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  const addition = separator + stringify(topicNodes([{ id: topicId, name: topicNameFromId(topicId) }]));
  // Check the appended text in memory first: a flow-style root list would not take it.
  let combined: unknown;
  try {
    combined = parseYaml(existing + addition);
  } catch (error) {
    throw new TopicTreeError(file, [`could not add topic "${topicId}": ${(error as Error).message.split('\n')[0]}`]);
  }
  const updated = buildTopicTree(combined, file);
  if (!updated.ids.has(topicId)) throw new TopicTreeError(file, [`could not add topic "${topicId}": the file is not a block-style list`]);
  appendFileSync(file, addition);
  return { tree: updated, createdFolder, addedTopic: true };
}

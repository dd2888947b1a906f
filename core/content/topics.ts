/**
 * The topic taxonomy (content/topics.yaml): a tree of topics with names in every language.
 * Loaded by the build, the importers, the content checker and the API.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { LANGS, TOPIC_ID_PATTERN, type Lang } from './article.ts';
import { describeIssues } from '../validation.ts';

type TopicInput = { id: string; name: Record<Lang, string>; children?: TopicInput[] };

const topicSchema: z.ZodType<TopicInput> = z.lazy(() =>
  z
    .object({
      /** Stable id that articles and tickets refer to. */
      id: z.string().regex(TOPIC_ID_PATTERN, 'must be a lowercase kebab-case id'),
      /** The name shown to readers, one per language. */
      name: z.object({ 'zh-CN': z.string().trim().min(1).max(80), en: z.string().trim().min(1).max(80) }).strict(),
      /** Subtopics. */
      children: z.array(topicSchema).optional(),
    })
    .strict(),
);

export const topicTreeSchema = z.array(topicSchema).min(1, 'must list at least one topic');

/** A topic with its place in the tree. */
export interface Topic {
  id: string;
  name: Record<Lang, string>;
  parent: string | null;
  children: string[];
  depth: number;
}

/** The taxonomy, flattened for look-ups but keeping the tree order. */
export interface TopicTree {
  /** Every topic in tree order (a parent before its children). */
  topics: Topic[];
  byId: Map<string, Topic>;
  ids: Set<string>;
}

export class TopicTreeError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'TopicTreeError';
  }
}

/** Builds the tree from parsed YAML; throws TopicTreeError naming each problem. */
export function buildTopicTree(data: unknown, file = 'topics.yaml'): TopicTree {
  const parsed = topicTreeSchema.safeParse(data);
  if (!parsed.success) {
    throw new TopicTreeError(file, describeIssues(parsed.error, '(root)'));
  }
  const topics: Topic[] = [];
  const byId = new Map<string, Topic>();
  const duplicates: string[] = [];
  const walk = (nodes: TopicInput[], parent: string | null, depth: number) => {
    for (const node of nodes) {
      if (byId.has(node.id)) duplicates.push(`topic id "${node.id}" appears more than once`);
      const topic: Topic = { id: node.id, name: node.name, parent, children: (node.children ?? []).map((c) => c.id), depth };
      topics.push(topic);
      byId.set(node.id, topic);
      walk(node.children ?? [], node.id, depth + 1);
    }
  };
  walk(parsed.data, null, 0);
  if (duplicates.length) throw new TopicTreeError(file, duplicates);
  return { topics, byId, ids: new Set(byId.keys()) };
}

/** Reads `<contentDir>/topics.yaml`. */
export function loadTopicTree(contentDir: string): TopicTree {
  const file = join(contentDir, 'topics.yaml');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new TopicTreeError(file, ['the topic tree file is missing']);
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new TopicTreeError(file, [`not valid YAML: ${(error as Error).message}`]);
  }
  return buildTopicTree(data, file);
}

/** The topic's ancestors from the root down, then the topic itself (for breadcrumbs). */
export function topicPath(tree: TopicTree, id: string): Topic[] {
  const path: Topic[] = [];
  for (let t = tree.byId.get(id); t; t = t.parent ? tree.byId.get(t.parent) : undefined) path.unshift(t);
  return path;
}

/** The topic and all topics below it. */
export function topicWithDescendants(tree: TopicTree, id: string): string[] {
  const out: string[] = [];
  const visit = (topicId: string) => {
    out.push(topicId);
    for (const child of tree.byId.get(topicId)?.children ?? []) visit(child);
  };
  visit(id);
  return out;
}

/** Serialises a tree back to YAML-ready data (used by importers creating a content folder). */
export function topicNodes(ids: Array<{ id: string; name: Record<Lang, string> }>): TopicInput[] {
  return ids.map(({ id, name }) => ({ id, name: Object.fromEntries(LANGS.map((l) => [l, name[l]])) as Record<Lang, string> }));
}

/**
 * The topic and its ancestors, nearest first (`accounts-password` → [accounts-password,
 * accounts]): every row a ticket or article of this topic counts under (docs/design.md §4,
 * topics are a tree). A topic the taxonomy does not know (or no taxonomy) is only itself.
 */
export function topicAncestry(tree: TopicTree | undefined, id: string): string[] {
  if (!tree?.byId.has(id)) return [id];
  const out: string[] = [];
  for (let t = tree.byId.get(id); t; t = t.parent ? tree.byId.get(t.parent) : undefined) out.push(t.id);
  return out;
}

/** What a topic filter keeps: the topic and its descendants (only itself when the taxonomy does not know it). */
export function topicScope(tree: TopicTree | undefined, id: string): string[] {
  return tree?.byId.has(id) ? topicWithDescendants(tree, id) : [id];
}

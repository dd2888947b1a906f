/**
 * The articles collection: every file under <content>/articles/<lang>/, validated by
 * the shared article schema with topic ids checked against topics.yaml.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchemaFor } from '../core/content/article.ts';
import { loadTopicTree } from '../core/content/topics.ts';
import { contentDir } from './lib/build-config.ts';

const topics = loadTopicTree(contentDir);

const articles = defineCollection({
  loader: glob({
    base: `${contentDir}/articles`,
    pattern: '*/*.{md,mdx}',
    // The id is the path as written (`zh-CN/reset-password`); the default would lowercase the language.
    generateId: ({ entry }) => entry.replace(/\.mdx?$/, ''),
  }),
  schema: articleSchemaFor(topics.ids),
});

export const collections = { articles };

/**
 * The build's two extra duties, as an Astro integration:
 * - before anything renders, check the whole content folder (schema, topics, duplicate
 *   ids, translationKey clashes) and fail with one line per problem naming file and field;
 * - after the pages are written, index them with Pagefind.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { loadContent, formatProblem } from '../schema/content.ts';
import { indexSite } from './pagefind-index.ts';

export function knowledgeBase(options: { contentDir: string }): AstroIntegration {
  return {
    name: 'knowledge-base',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const content = loadContent(options.contentDir);
        const errors = content.problems.filter((p) => p.severity === 'error');
        for (const warning of content.problems.filter((p) => p.severity === 'warning')) logger.warn(formatProblem(warning));
        if (errors.length) {
          throw new Error(`The content in ${options.contentDir} has ${errors.length} problem(s):\n${errors.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
        }
        logger.info(`${content.articles.length} articles and ${content.topics?.topics.length ?? 0} topics checked in ${options.contentDir}`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const stats = await indexSite(fileURLToPath(dir));
        logger.info(`Pagefind indexed ${stats.pages} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}

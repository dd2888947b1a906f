/**
 * Before anything renders, checks the whole content folder (schema, topics, duplicate ids,
 * translationKey clashes) and fails with one line per problem naming file and field.
 * (The Pagefind index is built after Astro exits, by scripts/build.ts.)
 */
import type { AstroIntegration } from 'astro';
import { loadContent, formatProblem } from '../../core/content/loader.ts';

export function knowledgeBase(options: { contentDir: string }): AstroIntegration {
  return {
    name: 'knowledge-base',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const content = loadContent(options.contentDir);
        const errors = content.problems.filter((p) => p.severity === 'error');
        for (const warning of content.problems.filter((p) => p.severity === 'warning')) logger.warn(formatProblem(warning));
        if (errors.length) {
          throw new Error(
            `The content in ${options.contentDir} has ${errors.length} problem(s):\n${errors.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
          );
        }
        logger.info(
          `${content.articles.length} articles and ${content.topics?.topics.length ?? 0} topics checked in ${options.contentDir}`,
        );
      },
    },
  };
}

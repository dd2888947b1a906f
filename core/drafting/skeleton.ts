/**
 * The KCS article skeleton a ticket becomes: Issue · Environment · Resolution · Cause, in the
 * article's language, filled from the ticket's (already redacted) texts. What the ticket does
 * not say is left as a visible to-do for the author, never invented.
 */
import type { Lang } from '../content/article.ts';

/** The sections of a KCS solution article, in order. */
export interface SkeletonTexts {
  issue: string;
  environment?: string | undefined;
  resolution?: string | undefined;
}

const HEADINGS: Record<Lang, { issue: string; environment: string; resolution: string; cause: string }> = {
  'zh-CN': { issue: '问题', environment: '环境', resolution: '解决方法', cause: '原因' },
  en: { issue: 'Issue', environment: 'Environment', resolution: 'Resolution', cause: 'Cause' },
};

const TODO: Record<Lang, { environment: string; resolution: string; cause: string; summary: string }> = {
  'zh-CN': {
    environment: '_待补充：产品与版本、操作系统、部署方式。_',
    resolution: '_待补充：按顺序写出解决步骤。_',
    cause: '_待补充：问题为什么会发生。_',
    summary: '待补充：用一两句话给出答案。',
  },
  en: {
    environment: '_To do: product and version, operating system, deployment._',
    resolution: '_To do: the steps that solve it, in order._',
    cause: '_To do: why it happens._',
    summary: 'To do: give the answer in one or two sentences.',
  },
};

/**
 * Ticket text made safe for MDX: braces and angle brackets would start expressions or JSX,
 * and a line starting with import/export would be read as an ES module statement.
 */
export function escapeMdx(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[{}<>]/g, (c) => `\\${c}`)
    .replace(/^(\s*)(import|export)\b/gm, (_m, space: string, word: string) => `${space}&#${word.charCodeAt(0)};${word.slice(1)}`)
    .trim();
}

/** The article body: four sections with the ticket's texts, to-dos where it says nothing. */
export function kcsBody(lang: Lang, texts: SkeletonTexts): string {
  const h = HEADINGS[lang];
  const todo = TODO[lang];
  const section = (heading: string, text: string | undefined, fallback: string) =>
    `## ${heading}\n\n${text?.trim() ? escapeMdx(text) : fallback}\n`;
  return [
    section(h.issue, texts.issue, ''),
    section(h.environment, texts.environment, todo.environment),
    section(h.resolution, texts.resolution, todo.resolution),
    section(h.cause, undefined, todo.cause),
  ].join('\n');
}

/** A first summary: the resolution's first sentence, or a to-do the author must replace. */
export function draftSummary(lang: Lang, resolution: string | undefined): string {
  const first = resolution
    ?.trim()
    .split(/(?<=[.!?。！？])\s*|\n/)[0]
    ?.trim();
  if (!first) return TODO[lang].summary;
  return first.length > 300 ? `${first.slice(0, 297)}…` : first;
}

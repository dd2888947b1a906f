/**
 * MDX is code: an article could import modules, run scripts or inject handlers. Authors may
 * use markdown, plain HTML and the components the article page provides (MDX_COMPONENT_NAMES);
 * everything else that executes is rejected.
 */
import { MDX_COMPONENT_NAMES } from '../../../core/content/mdx-components.ts';
import type { CheckFinding, ProseLine } from './findings.ts';

const ALLOWED = new Set<string>(MDX_COMPONENT_NAMES);

const RULES: Array<{ rule: string; pattern: RegExp; message: (m: RegExpExecArray) => string }> = [
  {
    rule: 'mdx-esm',
    pattern: /^\s*(import|export)\s/,
    message: (m) => `"${m[1]}" statements are not allowed; the article page provides ${[...ALLOWED].join(', ')}`,
  },
  { rule: 'mdx-script', pattern: /<script\b/i, message: () => '<script> is not allowed in articles' },
  {
    rule: 'mdx-event-handler',
    pattern: /<[A-Za-z][^>]*?\s(on[a-z]+)\s*=/i,
    message: (m) => `inline event handlers (${m[1]}=) are not allowed`,
  },
  { rule: 'mdx-javascript-url', pattern: /javascript\s*:/i, message: () => 'javascript: URLs are not allowed' },
];

/** Finds executable content and unknown components in the prose lines of one article. */
export function checkMdxSafety(file: string, lines: ProseLine[], isMdx: boolean): CheckFinding[] {
  const found: CheckFinding[] = [];
  for (const { line, text } of lines) {
    for (const { rule, pattern, message } of RULES) {
      // Plain markdown (.md) is not compiled as MDX, so import/export lines are only text there.
      if (rule === 'mdx-esm' && !isMdx) continue;
      const m = pattern.exec(text);
      if (m) found.push({ file, line, severity: 'error', rule, message: message(m) });
    }
    for (const m of text.matchAll(/<([A-Z][\w.]*)/g)) {
      if (!ALLOWED.has(m[1]!)) {
        found.push({
          file,
          line,
          severity: 'error',
          rule: 'mdx-component',
          message: `<${m[1]}> is not a component articles may use (allowed: ${[...ALLOWED].join(', ')})`,
        });
      }
    }
  }
  return found;
}

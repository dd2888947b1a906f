/** axe-core in the page under test: the accessibility rules the help center is held to. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
/** axe-core's browser build, to add to a page (or to every page of a context with addInitScript). */
export const AXE_SOURCE = require.resolve('axe-core/axe.min.js');

let source: string | undefined;
const axeSource = () => (source ??= readFileSync(AXE_SOURCE, 'utf8'));

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * Runs axe-core on the page as it is now and returns its serious and critical violations,
 * one line each (rule, impact, help and the first three elements), so a failing test says
 * what to fix. An empty list is a pass.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  // A page that navigated since the last run has lost the script; adding it again is cheap.
  // Evaluated rather than added as a <script>: the pages' Content-Security-Policy (rightly)
  // refuses an inline script it does not know, and evaluation from the test is not one.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    // Violations only: axe skips collecting the passes and the incomplete checks nobody reads here.
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

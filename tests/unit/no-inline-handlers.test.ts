/**
 * The Content-Security-Policy (docs/security.md) allows the build's own inline scripts by hash,
 * but no inline event handlers (`onclick="…"`): the browser blocks them, and the control they
 * belong to silently does nothing. Every page, layout, component and server-rendered HTML
 * template is checked for one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['site/pages', 'site/layouts', 'site/components', 'core/reports'];
const INLINE_HANDLER = /<[a-z][^>]*\son[a-z]+\s*=\s*["'{]/gi;

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesBelow(path);
    return /\.(astro|ts|html)$/.test(entry.name) ? [path] : [];
  });
}

describe('inline event handlers', () => {
  it('the pattern finds one (self-test)', () => {
    expect('<button type="button" onclick="window.print()">'.match(INLINE_HANDLER)).toHaveLength(1);
    expect('<button type="button" data-report-print>'.match(INLINE_HANDLER)).toBeNull();
  });

  it('none in pages, layouts, components or HTML templates', () => {
    const found = ROOTS.flatMap(filesBelow).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(INLINE_HANDLER)].map((m) => `${file}: ${m[0]}`),
    );
    expect(found).toEqual([]);
  });
});

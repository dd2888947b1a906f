import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { forbiddenImports, importsOf } from '../support/import-graph.ts';

describe('the dependency rule', () => {
  it('holds for the whole tree: core imports no other layer, api and site only core, scripts core and api', () => {
    expect(forbiddenImports(resolve('.'))).toEqual([]);
  });
});

describe('the import-graph check itself', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reports a site island that imports a type from the API', () => {
    root = mkdtempSync(join(tmpdir(), 'kb-layers-'));
    for (const layer of ['core', 'api', 'site', 'scripts']) mkdirSync(join(root, layer));
    write('api/schemas.ts', 'export type Vote = { helpful: boolean };\n');
    write('site/islands/widget.ts', "import type { Vote } from '../../api/schemas.ts';\nexport const v: Vote = { helpful: true };\n");
    expect(forbiddenImports(root)).toEqual(['site/islands/widget.ts:1 imports api/schemas.ts (site may import core)']);
  });

  it('reports core importing the API, and the API importing scripts, but allows scripts to import the API', () => {
    root = mkdtempSync(join(tmpdir(), 'kb-layers-'));
    for (const layer of ['core', 'api', 'site', 'scripts']) mkdirSync(join(root, layer));
    write('core/stats.ts', "export { x } from '../api/x.ts';\n");
    write('api/x.ts', "export const x = 1;\nconst y = await import('../scripts/tool.ts');\n");
    write('scripts/tool.ts', "import { x } from '../api/x.ts';\nimport '../core/stats.ts';\n");
    expect(forbiddenImports(root)).toEqual([
      'core/stats.ts:1 imports api/x.ts (core may import nothing outside itself)',
      'api/x.ts:2 imports scripts/tool.ts (api may import core)',
    ]);
  });

  it('reads imports inside an Astro component', () => {
    const edges = importsOf(
      'site/components/A.astro',
      "---\nimport { tr } from '../islands/strings.ts';\n---\n<script>\n  import { start } from '../../api/x.ts';\n</script>\n",
    );
    expect(edges.map((e) => [e.target, e.line])).toEqual([
      ['site/islands/strings.ts', 2],
      ['api/x.ts', 5],
    ]);
  });
});

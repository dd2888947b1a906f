import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forbiddenImports, importsOf } from '../support/import-graph.ts';
import { tempDir, writeFiles } from '../support/temp-dir.ts';

describe('the dependency rule', () => {
  it('holds for the whole tree: core imports no other layer, api and site only core, scripts core and api', () => {
    expect(forbiddenImports(resolve('.'))).toEqual([]);
  });
});

describe('the import-graph check itself', () => {
  /** A tree with the four layer folders and `files` in them. */
  const tree = (files: Record<string, string>) => {
    const root = tempDir('kb-layers-');
    for (const layer of ['core', 'api', 'site', 'scripts']) mkdirSync(join(root, layer));
    return writeFiles(root, files);
  };

  it('reports a site island that imports a type from the API', () => {
    const root = tree({
      'api/schemas.ts': 'export type Vote = { helpful: boolean };\n',
      'site/islands/widget.ts': "import type { Vote } from '../../api/schemas.ts';\nexport const v: Vote = { helpful: true };\n",
    });
    expect(forbiddenImports(root)).toEqual(['site/islands/widget.ts:1 imports api/schemas.ts (site may import core)']);
  });

  it('reports core importing the API, and the API importing scripts, but allows scripts to import the API', () => {
    const root = tree({
      'core/stats.ts': "export { x } from '../api/x.ts';\n",
      'api/x.ts': "export const x = 1;\nconst y = await import('../scripts/tool.ts');\n",
      'scripts/tool.ts': "import { x } from '../api/x.ts';\nimport '../core/stats.ts';\n",
    });
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

/**
 * The project's import graph, read from the source text: which layer imports which. The
 * boundary test holds it against the dependency rule (CONTRIBUTING.md, "Layout").
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/** The top-level folders that are layers, and what each may import besides itself. */
export const LAYER_RULES = {
  core: [],
  api: ['core'],
  site: ['core'],
  scripts: ['core', 'api'],
} as const satisfies Record<string, readonly string[]>;

export type Layer = keyof typeof LAYER_RULES;
export const LAYERS = Object.keys(LAYER_RULES) as Layer[];

const SOURCE = /\.(ts|tsx|mts|mjs|js|astro)$/;
// Static imports and re-exports (`import x from`, `import type`, `export … from`), bare
// imports for side effects (`import './x'`) and dynamic `import('…')`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\1/g;

export interface ImportEdge {
  /** The importing file, relative to the root. */
  file: string;
  /** The imported file, relative to the root. */
  target: string;
  line: number;
}

/** Every source file below `dir` (relative to `root`), skipping dependencies and output. */
export function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string) => {
    for (const name of readdirSync(abs)) {
      if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
      const path = join(abs, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (SOURCE.test(name)) out.push(relative(root, path));
    }
  };
  walk(join(root, dir));
  return out.sort();
}

/** The relative imports of one file's text, resolved to root-relative paths. */
export function importsOf(file: string, text: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const match of text.matchAll(SPECIFIER)) {
    const spec = match[2]!;
    if (!spec.startsWith('.')) continue;
    const line = text.slice(0, match.index).split('\n').length;
    edges.push({ file, target: normalize(join(dirname(file), spec.replace(/[?#].*$/, ''))), line });
  }
  return edges;
}

export const layerOf = (path: string): Layer | null => {
  const top = path.split(/[\\/]/)[0] as Layer;
  return LAYERS.includes(top) ? top : null;
};

/** Imports that break the dependency rule, as `file:line imports target` lines. */
export function forbiddenImports(root: string): string[] {
  const problems: string[] = [];
  for (const layer of LAYERS) {
    for (const file of sourceFiles(root, layer)) {
      for (const edge of importsOf(file, readFileSync(join(root, file), 'utf8'))) {
        const to = layerOf(edge.target);
        if (to === null || to === layer) continue;
        if (!(LAYER_RULES[layer] as readonly string[]).includes(to))
          problems.push(
            `${edge.file}:${edge.line} imports ${edge.target} (${layer} may import ${LAYER_RULES[layer].join(', ') || 'nothing outside itself'})`,
          );
        // A path that climbs out of the project is as wrong as one into a forbidden layer.
      }
    }
  }
  return problems;
}

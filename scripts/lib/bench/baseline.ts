/**
 * The baseline: the least Astro can do with the same articles (static output, a glob
 * content collection, one plain page per article, no layout), then Pagefind over its
 * output. Our build's cost is judged against it, so it must stay bare: anything added here
 * hides the same cost in our site.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Files of the baseline project, relative to its root. */
export interface BaselineProject {
  root: string;
  /** Where `astro build` writes the site (Astro's default `dist/`). */
  outDir: string;
  /** The Node script that indexes `outDir` with Pagefind's Node API. */
  pagefindScript: string;
}

/** Options for the baseline project. */
export interface BaselineOptions {
  /** The `articles/` folder of the content being measured. */
  articlesDir: string;
  /** MDX needs Astro's MDX integration even in a bare project; only real corpora carry it. */
  withMdx: boolean;
}

const astroConfig = (withMdx: boolean): string =>
  withMdx
    ? `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\n\nexport default defineConfig({ output: 'static', integrations: [mdx()] });\n`
    : `import { defineConfig } from 'astro/config';\n\nexport default defineConfig({ output: 'static' });\n`;

// The id keeps the path's case (`zh-CN/...`): the default slugifier would lowercase the
// language, and Pagefind reads <html lang> to choose its per-language index.
const contentConfig = (articlesDir: string, withMdx: boolean): string => `import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

const articles = defineCollection({
  loader: glob({
    base: new URL(${JSON.stringify(pathToFileURL(articlesDir).href + '/')}),
    pattern: ${JSON.stringify(withMdx ? '**/*.{md,mdx}' : '**/*.md')},
    generateId: ({ entry }) => entry.replace(/\\.mdx?$/, ''),
  }),
  schema: z.object({ title: z.string() }).passthrough(),
});

export const collections = { articles };
`;

const page = `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const articles = await getCollection('articles');
  return articles.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}

const { entry } = Astro.props;
const { Content } = await render(entry);
const lang = entry.id.split('/')[0];
---
<html lang={lang}>
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body><h1>{entry.data.title}</h1><Content /></body>
</html>
`;

/**
 * Plain ESM rather than TypeScript so its timing is Pagefind's and Node's, not a
 * TypeScript loader's. Prints one JSON line with the page count for the report.
 */
const pagefindScript = `import * as pagefind from 'pagefind';

const [site, outputPath] = process.argv.slice(2);
const fail = (what, errors) => { console.error(what + ': ' + errors.join('; ')); process.exit(1); };
const { index, errors } = await pagefind.createIndex();
if (!index) fail('createIndex', errors);
const added = await index.addDirectory({ path: site });
if (added.errors.length) fail('addDirectory', added.errors);
const written = await index.writeFiles({ outputPath });
if (written.errors.length) fail('writeFiles', written.errors);
await pagefind.close();
console.log(JSON.stringify({ pagefindPages: added.page_count }));
`;

/**
 * Writes the baseline project into `root` (emptied first). `root` must sit inside the
 * repository so Astro and Pagefind resolve from its node_modules.
 */
export function writeBaselineProject(root: string, options: BaselineOptions): BaselineProject {
  rmSync(root, { recursive: true, force: true });
  const files: Record<string, string> = {
    'astro.config.mjs': astroConfig(options.withMdx),
    'src/content.config.ts': contentConfig(options.articlesDir, options.withMdx),
    'src/pages/[...slug].astro': page,
    'pagefind-index.mjs': pagefindScript,
    'package.json': `${JSON.stringify({ name: 'bench-baseline', private: true, type: 'module' }, null, 2)}\n`,
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return { root, outDir: join(root, 'dist'), pagefindScript: join(root, 'pagefind-index.mjs') };
}

/** Reads the page count the Pagefind script printed, or null if it printed none. */
export function pagefindPagesFrom(output: string): number | null {
  const line = output
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{"pagefindPages"'));
  return line ? (JSON.parse(line) as { pagefindPages: number }).pagefindPages : null;
}

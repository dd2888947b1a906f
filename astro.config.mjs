// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { createHash } from 'node:crypto';
import { knowledgeBase } from './site/integrations/knowledge-base.ts';
import { apiOrigin, contentDir, outDir, siteUrl } from './site/lib/build-config.ts';

// Builds of different content folders (demo, imports, benchmarks) must not share
// Astro's content cache, or one folder's articles could leak into another's build.
const cacheKey = createHash('sha256').update(contentDir).digest('hex').slice(0, 12);

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir,
  cacheDir: `./node_modules/.astro/${cacheKey}`,
  site: siteUrl,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  integrations: [mdx(), knowledgeBase({ contentDir })],
  // One highlighting pass whose colours are CSS variables (set per colour scheme in
  // global.css): two themes cost 14% more build CPU on code-heavy docs.
  markdown: { shikiConfig: { theme: 'css-variables' } },
  // KB_API_ORIGIN: where the islands send their API calls (site/islands/api-origin.ts).
  vite: { define: { __KB_API_ORIGIN__: JSON.stringify(apiOrigin) } },
});

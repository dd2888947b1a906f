// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { createHash } from 'node:crypto';
import { knowledgeBase } from './site/integrations/knowledge-base.ts';
import { contentDir, siteUrl } from './site/lib/build-config.ts';

// Builds of different content folders (demo, imports, benchmarks) must not share
// Astro's content cache, or one folder's articles could leak into another's build.
const cacheKey = createHash('sha256').update(contentDir).digest('hex').slice(0, 12);

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.KB_OUT_DIR || 'dist',
  cacheDir: `./node_modules/.astro/${cacheKey}`,
  site: siteUrl,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  integrations: [mdx(), knowledgeBase({ contentDir })],
  markdown: { shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } } },
});

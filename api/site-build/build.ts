/**
 * `npm run build`: builds the help center, then its Pagefind index, as two processes one
 * after the other. Indexing inside Astro's build:done hook would keep Astro's whole
 * build in memory while Pagefind holds the index (1.7× a bare build's peak at 5,000
 * articles); in sequence the peak is the larger of the two.
 * Extra arguments go to `astro build` (for example --force). The settings are the build's
 * (core/config/build.ts): KB_OUT_DIR, KB_CONTENT_DIR, KB_DB and what the pages read.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { indexSite } from './pagefind-index.ts';
import { writeSuggestIndex } from './suggest-index.ts';
import { injectCustomerWords, loadCustomerWords } from './customer-words.ts';
import { existsSync } from 'node:fs';
import { migrate, openDatabase } from '../db/index.ts';
import { loadCatalog } from '../lib/catalog/catalog.ts';
import { syncCreatedFromLinks } from '../lib/catalog/link-sync.ts';
import { buildConfig } from '../../core/config/build.ts';
import { envWith } from '../../core/config/env.ts';

/**
 * Builds the site with this process's environment, changed by `overrides` (the server passes
 * the folder it serves as KB_OUT_DIR). The settings are checked before Astro starts.
 */
export async function buildSite(astroArgs: string[] = [], overrides: Record<string, string> = {}): Promise<void> {
  const env = envWith(overrides);
  const config = buildConfig(env);
  const outDir = config.outDir;
  const astro = spawnSync(process.execPath, [resolve('node_modules/astro/astro.js'), 'build', ...astroArgs], {
    stdio: 'inherit',
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (astro.status !== 0) throw new Error('astro build failed; see the messages above');
  // The customers' words, from the database the server uses, join both indexes (issue 15).
  const words = await loadCustomerWords(config.dbFile);
  const withWords = injectCustomerWords(outDir, words);
  if (words.size) console.log(`[knowledge-base] Customers' words: ${words.size} articles from linked tickets, ${withWords} pages`);
  const started = performance.now();
  const { pages } = await indexSite(outDir);
  console.log(`[knowledge-base] Pagefind indexed ${pages} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // The API's /api/suggest index, from the same content and publishing rules as the site.
  const suggest = writeSuggestIndex(config.contentDir, outDir, words);
  console.log(
    `[knowledge-base] Suggestion index: ${suggest.articles} articles, ${(suggest.bytes / 1e6).toFixed(1)} MB in ${(suggest.ms / 1000).toFixed(1)} s`,
  );
  await syncLinksAfterBuild(outDir, config.dbFile);
}

/**
 * Frontmatter `tickets:` are the source of truth for created-from links: a rebuild syncs
 * them into an existing database at once (the server also syncs when it starts).
 */
async function syncLinksAfterBuild(outDir: string, dbFile: string): Promise<void> {
  if (!existsSync(dbFile)) return;
  const { db } = openDatabase(dbFile);
  try {
    await migrate(db);
    const synced = await syncCreatedFromLinks(db, loadCatalog(outDir));
    console.log(`[knowledge-base] Created-from links in ${dbFile}: ${synced.added} added, ${synced.removed} removed`);
  } finally {
    await db.destroy();
  }
}

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
import { databaseName, databaseOptions, migrate, openDatabase } from '../db/index.ts';
import { loadCatalog } from '../lib/catalog/catalog.ts';
import { syncCreatedFromLinks } from '../lib/catalog/link-sync.ts';
import { buildConfig, type BuildConfig } from '../../core/config/build.ts';
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
  await syncLinksAfterBuild(outDir, config);
}

/**
 * Frontmatter `tickets:` are the source of truth for created-from links: a rebuild syncs
 * them into the database at once (the server also syncs when it starts). With DATABASE_URL
 * that is PostgreSQL, the replicas' database; else the SQLite file at KB_DB, when it exists.
 * A PostgreSQL server that cannot be reached does not fail the build: the servers sync when
 * they start.
 */
export async function syncLinksAfterBuild(outDir: string, config: BuildConfig): Promise<void> {
  if (!config.databaseUrl && !existsSync(config.dbFile)) return;
  const options = { ...databaseOptions(config), poolSize: 2 };
  const name = databaseName(options);
  const opened = openDatabase(options);
  try {
    await migrate(opened.db);
    const synced = await syncCreatedFromLinks(opened.db, loadCatalog(outDir));
    console.log(`[knowledge-base] Created-from links in ${name}: ${synced.added} added, ${synced.removed} removed`);
  } catch (error) {
    if (!config.databaseUrl) throw error;
    console.warn(
      `[knowledge-base] Created-from links not synced into ${name}: ${(error as Error).message} (the server syncs when it starts)`,
    );
  } finally {
    await opened.close();
  }
}

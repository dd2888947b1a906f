/**
 * Two app instances on one database, as two replicas see it: on PostgreSQL two pools on one
 * fresh database, on SQLite two connections to one temporary file. Each gets its own app,
 * so nothing in one app's memory (caches, queues, timers) is shared with the other.
 */
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { createApp, type AppDeps } from '../../api/app.ts';
import { openDatabase, type OpenedDatabase, type PostgresDatabase } from '../../api/db/index.ts';
import { ADMIN_TOKEN } from './app.ts';
import { sampleArticles, testCatalog } from './catalog.ts';
import { freshDatabase, migratedDatabase, testDialect } from './database.ts';
import { tempDir } from './temp-dir.ts';

/** Two connections (or pools) to one new migrated database of this leg; the second is closed when the test ends. */
export async function twoConnections(): Promise<[OpenedDatabase, OpenedDatabase]> {
  if (testDialect === 'sqlite') {
    const file = join(tempDir('kb-replicas-'), 'kb.sqlite');
    const first = await migratedDatabase(file);
    const second = openDatabase(file);
    onTestFinished(async () => {
      await second.close();
      await first.close();
    });
    return [first, second];
  }
  const first = (await freshDatabase()) as PostgresDatabase;
  const second = openDatabase({ url: first.pool.options.connectionString!, poolSize: 4 });
  onTestFinished(() => second.close());
  return [first, second];
}

/** Two apps, each on its own connection to one database; `deps` are given to both. */
export async function twoReplicas(deps: Partial<AppDeps> = {}) {
  const connections = await twoConnections();
  const apps = connections.map((opened) =>
    createApp({ db: opened.db, sqlite: opened.sqlite, catalog: testCatalog(sampleArticles), adminToken: ADMIN_TOKEN, ...deps }),
  );
  return { apps: apps as [(typeof apps)[0], (typeof apps)[0]], dbs: [connections[0].db, connections[1].db] as const, connections };
}

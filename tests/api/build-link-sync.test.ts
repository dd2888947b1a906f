/**
 * The build's created-from link sync (api/site-build/build.ts) reaches the database the
 * servers use: PostgreSQL when DATABASE_URL is set, else the SQLite file at KB_DB.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildConfig } from '../../core/config/build.ts';
import { syncLinksAfterBuild } from '../../api/site-build/build.ts';
import { manifestArticle, writeManifest } from '../support/catalog.ts';
import { freshServerDatabase, queryRows, testDialect } from '../support/database.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('the build’s link sync', () => {
  it(`writes the articles' tickets as created-from links into the servers' database (${testDialect})`, async () => {
    const dir = tempDir();
    const distDir = join(dir, 'dist');
    writeManifest(distDir, [manifestArticle('en/reset-password', { tickets: ['zendesk:101', 'zendesk:102'] })]);
    const database = await freshServerDatabase(dir);
    // On SQLite the file must exist (a build never creates one); on PostgreSQL the URL is enough.
    if (testDialect === 'sqlite') await database.open().close();
    const config = buildConfig({ KB_OUT_DIR: distDir, KB_DB: join(dir, 'kb.sqlite'), ...database.env });
    await syncLinksAfterBuild(distDir, config);
    const opened = database.open();
    try {
      const links = await queryRows(
        opened.db,
        "select ticket_id, ticket_source, article from ticket_links where relation = 'created-from' order by ticket_id",
      );
      expect(links).toEqual([
        { ticket_id: '101', ticket_source: 'zendesk', article: 'en/reset-password' },
        { ticket_id: '102', ticket_source: 'zendesk', article: 'en/reset-password' },
      ]);
    } finally {
      await opened.close();
    }
  });

  it('does not fail the build when PostgreSQL cannot be reached', async () => {
    const dir = tempDir();
    writeManifest(join(dir, 'dist'), [manifestArticle('en/reset-password', { tickets: ['zendesk:101'] })]);
    const config = buildConfig({ KB_OUT_DIR: join(dir, 'dist'), DATABASE_URL: 'postgres://kb@127.0.0.1:1/kb' });
    await expect(syncLinksAfterBuild(join(dir, 'dist'), config)).resolves.toBeUndefined();
  });
});

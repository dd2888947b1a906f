/**
 * `npm start`: one Node process serving the built help center and the API on PORT/HOST,
 * with the SQLite database at KB_DB, or PostgreSQL at DATABASE_URL (settings:
 * core/config/server.ts). Builds the site first when there is no build.
 * `npm run api` (--api-only) serves the API alone.
 */
import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { createApp } from './app.ts';
import { serverConfig } from '../core/config/server.ts';
import { databaseName, databaseOptions } from './db/index.ts';
import { loadCatalog, MANIFEST_PATH } from './lib/catalog/catalog.ts';
import { syncCreatedFromLinks } from './lib/catalog/link-sync.ts';
import { gracefulStop } from './lib/http/graceful-stop.ts';
import { mountSite } from './lib/http/static-site.ts';
import { openAndMigrate } from './db/open-named.ts';
import { loadSuggestIndex } from './suggest/search.ts';
import { buildSite } from './site-build/build.ts';
import { seedOnFirstStart } from './demo/first-start.ts';
import { loadTopicTree } from '../core/content/topics.ts';
import { catchUpRollups, startRollupTimer } from './db/queries/rollups.ts';
import { startCheckpointer } from './db/driver/checkpointer.ts';
import { mailSettings } from './lib/mail/smtp.ts';
import { MailOutbox } from './lib/mail/outbox.ts';
import { RequestInbox } from './lib/requests/inbox.ts';
import { ReportMailer } from './lib/mail/report-mail.ts';

const apiOnly = process.argv.includes('--api-only');
/** How long a stop waits for the requests under way. */
const SHUTDOWN_MS = 10_000;

async function main() {
  const config = serverConfig();
  if (!existsSync(join(config.distDir, MANIFEST_PATH))) {
    console.log(`No build in ${config.distDir}: building the site first (npm run build)…`);
    await buildSite([], { KB_OUT_DIR: config.distDir });
  }
  const catalog = loadCatalog(config.distDir);
  const database = databaseOptions(config);
  const { opened, applied } = await openAndMigrate(database);
  const { db, sqlite } = opened;
  if (applied.length) console.log(`Database ${databaseName(database)}: applied ${applied.join(', ')}`);
  // Provenance follows the content: the build's `tickets:` frontmatter becomes created-from links.
  const synced = await syncCreatedFromLinks(db, catalog);
  if (synced.added || synced.removed) console.log(`Created-from links: ${synced.added} added, ${synced.removed} removed`);

  const suggest = loadSuggestIndex(config.distDir);
  // Topic names for the metrics; a missing or broken topics.yaml must not stop the server.
  let topics;
  try {
    topics = loadTopicTree(config.contentDir);
  } catch (error) {
    console.warn(`Metrics without topic names: ${(error as Error).message}`);
  }
  // First start on an empty database: demo data so the dashboards are alive (KB_DEMO=off: never).
  if (config.demo && topics) {
    const seeded = await seedOnFirstStart({ db, sqlite, catalog, topics });
    if (seeded) console.log(seeded);
  }
  // Fold events recorded while the server was down into the metric roll-ups, then keep them current.
  await catchUpRollups(db);
  const stopRollups = startRollupTimer(db);
  const checkpointer = sqlite && config.checkpointThread ? startCheckpointer(sqlite, config.dbFile) : null;
  // The requests inbox: e-mail stored in the outbox goes out every 30 s (and right after each
  // write); resolved requests nobody surveys close after 7 days (docs/requests.md).
  const mail = mailSettings(config.mail, config.siteUrl);
  const outbox = new MailOutbox(db, mail);
  outbox.start();
  const stopSweep = new RequestInbox(db, outbox, () => new Date()).startSweep();
  // The period report to KB_REPORT_RECIPIENTS on the first working day of each period, once
  // across replicas (api/lib/mail/report-mail.ts); checked every 15 minutes.
  const stopReportMail = new ReportMailer({
    db,
    catalog,
    topics,
    metricSettings: config.metricSettings,
    outbox,
    businessCalendar: config.businessCalendar,
    settings: config.reportMail,
  }).start();
  const app = createApp({
    db,
    sqlite,
    catalog,
    mail,
    businessCalendar: config.businessCalendar,
    adminToken: config.adminToken,
    trustedProxies: config.trustedProxies,
    corsOrigins: config.corsOrigins,
    site: config.site,
    siteOrigin: config.siteOrigin,
    staffSessions: config.staffSessions,
    suggest,
    webhookSecrets: config.webhookSecrets,
    topics,
    metricSettings: config.metricSettings,
    repo: config.repo,
    metricsCacheSeconds: config.metricsCacheSeconds,
  });
  if (!apiOnly) mountSite(app, config.distDir);

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    console.log(
      `${apiOnly ? 'API' : 'Help center and API'} listening on http://${config.host}:${info.port}/ (${catalog.listed.length} listed articles, database ${databaseName(database)})`,
    );
  });
  // SIGTERM or SIGINT: stop taking connections, answer the requests under way, close the database, exit 0.
  const stop = gracefulStop(server as Server, {
    release: async () => {
      await outbox.stop();
      await checkpointer?.stop();
      await opened.close();
    },
    timeoutMs: SHUTDOWN_MS,
  });
  const onSignal = (signal: NodeJS.Signals) => {
    stopRollups();
    stopSweep();
    stopReportMail();
    stop(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});

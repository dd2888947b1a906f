/**
 * The server side of `npm run bench:metrics`, in a child process so the load generator does
 * not share its event loop: the real app over the seeded database, plus an event-loop delay
 * histogram (perf_hooks.monitorEventLoopDelay) the parent resets and reads over IPC
 * (protocol.ts, ../bench-child/). An entry point only: importing it would start a server.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createApp } from '../../../api/app.ts';
import { isPostgresUrl, openDatabase } from '../../../api/db/index.ts';
import { catalogFrom } from '../../../api/lib/catalog/catalog.ts';
import { mountSite } from '../../../api/lib/http/static-site.ts';
import { syntheticManifest } from '../bench-api/catalog.ts';
import { sendToParent, serveForParent } from '../bench-child/child.ts';
import type { MetricsChildMessage, MetricsParentMessage } from './protocol.ts';

const send = (message: MetricsChildMessage) => sendToParent(message);

/** `database`: the seeded SQLite file, or a PostgreSQL URL of its copy (--db postgres). */
function start(database: string, articles: number, token: string, now: string, cacheSeconds: number, distDir: string) {
  const { db, sqlite } = isPostgresUrl(database) ? openDatabase({ url: database }) : openDatabase(database);
  const catalog = catalogFrom(syntheticManifest(articles));
  // The seeded history ends at `now`; the server's clock stands there so default ranges see it.
  const clock = Date.parse(now) - Date.now();
  const app = createApp({
    db,
    sqlite,
    catalog,
    adminToken: token,
    trustedProxies: ['127.0.0.1'],
    site: 'bench',
    now: () => new Date(Date.now() + clock),
    // Votes come from a handful of bench addresses; the limits are not what is measured here.
    rateLimits: { votes: 1_000_000, events: 1_000_000, votesPerAddress: 1_000_000, eventsPerAddress: 1_000_000 },
    metricsCacheSeconds: cacheSeconds,
  });
  // The scorecards scenario's report page: the production build, served as npm start serves it.
  if (distDir) mountSite(app, distDir);
  const countVotes = async () =>
    Number(
      (
        await db
          .selectFrom('votes')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  // Requests still being answered, so the parent can wait out a backlog between runs.
  let inFlight = 0;
  const fetch: typeof app.fetch = (request, env) => {
    inFlight++;
    return Promise.resolve(app.fetch(request, env)).finally(() => inFlight--);
  };
  serveForParent(fetch, async (message: MetricsParentMessage) => {
    if (message.type === 'delay-reset') delay.reset();
    if (message.type === 'delay')
      send({ type: 'delay', maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6, meanMs: delay.mean / 1e6 });
    if (message.type === 'counts') send({ type: 'counts', votes: await countVotes(), inFlight });
  });
}

const [dbFile, articles, token, now, cacheSeconds = '0', distDir = ''] = process.argv.slice(2);
if (!dbFile || !articles || !token || !now) {
  console.error(
    'usage: server-child.ts <db file | postgres url> <articles> <token> <now> [cache seconds] [dist dir] (started by scripts/bench-metrics.ts)',
  );
  process.exit(2);
}
start(dbFile, Number(articles), token, now, Number(cacheSeconds), distDir);

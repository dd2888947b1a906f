/**
 * The server side of `npm run bench:api`, run in a child process so that the load
 * generator and the server do not share an event loop. `ceiling` serves a bare 204 Hono
 * route; `api` serves the real app over a fresh WAL database, or, given a PostgreSQL URL, over
 * that database (migrated by whichever replica gets there first). The parent talks to it over
 * IPC (protocol.ts, ../bench-child/). An entry point only: importing it would start a server.
 */
import { Hono } from 'hono';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { createApp } from '../../../api/app.ts';
import { migrate, openDatabase } from '../../../api/db/index.ts';
import { catalogFrom } from '../../../api/lib/catalog/catalog.ts';
import { startCheckpointer } from '../../../api/db/driver/checkpointer.ts';
import { testConfig } from '../../../core/config/test.ts';
import { sendToParent, serveForParent } from '../bench-child/child.ts';
import { syntheticManifest } from './catalog.ts';
import { CEILING_PATH, type ChildMessage, type ParentMessage, type ServerMode } from './protocol.ts';

const send = (message: ChildMessage) => sendToParent(message);
const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

async function start(mode: ServerMode, articles: number, workDir: string, databaseUrl: string | undefined) {
  let rows = async () => ({ votes: 0, events: 0 });
  let fetch: (request: Request, env: unknown) => Response | Promise<Response>;
  if (mode === 'ceiling') {
    const app = new Hono();
    app.post(CEILING_PATH, (c) => c.body(null, 204));
    fetch = app.fetch;
  } else if (databaseUrl) {
    const { db } = openDatabase({ url: databaseUrl });
    await migrate(db);
    const catalog = catalogFrom(syntheticManifest(articles));
    fetch = createApp({ db, catalog, trustedProxies: ['127.0.0.1'], site: 'bench' }).fetch;
    const count = async (table: 'votes' | 'events') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    rows = async () => ({ votes: await count('votes'), events: await count('events') });
  } else {
    const file = join(workDir, 'bench.sqlite');
    const { db, sqlite } = openDatabase(file);
    await migrate(db);
    // As the server does (api/server.ts), unless KB_CHECKPOINT_THREAD=off.
    if (testConfig().checkpointThread) startCheckpointer(sqlite, file);
    const catalog = catalogFrom(syntheticManifest(articles));
    // The bench varies X-Forwarded-For per visitor; only its own loopback may set it.
    const app = createApp({ db, sqlite, catalog, trustedProxies: ['127.0.0.1'], site: 'bench' });
    fetch = app.fetch;
    const votes = sqlite.prepare('select count(*) from votes').pluck();
    const events = sqlite.prepare('select count(*) from events').pluck();
    rows = async () => ({ votes: votes.get() as number, events: events.get() as number });
  }
  // The profiler runs only while the bench measures, so start-up (module compilation) stays out.
  const profiler = new Session();
  serveForParent(fetch, async (message: ParentMessage) => {
    if (message.type === 'counts') send({ type: 'counts', ...(await rows()), cpuMicros: cpuMicros() });
    if (message.type === 'profile-start') {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
      send({ type: 'profiling' });
    }
    if (message.type === 'profile-stop') {
      const { profile } = await profiler.post('Profiler.stop');
      profiler.disconnect();
      writeFileSync(message.file, JSON.stringify(profile));
      send({ type: 'profile-saved', file: message.file });
    }
  });
}

const [mode, articles, workDir, databaseUrl] = process.argv.slice(2);
if ((mode !== 'ceiling' && mode !== 'api') || !workDir) {
  console.error('usage: server-child.ts <ceiling|api> <articles> <work dir> [<postgres url>] (started by scripts/bench-api.ts)');
  process.exit(2);
}
start(mode, Number(articles), workDir, databaseUrl).catch((error: Error) => {
  console.error(`bench server: ${error.message}`);
  process.exit(1);
});

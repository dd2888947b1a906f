/**
 * A private, throw-away PostgreSQL server for the test run (tests/support/postgres/) and for
 * the benchmarks' PostgreSQL scenarios (`npm run bench:api -- --db postgres`): `initdb` into a temporary folder,
 * a unix socket in that folder (no TCP port, so runs never collide), durability off for speed
 * (the tests kill API processes, never this server). As root it runs as the unprivileged
 * `postgres` user, which PostgreSQL insists on. A small shell watches its stdin: when the test
 * run ends, or dies, the pipe closes and the shell stops the server and deletes the folder.
 *
 * The database's default collation is ICU's en-US on purpose: it sorts and compares text
 * unlike SQLite (case and punctuation), so a text column that does not compare bytes
 * (migrations/columns.ts) shows up as a failing test, not as a surprise in production.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DEFAULT_POSTGRES_BIN } from '../../core/config/defaults.ts';
import { testConfig } from '../../core/config/test.ts';

/**
 * The server binaries: Debian's postgresql-15 puts them in DEFAULT_POSTGRES_BIN; KB_TEST_POSTGRES_BIN
 * names others. Read when asked, not on import: a bad setting then fails the PostgreSQL leg only.
 */
export const postgresBin = (): string => testConfig().postgresBin;

/** What to do when there is no server to test against; the PostgreSQL leg fails with it. */
export const HOW_TO_GET_POSTGRES =
  `The PostgreSQL leg of the tests needs a PostgreSQL 15 server: install Debian's postgresql-15 ` +
  `(apt-get install -y postgresql-15; its binaries go to ${DEFAULT_POSTGRES_BIN}, or set KB_TEST_POSTGRES_BIN), ` +
  `or set KB_TEST_DATABASE_URL to a server where the tests may create databases (postgres://user:password@host:5432/postgres).`;

const SOCKET_PORT = 5432;

/** A running throw-away server. */
export interface ThrowAwayServer {
  /** A URL of `database` on this server (superuser `kb`, trust authentication, unix socket). */
  url(database: string): string;
  /** Stops the server and deletes its folder. */
  stop(): Promise<void>;
  /** The server's folder (its data directory is `data/` inside). */
  dir: string;
}

/** The shell that starts the server and stops it, and deletes its folder, once stdin closes. */
const WATCHDOG = `
"$0/postgres" -D "$1/data" -k "$1" -p ${SOCKET_PORT} -c listen_addresses= \\
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 \\
  -c shared_buffers=64MB -c max_locks_per_transaction=128 2>"$1/server.log" &
pid=$!
cat >/dev/null
kill -INT "$pid" 2>/dev/null
wait "$pid"
rm -rf "$1"
`;

const asRoot = () => process.getuid?.() === 0;

function runAsPostgres(command: string, args: string[]): [string, string[]] {
  return asRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

/** Starts a server from the binaries in `bin`; throws with HOW_TO_GET_POSTGRES when they are missing. */
export async function startThrowAwayServer(bin = postgresBin()): Promise<ThrowAwayServer> {
  if (!existsSync(join(bin, 'initdb')) || !existsSync(join(bin, 'postgres')))
    throw new Error(`No PostgreSQL server binaries in ${bin}. ${HOW_TO_GET_POSTGRES}`);
  const dir = mkdtempSync(join(tmpdir(), 'kb-pg-'));
  try {
    if (asRoot()) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
      chownSync(dir, uid, gid);
    }
    const [initdb, initArgs] = runAsPostgres(join(bin, 'initdb'), [
      ...['-D', join(dir, 'data'), '-U', 'kb', '--auth=trust', '--encoding=UTF8', '--no-sync'],
      ...['--locale=C.UTF-8', '--locale-provider=icu', '--icu-locale=en-US'],
    ]);
    execFileSync(initdb, initArgs, { stdio: ['ignore', 'ignore', 'pipe'], cwd: dir });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${(error as { stderr?: Buffer }).stderr?.toString() || (error as Error).message}`);
  }
  const [sh, shArgs] = runAsPostgres('sh', ['-c', WATCHDOG, bin, dir]);
  const watchdog = spawn(sh, shArgs, { stdio: ['pipe', 'ignore', 'ignore'], cwd: dir });
  // The socket folder goes in `host=` (libpq and node-postgres both read it); `localhost` only keeps the URL parseable.
  const url = (database: string) => `postgres://kb@localhost:${SOCKET_PORT}/${database}?host=${encodeURIComponent(dir)}`;
  try {
    await waitUntilReady(url('postgres'), watchdog);
  } catch (error) {
    await stopWatchdog(watchdog);
    throw error;
  }
  return { url, stop: () => stopWatchdog(watchdog), dir };
}

async function waitUntilReady(url: string, watchdog: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client(url);
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      if (watchdog.exitCode !== null || Date.now() > deadline)
        throw new Error(`the throw-away PostgreSQL server did not start: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => {});
    }
  }
}

function stopWatchdog(watchdog: ChildProcess): Promise<void> {
  if (watchdog.exitCode !== null || watchdog.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    watchdog.once('exit', () => resolve());
    watchdog.stdin!.end();
  });
}

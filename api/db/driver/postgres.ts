/**
 * The PostgreSQL driver: a `pg` connection pool behind Kysely's PostgresDialect.
 *
 * PostgreSQL answers bigint (int8: identity keys, count(*), sum() of integers) and numeric
 * (sum() of bigint, avg()) as strings, because they can exceed JavaScript's safe integers.
 * The storage layer's values never come near 2^53, and SQLite answers the same queries with
 * numbers, so this pool parses both as numbers: every query returns the same JavaScript types
 * on both databases.
 *
 * The pool's sessions run with `jit=off`. The metric queries read tens of thousands of index
 * rows, enough for the planner's cost estimate to pass jit_above_cost, and compiling them
 * took 25 ms and more of a query that runs in 20–60 ms without it (EXPLAIN ANALYZE at 100,000
 * tickets); none of the application's queries is long enough to win it back.
 */
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../schema.ts';
import { DEFAULT_DB_POOL_SIZE } from '../../../core/config/defaults.ts';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** How to reach a PostgreSQL database. */
export interface PostgresOptions {
  /** postgres://user:password@host:port/database (a `?host=/socket/dir` names a unix socket). */
  url: string;
  /** Connections in the pool (KB_DB_POOL_SIZE, default 10). */
  poolSize?: number | undefined;
}

/** An open PostgreSQL database. */
export interface PostgresDatabase {
  dialect: 'postgres';
  db: Kysely<Database>;
  sqlite?: undefined;
  /** The pool under `db`. */
  pool: pg.Pool;
  /** Closes every connection of the pool, after the queries under way. */
  close(): Promise<void>;
}

/** The connection settings of each pool this module opened, so a lock can take a session of its own. */
const settings = new WeakMap<Kysely<Database>, pg.ClientConfig>();

/** Opens a pool on `url`; no connection is made until the first query. */
export function openPostgres(options: PostgresOptions): PostgresDatabase {
  const config: pg.ClientConfig = { connectionString: options.url, types, application_name: 'support-kb', options: '-c jit=off' };
  const pool = new pg.Pool({ ...config, max: options.poolSize ?? DEFAULT_DB_POOL_SIZE });
  // An idle connection that the server drops (restart, failover) must not crash the process;
  // the next query takes a new connection, and one that fails becomes a 503.
  pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  settings.set(db, config);
  const close = async () => {
    await db.destroy();
    // Kysely ends the pool only if a query ever ran; a pool never used must end too.
    if (!pool.ended) await pool.end();
  };
  return { dialect: 'postgres', db, pool, close };
}

/** Advisory lock keys (namespace, key) of this application; the namespace keeps them apart from other applications' locks. */
export const ADVISORY_LOCKS = {
  namespace: 0x6b62, // "kb"
  /** Held around migrateToLatest, so replicas that start together migrate one at a time. */
  migrations: 1,
  /** Held by every transaction that inserts events, so event ids commit in increasing order (rollups.ts). */
  eventIds: 2,
} as const;

/**
 * Runs `work` while holding the session-level advisory lock `key`, taken on a connection of
 * its own (not one of the pool's, so `work` can use the whole pool, even a pool of one).
 */
export async function withSessionLock<T>(db: Kysely<Database>, key: number, work: () => Promise<T>): Promise<T> {
  const config = settings.get(db);
  if (!config) throw new Error('withSessionLock needs a database opened by openPostgres');
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1::int, $2::int)', [ADVISORY_LOCKS.namespace, key]);
    try {
      return await work();
    } finally {
      await client.query('select pg_advisory_unlock($1::int, $2::int)', [ADVISORY_LOCKS.namespace, key]);
    }
  } finally {
    await client.end();
  }
}

/**
 * Which database a Kysely instance (or a transaction of one) talks to. Queries stay written
 * once; the few places where the two databases need different SQL or a different write path
 * (docs/design.md §6) ask here instead of carrying a flag around.
 */
import { PostgresAdapter, type DialectAdapter } from 'kysely';

/** The two databases the storage layer supports. */
export type Dialect = 'sqlite' | 'postgres';

/** A Kysely instance or transaction, of any database type. */
interface HasExecutor {
  getExecutor(): { readonly adapter: DialectAdapter };
}

/** The dialect behind `db`, from its adapter (a transaction shares its parent's). */
export function dialectOf(db: HasExecutor): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Whether `db` is on PostgreSQL. */
export const isPostgres = (db: HasExecutor) => dialectOf(db) === 'postgres';

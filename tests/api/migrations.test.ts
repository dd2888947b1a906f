/**
 * Migrations, on each database: every earlier version of the schema upgrades to the latest,
 * every step can be undone and redone, ending with exactly the schema a fresh database gets,
 * and replicas that start at the same moment apply each migration once.
 */
import { Migrator, NO_MIGRATIONS, type MigrationResultSet } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, pendingMigrations, type Db, type OpenedDatabase } from '../../api/db/index.ts';
import { migrations } from '../../api/db/migrations/index.ts';
import { execute, freshDatabase, queryRows, queryValue, testDialect } from '../support/database.ts';

const names = Object.keys(migrations);
const migratorFor = (db: Db) => new Migrator({ db, provider: { getMigrations: async () => migrations } });

/** Tables, columns, indexes and constraints with their definitions, Kysely's own bookkeeping left out. */
async function schemaOf(db: Db): Promise<unknown[]> {
  if (testDialect === 'sqlite')
    return queryRows(
      db,
      "select type, name, sql from sqlite_master where name not like 'kysely_%' and name not like 'sqlite_%' order by type, name",
    );
  // Columns in table order (a dropped and re-added column keeps its place at the end, as on a fresh database).
  const columns = await queryRows(
    db,
    `select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null,
       a.attidentity as identity, coalesce(co.collname, '') as collation, pg_get_expr(d.adbin, d.adrelid) as default
     from pg_attribute a join pg_class c on c.oid = a.attrelid
     left join pg_collation co on co.oid = a.attcollation and a.attcollation <> 100
     left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
     where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r' and c.relname not like 'kysely\\_%'
       and a.attnum > 0 and not a.attisdropped
     order by c.relname, a.attnum`,
  );
  const indexes = await queryRows(
    db,
    "select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename not like 'kysely\\_%' order by indexname",
  );
  const constraints = await queryRows(
    db,
    `select conrelid::regclass::text as table, conname, pg_get_constraintdef(oid) as definition from pg_constraint
     where connamespace = current_schema()::regnamespace and conrelid::regclass::text not like 'kysely\\_%' order by conname`,
  );
  return [...columns, ...indexes, ...constraints];
}

async function hasTable(db: Db, table: string): Promise<boolean> {
  return (await db.introspection.getTables()).some((t) => t.name === table);
}

function ok(result: MigrationResultSet) {
  if (result.error) throw result.error;
  return result.results ?? [];
}

describe(`migrations on ${testDialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`, () => {
  it('are numbered in order', () => {
    expect(names).toEqual([...names].sort());
    // Numbers are reserved per issue and may land out of order (0011 before 0010): unique and increasing, gaps allowed.
    const numbers = names.map((migration) => Number(/^(\d{4})_/.exec(migration)?.[1]));
    numbers.forEach((n, i) => expect(n).toBeGreaterThan(i === 0 ? 0 : numbers[i - 1]!));
  });

  it.each(names.map((_, i) => [i === 0 ? '(empty)' : names[i - 1]!, i] as const))(
    'upgrade a database at %s to the latest schema',
    async (_from, applied) => {
      const fresh = await freshDatabase({ migrated: false });
      await migrate(fresh.db);
      const old = await freshDatabase({ migrated: false });
      ok(await migratorFor(old.db).migrateTo(applied === 0 ? NO_MIGRATIONS : names[applied - 1]!));
      // Rows written by the old version survive the upgrade.
      const hasVotes = await hasTable(old.db, 'votes');
      if (hasVotes) {
        await execute(
          old.db,
          "insert into votes (article, visitor, day, helpful, created_at, updated_at) values ('en/a', 'v', '2026-11-27', 1, '2026-11-27T10:00:00Z', '2026-11-27T10:00:00Z')",
        );
        await execute(
          old.db,
          "insert into events (type, visitor, session, created_at) values ('contact_view', 'v', 's', '2026-11-27T10:00:00Z')",
        );
      }
      await migrate(old.db);
      expect(await schemaOf(old.db)).toEqual(await schemaOf(fresh.db));
      if (hasVotes) {
        expect(await queryValue(old.db, 'select count(*) as n from votes')).toBe(1);
        expect(await queryValue(old.db, 'select count(*) as n from events')).toBe(1);
        // The identity of the upgraded table goes on after the row the old version wrote.
        await execute(
          old.db,
          "insert into events (type, visitor, session, created_at) values ('contact_view', 'v', 's', '2026-11-27T10:01:00Z')",
        );
        expect(await queryValue(old.db, 'select max(id) from events')).toBe(2);
      }
    },
  );

  it('can each be undone and redone, back to the same schema', async () => {
    const { db } = await freshDatabase({ migrated: false });
    await migrate(db);
    const latest = await schemaOf(db);
    const migrator = migratorFor(db);
    for (let i = names.length - 1; i >= 0; i--) {
      expect(ok(await migrator.migrateDown()).map((r) => `${r.direction} ${r.migrationName} ${r.status}`)).toEqual([
        `Down ${names[i]} Success`,
      ]);
    }
    expect(await schemaOf(db)).toEqual([]);
    ok(await migrator.migrateToLatest());
    expect(await schemaOf(db)).toEqual(latest);
  });

  it('compare text byte by byte, as SQLite does, whatever the database collation', async () => {
    const { db } = await freshDatabase();
    for (const key of ['b', 'B', 'a', 'a-b', 'ab', 'A', '2026-11-27T10:00:00Z', '2026-11-27T10:00:00.000Z', 'é', 'z'])
      await execute(db, `insert into settings (key, value, updated_at) values ('${key}', '', '')`);
    // Code-point order: digits, then upper case, then lower case ('-' before letters), then 'é'. A
    // locale's collation (en-US) would put 'A' next to 'a' and weigh the '-' of 'a-b' last.
    expect(await queryValue(db, "select count(*) from settings where key > 'Z' and key < 'b'")).toBe(3);
    expect((await queryRows<{ key: string }>(db, 'select key from settings order by key')).map((r) => r.key)).toEqual([
      '2026-11-27T10:00:00.000Z',
      '2026-11-27T10:00:00Z',
      'A',
      'B',
      'a',
      'a-b',
      'ab',
      'b',
      'z',
      'é',
    ]);
  });

  it('are applied once when two replicas migrate the same new database at the same moment', async () => {
    const first = await freshDatabase({ migrated: false });
    // On PostgreSQL a second pool, as a second replica has; SQLite's one connection serves one process.
    const second: OpenedDatabase =
      first.dialect === 'postgres' ? openDatabase({ url: first.pool.options.connectionString!, poolSize: 1 }) : first;
    try {
      expect(await pendingMigrations(first.db)).toEqual(names);
      const [a, b] = await Promise.all([migrate(first.db), migrate(second.db)]);
      expect([...a, ...b].sort()).toEqual(names);
      expect(a.length === 0 || b.length === 0).toBe(true);
      expect(await pendingMigrations(second.db)).toEqual([]);
      expect(await queryValue(first.db, 'select count(*) from kysely_migration')).toBe(names.length);
    } finally {
      if (second !== first) await second.close();
    }
  });
});

/**
 * Migrations: every earlier version of the schema upgrades to the latest, and every step
 * can be undone and redone, ending with exactly the schema a fresh database gets.
 */
import { Migrator, NO_MIGRATIONS, type MigrationResultSet } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Db } from '../../api/db/index.ts';
import { migrations } from '../../api/db/migrations/index.ts';
import { migratedDatabase } from '../support/database.ts';

const names = Object.keys(migrations);
const migratorFor = (db: Db) => new Migrator({ db, provider: { getMigrations: async () => migrations } });

/** Tables and indexes with their SQL, Kysely's own bookkeeping left out. */
function schemaOf(sqlite: ReturnType<typeof openDatabase>['sqlite']) {
  return sqlite
    .prepare("select type, name, sql from sqlite_master where name not like 'kysely_%' and name not like 'sqlite_%' order by type, name")
    .all();
}

function ok(result: MigrationResultSet) {
  if (result.error) throw result.error;
  return result.results ?? [];
}

describe('migrations', () => {
  it('are numbered in order', () => {
    expect(names).toEqual([...names].sort());
    names.forEach((migration, i) => expect(migration.startsWith(String(i + 1).padStart(4, '0'))).toBe(true));
  });

  it.each(names.map((_, i) => [i === 0 ? '(empty)' : names[i - 1]!, i] as const))(
    'upgrade a database at %s to the latest schema',
    async (_from, applied) => {
      const fresh = await migratedDatabase();
      const old = openDatabase(':memory:');
      ok(await migratorFor(old.db).migrateTo(applied === 0 ? NO_MIGRATIONS : names[applied - 1]!));
      // Rows written by the old version survive the upgrade.
      const hasVotes = old.sqlite.prepare("select 1 from sqlite_master where name = 'votes'").get();
      if (hasVotes) {
        old.sqlite
          .prepare(
            "insert into votes (article, visitor, day, helpful, created_at, updated_at) values ('en/a', 'v', '2026-11-27', 1, '2026-11-27T10:00:00Z', '2026-11-27T10:00:00Z')",
          )
          .run();
        old.sqlite
          .prepare("insert into events (type, visitor, session, created_at) values ('contact_view', 'v', 's', '2026-11-27T10:00:00Z')")
          .run();
      }
      await migrate(old.db);
      expect(schemaOf(old.sqlite)).toEqual(schemaOf(fresh.sqlite));
      if (hasVotes) {
        expect(old.sqlite.prepare('select count(*) as n from votes').get()).toEqual({ n: 1 });
        expect(old.sqlite.prepare('select count(*) as n from events').get()).toEqual({ n: 1 });
      }
    },
  );

  it('can each be undone and redone, back to the same schema', async () => {
    const { db, sqlite } = await migratedDatabase();
    const latest = schemaOf(sqlite);
    const migrator = migratorFor(db);
    for (let i = names.length - 1; i >= 0; i--) {
      expect(ok(await migrator.migrateDown()).map((r) => `${r.direction} ${r.migrationName} ${r.status}`)).toEqual([
        `Down ${names[i]} Success`,
      ]);
    }
    expect(schemaOf(sqlite)).toEqual([]);
    ok(await migrator.migrateToLatest());
    expect(schemaOf(sqlite)).toEqual(latest);
  });
});

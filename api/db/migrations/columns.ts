/**
 * Column types that differ between the two databases, so the same migrations create both
 * schemas (docs/design.md §6). On SQLite every helper gives exactly what the migrations wrote
 * before PostgreSQL existed, so an existing SQLite database and a new one stay identical.
 */
import { sql, type ColumnDataType, type ColumnDefinitionBuilder, type Expression, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

/** What addColumn takes as a type: a name or an SQL expression. */
type DataTypeExpression = ColumnDataType | Expression<unknown>;
type Column = [DataTypeExpression, (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder];

/**
 * An integer primary key the database numbers, spread into addColumn: `addColumn('id', ...rowId(db))`.
 * SQLite: `integer primary key`, the rowid (plain by default; `autoIncrement` never reuses the
 * ids of deleted rows, at the cost of updating sqlite_sequence on every insert).
 * PostgreSQL: a bigint identity that never reuses ids either; `by default` so a copy
 * (`npm run db:copy`) can insert the ids it brings.
 */
export function rowId(db: Kysely<unknown>, options: { autoIncrement?: boolean } = {}): Column {
  if (isPostgres(db)) return ['bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity()];
  return ['integer', (c) => (options.autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey())];
}

/**
 * The text type. PostgreSQL compares text by the database's locale (en_US sorts "a" < "B" and
 * ignores punctuation at first), SQLite by bytes; ISO times, ids and the ORDER BYs of the queries
 * assume bytes. `collate "C"` compares bytes on PostgreSQL too, whatever locale the database
 * was created with, and is what lets a B-tree index serve range scans on ISO times.
 */
export function text(db: Kysely<unknown>): DataTypeExpression {
  return isPostgres(db) ? sql`text collate "C"` : 'text';
}

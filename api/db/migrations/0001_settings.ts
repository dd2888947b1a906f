/** Key-value settings shared by every API replica (for example the visitor-id salt). */
import type { Kysely } from 'kysely';
import { text } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', text(db), (col) => col.primaryKey())
    .addColumn('value', text(db), (col) => col.notNull())
    .addColumn('updated_at', text(db), (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('settings').execute();
}

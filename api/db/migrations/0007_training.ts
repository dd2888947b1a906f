/**
 * Training coverage (issue #6, docs/design.md §5): who completed which training article when,
 * and the optional roster that gives ticket agents a name and a team.
 */
import type { Kysely } from 'kysely';
import { rowId, text } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('training_records')
    .addColumn('id', ...rowId(db, { autoIncrement: true }))
    /** The ticket `agent` value of the person trained. */
    .addColumn('agent', text(db), (c) => c.notNull())
    /** Article id of a `type: training` article, e.g. en/training-licence-activation. */
    .addColumn('article', text(db), (c) => c.notNull())
    .addColumn('completed_at', text(db), (c) => c.notNull())
    .addColumn('created_at', text(db), (c) => c.notNull())
    /** Who recorded it: the staff token's name, or "import:<file>". */
    .addColumn('created_by', text(db))
    .execute();
  // The same completion recorded twice is one record (API answers 200, the import counts a duplicate);
  // the index also serves the per-agent look-ups of the coverage metrics.
  await db.schema
    .createIndex('training_records_unique')
    .unique()
    .on('training_records')
    .columns(['agent', 'article', 'completed_at'])
    .execute();
  // Effectiveness selects the trainings completed in a period.
  await db.schema.createIndex('training_records_completed').on('training_records').column('completed_at').execute();

  // Coverage reads every resolved ticket of the period with its agent and resolution time
  // (api/db/training-queries.ts resolvedTicketsIn): covering, so the range is read from the
  // index alone. resolution_seconds comes from migration 0006.
  await db.schema.createIndex('tickets_training').on('tickets').columns(['created_at', 'topic', 'agent', 'resolution_seconds']).execute();

  await db.schema
    .createTable('agent_roster')
    .addColumn('agent', text(db), (c) => c.primaryKey())
    .addColumn('name', text(db), (c) => c.notNull())
    .addColumn('team', text(db), (c) => c.notNull())
    .addColumn('updated_at', text(db), (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('tickets_training').execute();
  await db.schema.dropTable('agent_roster').execute();
  await db.schema.dropTable('training_records').execute();
}

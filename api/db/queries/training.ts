/**
 * Training records and the agent roster (issue #6, docs/design.md §5). A record says that an
 * agent (a ticket `agent` value) completed a training article at a time; the roster gives
 * agents a display name and a team. Validation happens at the edge (core/contracts/training.ts,
 * the CSV importers); these functions trust their input.
 */
import type { Db } from '../index.ts';

/** A completion as the API, the importer and the seed hand it over. */
export interface TrainingRecordInput {
  agent: string;
  /** Article id of a training article, e.g. en/training-licence-activation. */
  article: string;
  /** ISO-8601 UTC time. */
  completedAt: string;
}

export interface TrainingRecord extends TrainingRecordInput {
  id: number;
  createdAt: string;
  createdBy: string | null;
}

export interface RosterRow {
  agent: string;
  name: string;
  team: string;
}

/** Rows per multi-row INSERT: 5 columns × 200 stays far below every engine's parameter limit. */
const CHUNK = 200;

const toRecord = (r: {
  id: number;
  agent: string;
  article: string;
  completed_at: string;
  created_at: string;
  created_by: string | null;
}): TrainingRecord => ({
  id: r.id,
  agent: r.agent,
  article: r.article,
  completedAt: r.completed_at,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

const recordColumns = ['id', 'agent', 'article', 'completed_at', 'created_at', 'created_by'] as const;

/**
 * Inserts completions in one transaction (all or nothing). An exact duplicate (same agent,
 * article and completion time, already stored or twice in the list) is skipped and counted.
 */
export async function insertTrainingRecords(
  db: Db,
  records: TrainingRecordInput[],
  options: { now?: Date; createdBy?: string } = {},
): Promise<{ inserted: number; duplicates: number }> {
  if (records.length === 0) return { inserted: 0, duplicates: 0 };
  const createdAt = (options.now ?? new Date()).toISOString();
  const createdBy = options.createdBy ?? null;
  const inserted = await db.transaction().execute(async (trx) => {
    let count = 0;
    for (let i = 0; i < records.length; i += CHUNK) {
      const values = records
        .slice(i, i + CHUNK)
        .map((r) => ({ agent: r.agent, article: r.article, completed_at: r.completedAt, created_at: createdAt, created_by: createdBy }));
      const result = await trx
        .insertInto('training_records')
        .values(values)
        .onConflict((oc) => oc.columns(['agent', 'article', 'completed_at']).doNothing())
        .executeTakeFirst();
      count += Number(result.numInsertedOrUpdatedRows ?? 0n);
    }
    return count;
  });
  return { inserted, duplicates: records.length - inserted };
}

/** Inserts one completion; on an exact duplicate returns the stored record with created = false. */
export async function insertTrainingRecord(
  db: Db,
  record: TrainingRecordInput,
  options: { now?: Date; createdBy?: string } = {},
): Promise<{ record: TrainingRecord; created: boolean }> {
  const { inserted } = await insertTrainingRecords(db, [record], options);
  const stored = await db
    .selectFrom('training_records')
    .select(recordColumns)
    .where('agent', '=', record.agent)
    .where('article', '=', record.article)
    .where('completed_at', '=', record.completedAt)
    .executeTakeFirstOrThrow();
  return { record: toRecord(stored), created: inserted === 1 };
}

/** Records, newest completion first, optionally of one agent and/or of some articles. */
export async function listTrainingRecords(
  db: Db,
  filter: { agent?: string | undefined; articles?: string[] | undefined } = {},
): Promise<TrainingRecord[]> {
  let query = db.selectFrom('training_records').select(recordColumns);
  if (filter.agent !== undefined) query = query.where('agent', '=', filter.agent);
  if (filter.articles !== undefined) {
    if (filter.articles.length === 0) return [];
    query = query.where('article', 'in', filter.articles);
  }
  const rows = await query.orderBy('completed_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toRecord);
}

/** Deletes one record by id; returns how many were deleted (0 or 1). */
export async function deleteTrainingRecord(db: Db, id: number): Promise<number> {
  const result = await db.deleteFrom('training_records').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Completions with completedAt in [start, end), oldest first (effectiveness). */
export async function trainingRecordsCompletedIn(db: Db, start: string, end: string): Promise<TrainingRecord[]> {
  const rows = await db
    .selectFrom('training_records')
    .select(recordColumns)
    .where('completed_at', '>=', start)
    .where('completed_at', '<', end)
    .orderBy('completed_at')
    .orderBy('id')
    .execute();
  return rows.map(toRecord);
}

/** Every completion up to `end` (coverage needs each agent's whole history). Small: people × articles. */
export async function trainingRecordsBefore(
  db: Db,
  end: string,
): Promise<Array<Pick<TrainingRecord, 'agent' | 'article' | 'completedAt'>>> {
  const rows = await db
    .selectFrom('training_records')
    .select(['agent', 'article', 'completed_at'])
    .where('completed_at', '<', end)
    .execute();
  return rows.map((r) => ({ agent: r.agent, article: r.article, completedAt: r.completed_at }));
}

/** Inserts or updates roster rows by agent in one transaction. */
export async function upsertRoster(db: Db, rows: RosterRow[], now = new Date()): Promise<{ inserted: number; updated: number }> {
  if (rows.length === 0) return { inserted: 0, updated: 0 };
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const agents = [...new Set(rows.map((r) => r.agent))];
    const known = new Set<string>();
    for (let i = 0; i < agents.length; i += CHUNK) {
      const found = await trx
        .selectFrom('agent_roster')
        .select('agent')
        .where('agent', 'in', agents.slice(i, i + CHUNK))
        .execute();
      for (const f of found) known.add(f.agent);
    }
    // The last row for an agent wins, as when the file is read top to bottom.
    const latest = new Map(rows.map((r) => [r.agent, r]));
    const values = [...latest.values()].map((r) => ({ agent: r.agent, name: r.name, team: r.team, updated_at: at }));
    for (let i = 0; i < values.length; i += CHUNK) {
      await trx
        .insertInto('agent_roster')
        .values(values.slice(i, i + CHUNK))
        .onConflict((oc) =>
          oc.column('agent').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            team: eb.ref('excluded.team'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
    const inserted = values.filter((v) => !known.has(v.agent)).length;
    return { inserted, updated: values.length - inserted };
  });
}

/** The roster, by agent. */
export async function listRoster(db: Db): Promise<RosterRow[]> {
  return db.selectFrom('agent_roster').select(['agent', 'name', 'team']).orderBy('agent').execute();
}

/** Every ticket agent with its number of tickets (all time). */
export async function ticketAgents(db: Db): Promise<Array<{ agent: string; tickets: number }>> {
  const rows = await db
    .selectFrom('tickets')
    .select((eb) => ['agent', eb.fn.countAll<number>().as('tickets')])
    .where('agent', 'is not', null)
    .groupBy('agent')
    .execute();
  return rows.map((r) => ({ agent: r.agent!, tickets: Number(r.tickets) }));
}

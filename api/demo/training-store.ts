/** Writes the demo's training records and roster through the training storage layer (api/db/queries/training.ts). */
import type { Db } from '../db/index.ts';
import { insertTrainingRecords, upsertRoster } from '../db/queries/training.ts';
import type { DemoAgent } from './agents.ts';
import type { TrainingRecordSeed } from './training.ts';

/** Who the records say created them. */
export const SEED_CREATED_BY = 'demo seed';

/** Stores the records and the roster; returns how many of each were written. */
export async function writeTraining(
  db: Db,
  records: TrainingRecordSeed[],
  agents: readonly DemoAgent[],
  now: Date,
): Promise<{ records: number; roster: number }> {
  const { inserted } = await insertTrainingRecords(db, records, { now, createdBy: SEED_CREATED_BY });
  const roster = await upsertRoster(
    db,
    agents.map((a) => ({ agent: a.agent, name: a.name, team: a.team })),
    now,
  );
  return { records: inserted, roster: roster.inserted + roster.updated };
}

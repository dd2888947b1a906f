/**
 * `import:roster`: the agent roster from CSV (`agent,name,team`), upserted by agent (the
 * last row of an agent wins). Bad rows are reported by line and skipped.
 */
import type { Db } from '../../../api/db/index.ts';
import { upsertRoster, type RosterRow } from '../../../api/db/queries/training.ts';
import { rosterRowSchema } from '../../../core/contracts/training.ts';
import { csvTable, readCsvFile, type RowProblem } from './csv-file.ts';

export function readRoster(text: string): { rows: number; roster: RosterRow[]; problems: RowProblem[] } {
  const table = csvTable(text, ['agent', 'name', 'team']);
  const roster: RosterRow[] = [];
  const problems: RowProblem[] = [];
  for (const r of table.records) {
    const parsed = rosterRowSchema.safeParse({
      agent: table.get(r, 'agent') ?? '',
      name: table.get(r, 'name') ?? '',
      team: table.get(r, 'team') ?? '',
    });
    if (parsed.success) roster.push(parsed.data);
    else
      problems.push({ line: r.line, message: parsed.error.issues.map((i) => `${String(i.path[0] ?? '(row)')}: ${i.message}`).join('; ') });
  }
  return { rows: table.records.length, roster, problems };
}

export async function importRosterFile(db: Db | null, file: string, options: { now?: Date; dryRun?: boolean } = {}) {
  const { rows, roster, problems } = readRoster(readCsvFile(file));
  const summary = { rows, inserted: 0, updated: 0, errors: problems.length, problems, dryRun: Boolean(options.dryRun) };
  if (options.dryRun || !db) return summary;
  const written = await upsertRoster(db, roster, options.now);
  return { ...summary, ...written };
}

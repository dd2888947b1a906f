/**
 * `import:training`: training completions from CSV (`agent,article,completed_at`). Every row
 * is validated with the API's schema and the article must be a training article of the
 * content; a bad row is reported with its line and skipped, good rows are written in one
 * transaction, and an exact duplicate (already stored or repeated) is counted, not doubled.
 */
import type { Db } from '../../../api/db/index.ts';
import { insertTrainingRecords, type TrainingRecordInput } from '../../../api/db/queries/training.ts';
import { trainingRecordSchema } from '../../../core/contracts/training.ts';
import { csvTable, readCsvFile, type RowProblem } from './csv-file.ts';

export interface TrainingImportSummary {
  rows: number;
  inserted: number;
  duplicates: number;
  errors: number;
  problems: RowProblem[];
  dryRun: boolean;
}

/** Validates every row; throws TrainingFileError when the file as a whole is unusable. */
export function readTrainingRecords(
  text: string,
  articleTypes: ReadonlyMap<string, string>,
  now: Date,
): { rows: number; records: TrainingRecordInput[]; problems: RowProblem[] } {
  const table = csvTable(text, ['agent', 'article', 'completed_at']);
  const records: TrainingRecordInput[] = [];
  const problems: RowProblem[] = [];
  for (const r of table.records) {
    const parsed = trainingRecordSchema.safeParse({
      agent: table.get(r, 'agent') ?? '',
      article: table.get(r, 'article') ?? '',
      completedAt: table.get(r, 'completed_at') ?? '',
    });
    if (!parsed.success) {
      const field = (p: (string | number)[]) => (p[0] === 'completedAt' ? 'completed_at' : String(p[0] ?? '(row)'));
      problems.push({ line: r.line, message: parsed.error.issues.map((i) => `${field(i.path)}: ${i.message}`).join('; ') });
      continue;
    }
    const { agent, article, completedAt } = parsed.data;
    const type = articleTypes.get(article);
    if (!type) problems.push({ line: r.line, message: `article: no article has the id "${article}"` });
    else if (type !== 'training') problems.push({ line: r.line, message: `article: "${article}" is a ${type} article, not type training` });
    else if (Date.parse(completedAt) > now.getTime())
      problems.push({ line: r.line, message: `completed_at: ${completedAt} is in the future` });
    else records.push({ agent, article, completedAt });
  }
  return { rows: table.records.length, records, problems };
}

/** Reads, validates and (unless dryRun) writes a file. Nothing is written when the file cannot be read or parsed. */
export async function importTrainingFile(
  db: Db | null,
  file: string,
  options: { articleTypes: ReadonlyMap<string, string>; now?: Date; dryRun?: boolean },
): Promise<TrainingImportSummary> {
  const now = options.now ?? new Date();
  const { rows, records, problems } = readTrainingRecords(readCsvFile(file), options.articleTypes, now);
  const summary: TrainingImportSummary = {
    rows,
    inserted: 0,
    duplicates: 0,
    errors: problems.length,
    problems,
    dryRun: Boolean(options.dryRun),
  };
  if (options.dryRun || !db) return summary;
  const written = await insertTrainingRecords(db, records, { now, createdBy: `import:${file.split(/[\\/]/).pop()}` });
  summary.inserted = written.inserted;
  summary.duplicates = written.duplicates;
  return summary;
}

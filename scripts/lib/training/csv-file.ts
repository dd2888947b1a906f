/**
 * Reading a CSV file with a header for the training importers: the whole file is read and
 * parsed before anything is written, so a file that cannot be read or is not CSV changes
 * nothing. Columns are found by name (any case; `completed_at` or `completedAt`).
 */
import { readFileSync } from 'node:fs';
import { CsvError, parseCsv, type CsvRecord } from '../../../core/text/csv-parse.ts';

/** A file that cannot be used at all (unreadable, not CSV, a required column missing). */
export class TrainingFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrainingFileError';
  }
}

/** A row that was not imported, with its line in the file. */
export interface RowProblem {
  line: number;
  message: string;
}

export function readCsvFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new TrainingFileError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

const key = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');

/** Data records and a getter by column name; throws TrainingFileError when a required column is missing. */
export function csvTable(
  text: string,
  required: string[],
): { records: CsvRecord[]; get: (r: CsvRecord, column: string) => string | undefined; columns: Set<string> } {
  let parsed: CsvRecord[];
  try {
    parsed = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw new TrainingFileError(`not valid CSV: ${error.message}`);
    throw error;
  }
  const [header, ...records] = parsed;
  if (!header) throw new TrainingFileError(`the file is empty: expected a header line with ${required.join(', ')}`);
  const index = new Map(header.fields.map((f, i) => [key(f), i]));
  const missing = required.filter((c) => !index.has(key(c)));
  if (missing.length) throw new TrainingFileError(`missing column(s) ${missing.join(', ')} (header: ${header.fields.join(',')})`);
  const get = (r: CsvRecord, column: string) => {
    const i = index.get(key(column));
    const v = i === undefined ? undefined : r.fields[i]?.trim();
    return v === '' ? undefined : v;
  };
  return { records, get, columns: new Set(index.keys()) };
}

/**
 * Reads question/answer pairs from JSONL (`{thread_id, question, answer}` per line) or CSV
 * (a header row naming `question` and `answer`, optionally `thread_id` or `id`). Bad rows are
 * reported with their line and skipped; a file with no usable row stops the import.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { CsvError, parseCsv } from '../../../core/text/csv-parse.ts';
import { ImportError } from './report.ts';

/** One answer to one question, with the line it came from. */
export interface FaqRow {
  line: number;
  threadId: string;
  question: string;
  answer: string;
}

/** A row that was skipped, and why. */
export interface RowProblem {
  line: number;
  message: string;
}

/** The usable rows of a file and the rows skipped. */
export interface FaqRows {
  rows: FaqRow[];
  problems: RowProblem[];
}

/**
 * The thread a row belongs to. Without an id column, rows asking the same question form
 * one thread, keyed by a hash of the question so repeated imports keep the same slug.
 */
function threadIdOf(record: Record<string, unknown>, question: string): string {
  for (const key of ['thread_id', 'id']) {
    const value = record[key];
    if ((typeof value === 'string' && value.trim()) || typeof value === 'number') return String(value).trim();
  }
  return `q${createHash('sha1').update(question.trim().toLowerCase()).digest('hex').slice(0, 10)}`;
}

/** Checks one record and adds it to `into` as a row or a problem. */
function addRecord(into: FaqRows, line: number, record: Record<string, unknown>): void {
  const { question, answer } = record;
  const missing = [
    typeof question === 'string' && question.trim() ? null : 'question',
    typeof answer === 'string' && answer.trim() ? null : 'answer',
  ].filter(Boolean);
  if (missing.length) {
    into.problems.push({ line, message: `missing ${missing.join(' and ')}` });
    return;
  }
  into.rows.push({
    line,
    threadId: threadIdOf(record, question as string),
    question: (question as string).trim(),
    answer: (answer as string).trim(),
  });
}

/** Parses JSONL text: one JSON object per line, blank lines ignored. */
export function parseFaqJsonl(text: string): FaqRows {
  const result: FaqRows = { rows: [], problems: [] };
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      if (!raw.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        result.problems.push({ line, message: `not valid JSON (${(error as Error).message})` });
        return;
      }
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        result.problems.push({ line, message: 'not a JSON object' });
        return;
      }
      addRecord(result, line, value as Record<string, unknown>);
    });
  return result;
}

/** Parses CSV text whose header row names the columns (case-insensitive). */
export function parseFaqCsv(text: string): FaqRows {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw new ImportError(`not a readable CSV file: ${error.message}`);
    throw error;
  }
  const [header, ...body] = records;
  const columns = (header?.fields ?? []).map((name) => name.trim().toLowerCase());
  if (!columns.includes('question') || !columns.includes('answer')) {
    throw new ImportError(
      `not a FAQ CSV file: the header row must name "question" and "answer" columns (found: ${columns.join(', ') || 'nothing'})`,
    );
  }
  const result: FaqRows = { rows: [], problems: [] };
  for (const record of body) {
    if (record.fields.length !== columns.length) {
      result.problems.push({ line: record.line, message: `has ${record.fields.length} fields, the header has ${columns.length}` });
      continue;
    }
    addRecord(result, record.line, Object.fromEntries(columns.map((name, i) => [name, record.fields[i]])));
  }
  return result;
}

/**
 * Reads a `.jsonl` or `.csv` file. Throws ImportError, before anything is written, when the
 * file is neither or holds no usable row: importing nothing is a mistake worth stopping for.
 */
export function readFaqRows(path: string): FaqRows {
  const extension = extname(path).toLowerCase();
  if (!['.jsonl', '.ndjson', '.csv'].includes(extension)) throw new ImportError(`${basename(path)}: expected a .jsonl or .csv file`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ImportError(`file not found: ${path}`);
  }
  const result = extension === '.csv' ? parseFaqCsv(text) : parseFaqJsonl(text);
  if (result.rows.length === 0) {
    const first = result.problems[0];
    const kind = extension === '.csv' ? 'CSV' : 'JSONL';
    throw new ImportError(
      `${basename(path)} is not a FAQ ${kind} file: no row has a question and an answer${first ? ` (line ${first.line}: ${first.message})` : ''}`,
    );
  }
  return result;
}

/**
 * A metric result as CSV (format=csv): its rows when it has rows, else its series, else one
 * `metric,value` line; a header line first. Cells are quoted per RFC 4180 and guarded
 * against CSV injection (OWASP): a text cell starting with = + - @ (or tab / carriage
 * return) gets a leading ' so a spreadsheet shows it instead of running it as a formula.
 * A cell holding ; or a tab is quoted too (issue 14): a spreadsheet in a locale whose list
 * separator is ; (most of Europe) splits an unquoted `x;=cmd` there and reads `=cmd` as a
 * formula, and one that sniffs tabs does the same at a tab.
 */
import type { MetricResult } from './types.ts';

type Cell = string | number | boolean | null | undefined | string[];

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: arrays joined with "; ", null empty, text guarded and quoted when it must be. */
export function csvCell(value: Cell): string {
  if (value == null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = Array.isArray(value) ? value.join('; ') : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Records as CSV with the union of their keys as the header, in first-seen order. */
export function recordsToCsv(records: Array<Record<string, Cell>>): string {
  const columns: string[] = [];
  for (const record of records) for (const key of Object.keys(record)) if (!columns.includes(key)) columns.push(key);
  const lines = [columns.map(csvCell).join(','), ...records.map((r) => columns.map((c) => csvCell(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** The CSV body for a metric's result. */
export function metricCsv(id: string, result: MetricResult): string {
  if (result.rows && result.rows.length > 0) return recordsToCsv(result.rows);
  if (result.series && result.series.length > 0) return recordsToCsv(result.series);
  return recordsToCsv([{ metric: id, value: result.value }]);
}

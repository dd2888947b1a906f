/** The checker's three outputs: lines for people, GitHub annotations for pull requests, JSON for tools. */
import { join } from 'node:path';
import type { CheckFinding } from './findings.ts';
import type { CheckReport } from './check.ts';

export const FORMATS = ['text', 'github', 'json'] as const;
export type ReportFormat = (typeof FORMATS)[number];

const where = (f: CheckFinding) => `${f.file}${f.line ? `:${f.line}` : ''}`;

/** GitHub workflow commands escape %, CR and LF in messages, and also : and , in properties. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** The one-line summary every format ends with (JSON carries it as counts). */
export function summaryLine(report: CheckReport): string {
  return `check:content: ${report.articles} articles, ${report.errors} error(s), ${report.warnings} warning(s)`;
}

/** Renders a report; `pathPrefix` makes file paths relative to the repository for annotations. */
export function formatReport(report: CheckReport, format: ReportFormat, pathPrefix = ''): string {
  if (format === 'json') {
    const { contentDir: _dir, ...rest } = report;
    return JSON.stringify({ ...rest, findings: report.findings.map((f) => ({ ...f, file: join(pathPrefix, f.file) })) }, null, 2);
  }
  const lines = report.findings.map((f) => {
    const file = join(pathPrefix, f.file);
    if (format === 'github') {
      const props = [`file=${escapeProperty(file)}`, ...(f.line ? [`line=${f.line}`] : []), `title=${escapeProperty(f.rule)}`].join(',');
      return `::${f.severity} ${props}::${escapeData(f.message)}`;
    }
    return `${f.severity === 'error' ? 'error  ' : 'warning'} ${where({ ...f, file })}  ${f.message}  [${f.rule}]`;
  });
  return [...lines, summaryLine(report)].join('\n');
}

/**
 * The import section of `npm run bench:tickets`: runs the real CLI on the ITSM export in a
 * child process against a temporary database, and measures wall time, rows per second and
 * the child's peak resident memory (sampled from /proc, Linux only, every 20 ms).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { envWith } from '../../../core/config/env.ts';
import { sampleTree } from '../bench/proc-tree.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The real ServiceNow incidents (UCI, CC BY 4.0): 20,769 rows. */
export const ITSM_FILE = '/work/shared/data/itsm-incidents/incidents_final_state.csv';

export interface ImportBench {
  file: string;
  format: string;
  rows: number;
  inserted: number;
  skipped: number;
  errors: number;
  /** Wall-clock seconds of the whole child (Node start-up, parsing, validation, writes). */
  seconds: number;
  rowsPerSecond: number;
  /** Peak RSS of the child process tree, MB. */
  peakRssMb: number;
  exitCode: number | null;
}

const SUMMARY = /^(\d+) rows: (\d+) inserted, (\d+) updated, (\d+) skipped, (\d+) errors/m;

/** Imports `file` once into a fresh temporary database and measures it. */
export async function benchImport(file = ITSM_FILE, format = 'servicenow'): Promise<ImportBench> {
  const dir = mkdtempSync(join(tmpdir(), 'kb-bench-tickets-'));
  try {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/import-tickets.ts'), resolve(file), '--format', format], {
      cwd: ROOT,
      // Its own SQLite file, never the PostgreSQL database a DATABASE_URL in the shell names.
      env: envWith({ KB_DB: join(dir, 'kb.sqlite'), DATABASE_URL: undefined }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let peakKb = 0;
    const timer = setInterval(() => {
      if (child.pid) peakKb = Math.max(peakKb, sampleTree(child.pid).totalKb);
    }, 20);
    const exitCode = await new Promise<number | null>((done) => child.on('close', done));
    clearInterval(timer);
    const seconds = (performance.now() - started) / 1000;
    const m = SUMMARY.exec(stdout);
    if (!m) throw new Error(`the import printed no summary (exit ${exitCode}): ${stderr.slice(-500)}`);
    const [rows, inserted, , skipped, errors] = m.slice(1).map(Number) as [number, number, number, number, number];
    return { file, format, rows, inserted, skipped, errors, seconds, rowsPerSecond: rows / seconds, peakRssMb: peakKb / 1024, exitCode };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The section's rows for the printed table: [measure, value]. */
export function importRows(b: ImportBench): string[][] {
  return [
    ['file', `${b.file} (${b.format})`],
    [
      'rows (inserted / skipped / errors)',
      `${b.rows.toLocaleString('en-US')} (${b.inserted.toLocaleString('en-US')} / ${b.skipped} / ${b.errors})`,
    ],
    ['wall time s (child, incl. start-up)', b.seconds.toFixed(2)],
    ['rows per second', Math.round(b.rowsPerSecond).toLocaleString('en-US')],
    ['peak RSS MB (child process tree)', b.peakRssMb.toFixed(0)],
  ];
}

/**
 * Runs one command and measures it: wall-clock seconds and peak memory of the whole process
 * tree. The tree matters because Pagefind indexes in a separate native binary, which a
 * single process's RSS (or GNU time's figure, which is one process's maximum) would miss.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleTree } from './proc-tree.ts';

const GNU_TIME = '/usr/bin/time';
const SAMPLE_MS = 100;

/** How one command ran. */
export interface Measured {
  seconds: number;
  /** Highest sum of VmRSS over the process and all its descendants, sampled every 100 ms. */
  peakTreeRssMb: number;
  /** Who held the memory at that peak: MB per process name. */
  peakByProcess: Record<string, number>;
  /** GNU time's "Maximum resident set size": the largest single process, or null without GNU time. */
  gnuTimeMaxRssMb: number | null;
  /**
   * User + system CPU seconds of the process and the children it waited for (GNU time).
   * Unlike wall-clock time it barely moves when other work shares the machine.
   */
  cpuSeconds: number | null;
  /** Everything the command printed, stdout and stderr interleaved. */
  output: string;
}

/** What to run. */
export interface MeasureOptions {
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** The step is killed (whole process group) and fails after this long. */
  timeoutSeconds: number;
  /** Called with each line the command prints, for progress output. */
  onLine?: (line: string) => void;
}

/** Process groups still running, so an interrupted benchmark can stop what it started. */
const running = new Set<number>();

/** Kills every process group a measure() call started that is still running. */
export function stopRunning(): void {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  running.clear();
}

/** Whether GNU time is installed (Debian's `time` package); it is optional. */
export const hasGnuTime = (): boolean => existsSync(GNU_TIME);

function readGnuTime(file: string): { maxRssMb: number | null; cpuSeconds: number | null } {
  if (!existsSync(file)) return { maxRssMb: null, cpuSeconds: null };
  const text = readFileSync(file, 'utf8');
  rmSync(file, { force: true });
  const field = (label: string): number | null => {
    const match = new RegExp(`${label}: ([\\d.]+)`).exec(text);
    return match ? Number(match[1]) : null;
  };
  const rssKb = field('Maximum resident set size \\(kbytes\\)');
  const user = field('User time \\(seconds\\)');
  const system = field('System time \\(seconds\\)');
  return { maxRssMb: rssKb === null ? null : rssKb / 1024, cpuSeconds: user === null || system === null ? null : user + system };
}

/**
 * Runs the command to completion, in its own process group so a timeout can stop every
 * process it started. Rejects with the command's last output lines on failure or timeout.
 */
export function measure(options: MeasureOptions): Promise<Measured> {
  const timeFile = join(tmpdir(), `bench-time-${process.pid}-${Date.now()}.txt`);
  const wrapped = hasGnuTime();
  const [command, args] = wrapped ? [GNU_TIME, ['-v', '-o', timeFile, options.command, ...options.args]] : [options.command, options.args];

  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, {
      cwd: options.cwd,
      // Without its own environment the child inherits this process's (spawn's default).
      env: options.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid) running.add(child.pid);
    let output = '';
    let pending = '';
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      output += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) options.onLine?.(line);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);

    let peak = { totalKb: 0, byName: {} as Record<string, number> };
    const sample = (): void => {
      if (!child.pid) return;
      const now = sampleTree(child.pid, wrapped);
      if (now.totalKb > peak.totalKb) peak = now;
    };
    const sampler = setInterval(sample, SAMPLE_MS);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // Negative pid: the whole process group we created with `detached`.
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, options.timeoutSeconds * 1000);

    child.on('error', (error) => {
      clearInterval(sampler);
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      if (child.pid) running.delete(child.pid);
      clearInterval(sampler);
      clearTimeout(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const gnu = wrapped ? readGnuTime(timeFile) : { maxRssMb: null, cpuSeconds: null };
      if (pending) options.onLine?.(pending);
      const tail = output.trim().split('\n').slice(-25).join('\n');
      if (timedOut)
        return reject(new Error(`timed out after ${options.timeoutSeconds} s: ${options.command} ${options.args.join(' ')}\n${tail}`));
      if (code !== 0) return reject(new Error(`exited with ${code ?? signal}: ${options.command} ${options.args.join(' ')}\n${tail}`));
      const peakByProcess = Object.fromEntries(Object.entries(peak.byName).map(([name, kb]) => [name, kb / 1024]));
      resolve({
        seconds,
        peakTreeRssMb: peak.totalKb / 1024,
        peakByProcess,
        gnuTimeMaxRssMb: gnu.maxRssMb,
        cpuSeconds: gnu.cpuSeconds,
        output,
      });
    });
  });
}

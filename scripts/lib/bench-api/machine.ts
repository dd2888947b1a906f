/**
 * How busy the whole machine was while a scenario was measured. The ceiling keeps both
 * cores nearly full; the write scenarios leave some idle because server and load generator
 * take turns (each waits for the other's batch), which a req/s figure alone does not show.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, type CpuInfo } from 'node:os';
import { join } from 'node:path';
import { ratio } from '../../../core/stats.ts';

/** Cumulative busy and total CPU time over all cores, in milliseconds. */
export interface CpuTimes {
  busy: number;
  total: number;
}

export function cpuTimes(info: CpuInfo[] = cpus()): CpuTimes {
  let busy = 0;
  let total = 0;
  for (const { times } of info) {
    const all = times.user + times.nice + times.sys + times.irq + times.idle;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
}

/** The share (0–1) of all cores' time that was busy between two readings; null when no time passed. */
export function busyShare(before: CpuTimes, after: CpuTimes): number | null {
  const total = after.total - before.total;
  return ratio(after.busy - before.busy, total);
}

/** Linux's USER_HZ: /proc reports CPU times in these ticks (100 on every mainstream build). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, µs) used so far by a PostgreSQL server: its postmaster, every
 * process it started that still runs (backends, writers), and the ones that exited (the
 * postmaster's waited-for children). Linux only (/proc); null where it cannot be read.
 */
export function postgresCpuMicros(dataDir: string): number | null {
  try {
    const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    let ticks = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      // Fields after the command name (which may hold spaces) in parentheses: state ppid … utime stime cutime cstime.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      const ppid = Number(fields[1]);
      if (pid !== postmaster && ppid !== postmaster) continue;
      ticks += Number(fields[11]) + Number(fields[12]);
      if (pid === postmaster) ticks += Number(fields[13]) + Number(fields[14]);
    }
    return (ticks / TICKS_PER_SECOND) * 1e6;
  } catch {
    return null;
  }
}

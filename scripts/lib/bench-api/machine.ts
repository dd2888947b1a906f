/**
 * How busy the whole machine was while a scenario was measured. The ceiling keeps both
 * cores nearly full; the write scenarios leave some idle because server and load generator
 * take turns (each waits for the other's batch), which a req/s figure alone does not show.
 */
import { cpus, type CpuInfo } from 'node:os';
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

/**
 * Reads a V8 CPU profile (the inspector's Profiler.stop result) of a server child and says where its time went:
 * self time by package or area, the hottest functions, and the time spent under each
 * function of our own api/ code (inclusive), so a missed target points at a fix.
 */
import { readFileSync } from 'node:fs';
import { ratio } from '../../../core/stats.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds by label, largest first. */
export type Breakdown = Array<{ label: string; ms: number; share: number }>;

/** Where a server child's CPU time went. */
export interface ProfileSummary {
  file: string;
  sampledMs: number;
  /** Idle time (waiting on the network or timers). */
  idleMs: number;
  byArea: Breakdown;
  hottest: Breakdown;
  ourCode: Breakdown;
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** "kysely", "hono", "node: internals", "api/db/queries/votes.ts", "(garbage collector)"… */
function areaOf(url: string, functionName: string): string | null {
  if (!url) return SPECIAL.has(functionName) ? functionName : null;
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1]!;
  // node:internal/streams/writable → node:streams; node:_http_server → node:_http_server
  if (url.startsWith('node:'))
    return `node:${
      url
        .slice(5)
        .replace(/^internal\//, '')
        .split('/')[0]
    }`;
  const ours = /\/((?:api|site|scripts)\/.*)$/.exec(url);
  return ours ? ours[1]! : url;
}

/** Package or file, with the line only where it means something: tsx-compiled files report line 1. */
function where(url: string, functionName: string, lineNumber: number): string {
  const label = areaOf(url, functionName) ?? url;
  return lineNumber > 0 ? `${label}:${lineNumber + 1}` : label;
}

function sorted(map: Map<string, number>, total: number, limit: number): Breakdown {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([label, ms]) => ({ label, ms, share: ratio(ms, total) ?? 0 }));
}

const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);

/** Summarizes one .cpuprofile file. */
export function summarizeProfile(file: string, limit = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // A native function (empty url, e.g. better-sqlite3's prepare) is charged to the area of its caller.
  const areaCache = new Map<number, string>();
  const area = (id: number): string => {
    const cached = areaCache.get(id);
    if (cached) return cached;
    const { url, functionName } = byId.get(id)!.callFrame;
    const up = parent.get(id);
    const own = areaOf(url, functionName);
    const value = own ?? (up === undefined ? 'native' : `native via ${area(up).replace(/^native via /, '')}`);
    areaCache.set(id, value);
    return value;
  };
  const byArea = new Map<string, number>();
  const hottest = new Map<string, number>();
  const ourCode = new Map<string, number>();
  let sampledMs = 0;
  let idleMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    sampledMs += ms;
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') idleMs += ms;
    add(byArea, area(id), ms);
    const { functionName, url, lineNumber } = node.callFrame;
    add(hottest, `${functionName || '(anonymous)'} ${url ? where(url, functionName, lineNumber) : `[${area(id)}]`}`, ms);
    // Inclusive time of our functions: each counted once per sample even when recursive.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (!/\/api\/.*\.ts$/.test(frame.url)) continue;
      const key = `${frame.functionName || '(anonymous)'} ${where(frame.url, frame.functionName, frame.lineNumber)}`;
      if (!seen.has(key)) {
        seen.add(key);
        add(ourCode, key, ms);
      }
    }
  });
  const busy = sampledMs - idleMs;
  return {
    file,
    sampledMs,
    idleMs,
    byArea: sorted(byArea, busy, limit),
    hottest: sorted(hottest, busy, limit),
    ourCode: sorted(ourCode, busy, limit),
  };
}

/** The summary as text, shares relative to the busy (non-idle) time. */
export function formatProfile(title: string, s: ProfileSummary): string {
  const list = (b: Breakdown) =>
    b.map((e) => `    ${e.ms.toFixed(0).padStart(7)} ms ${(e.share * 100).toFixed(1).padStart(5)}%  ${e.label}`);
  return [
    `CPU profile of the ${title} server while measured (${s.file}): ${(s.sampledMs / 1000).toFixed(1)} s sampled, ${((s.sampledMs - s.idleMs) / 1000).toFixed(1)} s busy`,
    '  self time by area:',
    ...list(s.byArea),
    '  hottest functions (self time):',
    ...list(s.hottest),
    '  our api/ functions (inclusive time; async functions count only their resumed slices):',
    ...list(s.ourCode),
  ].join('\n');
}

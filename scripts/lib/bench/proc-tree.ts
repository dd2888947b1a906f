/**
 * Memory of a process tree, read from /proc (Linux only). A build is several processes
 * (Node, and Pagefind's native binary), and what the machine must hold is their sum.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** One sample of a process tree's memory. */
export interface TreeSample {
  /** Sum of VmRSS over the tree, in kB. */
  totalKb: number;
  /** The same, per process name (`node`, `pagefind_ext`…), to see who holds the memory. */
  byName: Record<string, number>;
}

/** The children of every process, from the parent pid in /proc/<pid>/stat. */
function childrenByParent(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may itself contain spaces or ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // The process ended between readdir and read.
    }
  }
  return children;
}

function processMemory(pid: number): { name: string; rssKb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return { name: /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?', rssKb: rss ? Number(rss[1]) : 0 };
  } catch {
    return null;
  }
}

/** Samples `root` and all its descendants; `skipRoot` leaves out a wrapper such as GNU time. */
export function sampleTree(root: number, skipRoot = false): TreeSample {
  const children = childrenByParent();
  const sample: TreeSample = { totalKb: 0, byName: {} };
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop() as number;
    stack.push(...(children.get(pid) ?? []));
    if (pid === root && skipRoot) continue;
    const memory = processMemory(pid);
    if (!memory) continue;
    sample.totalKb += memory.rssKb;
    sample.byName[memory.name] = (sample.byName[memory.name] ?? 0) + memory.rssKb;
  }
  return sample;
}

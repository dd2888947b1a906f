/**
 * `npm run bench:tickets [-- --json] [--file <csv>]`: ticket benchmarks, one section each,
 * printed as a table (or one JSON object with a key per section).
 * Sections: import (scripts/lib/tickets/bench-import.ts).
 * To add one (e.g. suggestion latency): write scripts/lib/<area>/bench-<name>.ts exporting a
 * run function and a rows function, and add an entry to SECTIONS below.
 */
import { parseArgs } from 'node:util';
import { benchImport, importRows, ITSM_FILE } from './lib/tickets/bench-import.ts';
import { benchSuggest, suggestRows, withinSuggestBudget } from './lib/suggest/bench-suggest.ts';

const HELP = `Usage: npm run bench:tickets -- [--json] [--file <servicenow.csv>]

Sections:
  import   imports the ServiceNow incidents (default ${ITSM_FILE}, 20,769 rows)
           into a temporary database in a child process: wall time, rows per second,
           peak RSS of the child (sampled from /proc).
  suggest  indexes 5,000 synthetic articles, starts the API on them and times 2,000
           /api/suggest queries: p50/p95/p99 latency, API RSS, index build time and size.

Options:
  --file <csv>   ServiceNow export to import (default: the ITSM dataset)
  --json         print the results as JSON instead of a table
  -h, --help     show this help`;

interface Section {
  name: string;
  title: string;
  run(options: { file: string }): Promise<{ result: unknown; rows: string[][]; ok: boolean }>;
}

/** Each section measures one thing; add new ones here. */
const SECTIONS: Section[] = [
  {
    name: 'import',
    title: 'Ticket import (npm run import:tickets --format servicenow)',
    async run({ file }) {
      const result = await benchImport(file);
      return { result, rows: importRows(result), ok: result.exitCode === 0 };
    },
  },
  {
    name: 'suggest',
    title: 'Suggestions (GET /api/suggest over 5,000 synthetic articles, real API process)',
    async run() {
      const result = await benchSuggest({ log: (line) => console.error(`  ${line}`) });
      return { result, rows: suggestRows(result), ok: withinSuggestBudget(result) };
    },
  },
  // ← further sections (suggest latency, …) go here.
];

function table(title: string, rows: string[][]): string {
  const width = Math.max(...rows.map((r) => (r[0] ?? '').length));
  return [title, ...rows.map(([k, v]) => `  ${(k ?? '').padEnd(width)}  ${v ?? ''}`)].join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { json: { type: 'boolean' }, file: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const file = values.file ?? ITSM_FILE;
  const results: Record<string, unknown> = {};
  let ok = true;
  for (const section of SECTIONS) {
    if (!values.json) console.error(`bench:tickets: running ${section.name}…`);
    const outcome = await section.run({ file });
    results[section.name] = outcome.result;
    ok &&= outcome.ok;
    if (!values.json) console.log(`${table(section.title, outcome.rows)}\n`);
  }
  if (values.json) console.log(JSON.stringify(results, null, 2));
  else console.log(`bench:tickets: ${SECTIONS.length} section(s) ${ok ? 'done' : 'done with failures'}`);
  return ok ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`bench:tickets: ${error.message}`);
    process.exitCode = 1;
  },
);

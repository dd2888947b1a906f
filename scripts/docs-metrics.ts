/**
 * `npm run docs:metrics`: writes docs/metrics.md from the metric registry.
 * `--check` only compares and exits 1 when the file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { renderMetricsDoc } from './lib/docs-metrics/render.ts';
import { METRICS } from '../api/metrics/index.ts';

export const METRICS_DOC = fileURLToPath(new URL('../docs/metrics.md', import.meta.url));

function main(): number {
  const { values } = parseArgs({ options: { check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(
      'Usage: npm run docs:metrics [-- --check]\nWrites docs/metrics.md from the metric registry; --check exits 1 when it is out of date.',
    );
    return 0;
  }
  const text = renderMetricsDoc();
  let current = '';
  try {
    current = readFileSync(METRICS_DOC, 'utf8');
  } catch {
    // No file yet: it is written below (or reported stale by --check).
  }
  if (values.check) {
    console.log(current === text ? 'docs/metrics.md is up to date' : 'docs/metrics.md is out of date: run npm run docs:metrics');
    return current === text ? 0 : 1;
  }
  writeFileSync(METRICS_DOC, text);
  console.log(`docs/metrics.md: ${METRICS.length} metrics${current === text ? ' (unchanged)' : ' written'}`);
  return 0;
}

process.exitCode = main();

/**
 * `npm run docs:config`: writes docs/configuration.md from the configuration schema.
 * `--check` only compares and exits 1 when the file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { renderConfigDoc } from './lib/docs-config/render.ts';
import { VARIABLES } from '../core/config/schema.ts';

export const CONFIG_DOC = fileURLToPath(new URL('../docs/configuration.md', import.meta.url));

function main(): number {
  const { values } = parseArgs({ options: { check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(
      'Usage: npm run docs:config [-- --check]\nWrites docs/configuration.md from core/config/schema.ts; --check exits 1 when it is out of date.',
    );
    return 0;
  }
  const text = renderConfigDoc();
  let current = '';
  try {
    current = readFileSync(CONFIG_DOC, 'utf8');
  } catch {
    // No file yet: it is written below (or reported stale by --check).
  }
  if (values.check) {
    console.log(current === text ? 'docs/configuration.md is up to date' : 'docs/configuration.md is out of date: run npm run docs:config');
    return current === text ? 0 : 1;
  }
  writeFileSync(CONFIG_DOC, text);
  console.log(`docs/configuration.md: ${Object.keys(VARIABLES).length} variables${current === text ? ' (unchanged)' : ' written'}`);
  return 0;
}

process.exitCode = main();

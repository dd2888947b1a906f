/**
 * Where the source reads the process environment directly. Only core/config/env.ts may:
 * every other file takes its settings from the configuration accessors, so each variable
 * is defined, defaulted and validated once (core/config/schema.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAYERS, sourceFiles } from './import-graph.ts';

/** The one module that touches `process.env`. */
export const ENV_MODULE = 'core/config/env.ts';

/** Files at the project's root that run as part of the build or the tools. */
const ROOT_FILES = ['astro.config.mjs'];

const ENV_ACCESS = /\bprocess\s*(?:\.\s*env\b|\[\s*['"]env['"]\s*\])/g;

/** Every direct read of `process.env` outside ENV_MODULE, as `file:line` (tests are not scanned). */
export function directEnvReads(root: string): string[] {
  const files = [...LAYERS.flatMap((layer) => sourceFiles(root, layer)), ...ROOT_FILES.filter((f) => existsSync(join(root, f)))];
  const found: string[] = [];
  for (const file of files.filter((f) => f !== ENV_MODULE)) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const match of text.matchAll(ENV_ACCESS)) found.push(`${file}:${text.slice(0, match.index).split('\n').length}`);
  }
  return found;
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { directEnvReads } from '../support/env-access.ts';

describe('reading the environment', () => {
  it('happens only in core/config/env.ts: everything else goes through the configuration accessors', () => {
    expect(directEnvReads(resolve('.'))).toEqual([]);
  });
});

describe('the environment-access check itself', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  it('finds process.env in any layer and in the Astro config, but not in the env module', () => {
    root = mkdtempSync(join(tmpdir(), 'kb-env-'));
    write('core/config/env.ts', 'export const env = () => process.env;\n');
    write('scripts/tool.ts', "const a = 1;\nconst db = process.env.KB_DB || 'x';\n");
    write('api/server.ts', "const port = process['env']['PORT'];\n");
    write('site/lib/x.ts', 'export const ok = 1;\n');
    write('astro.config.mjs', 'export default { outDir: process.env.KB_OUT_DIR };\n');
    expect(directEnvReads(root).sort()).toEqual(['api/server.ts:1', 'astro.config.mjs:1', 'scripts/tool.ts:2']);
  });
});

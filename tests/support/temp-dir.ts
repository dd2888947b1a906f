/** Throw-away folders for tests, removed when the test that made them ends. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { onTestFinished } from 'vitest';

/**
 * A new empty folder in the OS temp folder, removed (with all it holds) when the current
 * test ends, whether it passed or failed. Call it inside a test or a beforeEach hook.
 */
export function tempDir(prefix = 'kb-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes `files` (path relative to `dir` → text) into `dir`, creating folders as needed; returns `dir`. */
export function writeFiles(dir: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A temp folder (as tempDir) holding `files`. */
export const folderWith = (files: Record<string, string>, prefix?: string): string => writeFiles(tempDir(prefix), files);

/** One file `name` holding `text` in a temp folder (as tempDir); returns its path. */
export const tempFile = (name: string, text: string, prefix?: string): string => join(writeFiles(tempDir(prefix), { [name]: text }), name);

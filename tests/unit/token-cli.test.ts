import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const run = (args: string[], db: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/token.ts', ...args], {
    cwd: root,
    env: { ...process.env, KB_DB: db, DATABASE_URL: '' },
    encoding: 'utf8',
  });

describe('npm run token', () => {
  it('creates a token, prints it once and lists it without the token', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'kb-token-')), 'kb.sqlite');
    const created = run(['create', '--role', 'trainer', '--name', 'Training team'], db);
    expect(created.status).toBe(0);
    const token = /^(kb_[A-Za-z0-9_-]{43})$/m.exec(created.stdout)?.[1];
    expect(token).toBeDefined();
    const listed = run(['list'], db);
    expect(listed.stdout).toMatch(/#1\ttrainer\tTraining team/);
    expect(listed.stdout).not.toContain(token!);
    const stored = execFileSync(
      'node',
      [
        '-e',
        `const D=require('better-sqlite3');console.log(JSON.stringify(new D(process.argv[1]).prepare('select * from staff_tokens').all()))`,
        db,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(stored).not.toContain(token!);
  });

  it('refuses an unknown role, naming the valid ones', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'kb-token-')), 'kb.sqlite');
    const result = run(['create', '--role', 'boss', '--name', 'x'], db);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--role must be one of agent, trainer, admin/);
  });
});

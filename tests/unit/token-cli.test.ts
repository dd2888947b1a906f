import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runScript } from '../support/cli.ts';
import { readRows } from '../support/database.ts';
import { tempDir } from '../support/temp-dir.ts';

const run = (args: string[], db: string) => runScript('scripts/token.ts', args, { env: { KB_DB: db } });

describe('npm run token', () => {
  it('creates a token, prints it once and lists it without the token', () => {
    const db = join(tempDir('kb-token-'), 'kb.sqlite');
    const created = run(['create', '--role', 'trainer', '--name', 'Training team'], db);
    expect(created.status).toBe(0);
    const token = /^(kb_[A-Za-z0-9_-]{43})$/m.exec(created.stdout)?.[1];
    expect(token).toBeDefined();
    const listed = run(['list'], db);
    expect(listed.stdout).toMatch(/#1\ttrainer\tTraining team/);
    expect(listed.stdout).not.toContain(token!);
    const stored = JSON.stringify(readRows(db, 'select * from staff_tokens'));
    expect(stored).toContain('Training team');
    expect(stored).not.toContain(token!);
  });

  it('refuses an unknown role, naming the valid ones', () => {
    const db = join(tempDir('kb-token-'), 'kb.sqlite');
    const result = run(['create', '--role', 'boss', '--name', 'x'], db);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--role must be one of agent, lead, trainer, manager, admin/);
  });
});

/** `npm run user` (issue #16): the module on both databases, and the entry's exit codes once. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testApp } from '../support/app.ts';
import { runScript } from '../support/cli.ts';
import { queryRows } from '../support/database.ts';
import { signIn, TEST_ORIGIN } from '../support/staff.ts';
import { tempDir } from '../support/temp-dir.ts';
import { runUserCommand } from '../../scripts/lib/staff/user-command.ts';
import { UsageError } from '../../scripts/lib/cli/usage.ts';
import type { Db } from '../../api/db/index.ts';

const NOW = new Date('2026-11-27T10:00:00Z');

async function user(db: Db, args: string[]) {
  const lines: string[] = [];
  await runUserCommand(args, { db, now: NOW, print: (line) => lines.push(line) });
  return lines;
}

const tokenOf = (lines: string[]) => /\/staff\/set-password\/\?t=([\w-]{43})$/.exec(lines.at(-1)!)![1]!;

describe('npm run user', () => {
  it('creates an account and prints a one-time link that sets the password', async () => {
    const { app, db } = await testApp({ now: () => NOW });
    const lines = await user(db, [
      'create',
      '--email',
      'Li.Wei@Example.com',
      '--name',
      'Li Wei',
      '--role',
      'lead',
      '--team',
      'SH',
      '--agent-id',
      'li.wei',
    ]);
    expect(lines[0]).toBe('Created lead account #1 for Li Wei <li.wei@example.com>.');
    expect(lines[1]).toBe(
      "One-time link to set the password, on the help center's address (valid until 2026-11-28T10:00:00.000Z, usable once):",
    );
    expect(lines[2]).toMatch(/^\/staff\/set-password\/\?t=[\w-]{43}$/);
    const token = tokenOf(lines);
    expect(JSON.stringify(await queryRows(db, 'select * from staff_password_links'))).not.toContain(token);
    const set = await app.request('/api/staff/password', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: TEST_ORIGIN },
      body: JSON.stringify({ token, password: 'my own long password' }),
    });
    expect(set.status).toBe(200);
    const cookie = await signIn(app, 'li.wei@example.com', 'my own long password');
    const me = await (await app.request('/api/staff/me', { headers: { cookie } })).json();
    expect(me.staff).toMatchObject({ name: 'Li Wei', role: 'lead', team: 'SH', agentId: 'li.wei' });
  });

  it('lists, disables and resets accounts', async () => {
    const { db } = await testApp();
    await user(db, ['create', '--email', 'a@example.com', '--name', 'Ann', '--role', 'agent']);
    await user(db, ['create', '--email', 'b@example.com', '--name', 'Bo', '--role', 'admin']);
    expect(await user(db, ['disable', 'a@example.com'])).toEqual(['Disabled Ann <a@example.com>; their sessions have ended.']);
    expect(await user(db, ['list'])).toEqual([
      '#1\ta@example.com\tAnn\tagent\t-\t-\tdisabled',
      '#2\tb@example.com\tBo\tadmin\t-\t-\tactive',
      '2 accounts, 1 active.',
    ]);
    const reset = await user(db, ['reset', 'B@example.com']);
    expect(reset[0]).toBe('Password link for Bo <b@example.com>; the current password works until it is used.');
    tokenOf(reset);
    // A new link replaces the unused one: one link left for Bo.
    expect(await queryRows(db, 'select user_id from staff_password_links where used_at is null')).toEqual([{ user_id: 2 }]);
  });

  it('fails on a duplicate address, an unknown one, and a disabled account to reset', async () => {
    const { db } = await testApp();
    await user(db, ['create', '--email', 'a@example.com', '--name', 'Ann', '--role', 'agent']);
    await expect(user(db, ['create', '--email', 'A@example.com', '--name', 'Ann 2', '--role', 'agent'])).rejects.toThrow(/exists already/);
    await expect(user(db, ['disable', 'nobody@example.com'])).rejects.toThrow('no account has the e-mail address nobody@example.com');
    await user(db, ['disable', 'a@example.com']);
    await expect(user(db, ['disable', 'a@example.com'])).rejects.toThrow(/disabled already/);
    await expect(user(db, ['reset', 'a@example.com'])).rejects.toThrow(/gets no password link/);
  });

  it('names the wrong flag or value with a UsageError', async () => {
    const { db } = await testApp();
    const cases: Array<[string[], RegExp]> = [
      [
        ['create', '--email', 'x@example.com', '--name', 'X', '--role', 'boss'],
        /--role must be one of agent, lead, trainer, manager, admin/,
      ],
      [['create', '--email', 'not-an-address', '--name', 'X', '--role', 'agent'], /--email must be an e-mail address/],
      [['create', '--email', 'x@example.com', '--role', 'agent'], /--name is required/],
      [['disable'], /disable takes the account's e-mail address/],
      [['promote', 'x@example.com'], /unknown command "promote"/],
      [[], /name a command/],
    ];
    for (const [args, message] of cases) {
      const error = await user(db, args).catch((e: unknown) => e);
      expect(error, args.join(' ')).toBeInstanceOf(UsageError);
      expect((error as Error).message).toMatch(message);
    }
  });
});

describe('scripts/user.ts', () => {
  it('exits 0 on success, 2 on wrong usage and 1 on a failure', { timeout: 180_000 }, () => {
    const db = join(tempDir('kb-user-'), 'kb.sqlite');
    const run = (args: string[]) => runScript('scripts/user.ts', args, { env: { KB_DB: db } });
    const created = run(['create', '--email', 'li@example.com', '--name', 'Li', '--role', 'agent']);
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^\/staff\/set-password\/\?t=[\w-]{43}$/m);
    const wrong = run(['create', '--email', 'li@example.com', '--name', 'Li', '--role', 'chief']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/--role must be one of/);
    expect(run(['disable', 'nobody@example.com']).status).toBe(1);
    expect(run(['--help']).stdout).toMatch(/npm run user -- create --email/);
  });
});

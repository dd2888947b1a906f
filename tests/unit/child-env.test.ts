/**
 * What a child process of the tests and tools inherits (scripts/lib/api-process.ts for the
 * server, tests/support/cli.ts for the CLIs): never the database a developer's shell names,
 * always the one the caller names.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiProcessEnv } from '../../scripts/lib/api-process.ts';
import { childEnv } from '../support/cli.ts';

const SHELL = { DATABASE_URL: 'postgres://dev:secret@localhost:5432/production', KB_DB: '/srv/kb/kb.sqlite' };
let saved: Record<string, string | undefined>;
beforeEach(() => {
  saved = Object.fromEntries(Object.keys(SHELL).map((name) => [name, process.env[name]]));
  Object.assign(process.env, SHELL);
});
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe.each([
  ['the server child', apiProcessEnv],
  ['a CLI child', childEnv],
])('%s', (_name, envOf) => {
  it("drops the shell's DATABASE_URL and KB_* but keeps the rest (PATH)", () => {
    const env = envOf({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.KB_DB).toBeUndefined();
    expect(env.PATH).toBe(process.env.PATH);
  });

  it('takes the database the caller names, SQLite or PostgreSQL', () => {
    expect(envOf({ KB_DB: '/tmp/test.sqlite' }).KB_DB).toBe('/tmp/test.sqlite');
    expect(envOf({ DATABASE_URL: 'postgres://kb@localhost/kb_test_1' }).DATABASE_URL).toBe('postgres://kb@localhost/kb_test_1');
  });
});

/** The PostgreSQL leg's throw-away server (tests/support/postgres/server.ts) fails loudly, saying how to get one. */
import { describe, expect, it } from 'vitest';
import { startThrowAwayServer } from '../support/postgres/server.ts';

describe('the throw-away PostgreSQL server of the tests', () => {
  it('refuses to start without server binaries, naming the package to install and KB_TEST_DATABASE_URL', async () => {
    const start = startThrowAwayServer('/nonexistent/postgresql/bin');
    await expect(start).rejects.toThrow(/No PostgreSQL server binaries in \/nonexistent\/postgresql\/bin/);
    await expect(start).rejects.toThrow(/apt-get install -y postgresql-15/);
    await expect(start).rejects.toThrow(/KB_TEST_DATABASE_URL/);
  });
});

/**
 * Setup file of every test file in the `api-postgres` project: fails the file with the
 * reason when there is no PostgreSQL server (never a silent skip), and drops the file's
 * databases after its last test.
 */
import { afterAll, beforeAll, inject } from 'vitest';
import { closeFileDatabases } from '../database.ts';

beforeAll(() => {
  const provided = inject('postgres');
  if (!provided || 'unavailable' in provided) throw new Error(provided?.unavailable ?? 'The PostgreSQL leg has no server');
});

afterAll(closeFileDatabases);

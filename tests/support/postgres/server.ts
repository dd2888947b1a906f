/** The test run's throw-away PostgreSQL server; it lives in scripts/lib so the benchmarks can start one too. */
export * from '../../../scripts/lib/throwaway-postgres.ts';

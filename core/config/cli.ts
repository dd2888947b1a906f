/** The command-line tools' settings (scripts/): which database (SQLite or PostgreSQL), where the content and the build are. */
import { resolve } from 'node:path';
import { processEnv, type Env } from './env.ts';
import { readVariables } from './read.ts';
import { namesReadBy } from './schema.ts';

/** What the CLIs work on. Paths are absolute. */
export interface CliConfig {
  /** The SQLite database file (KB_DB); unused when `databaseUrl` is set. */
  dbFile: string;
  /** PostgreSQL connection string (DATABASE_URL); undefined: SQLite at `dbFile`. */
  databaseUrl: string | undefined;
  /** Connections kept open to PostgreSQL (KB_DB_POOL_SIZE). */
  dbPoolSize: number;
  /** The content folder (KB_CONTENT_DIR). */
  contentDir: string;
  /** Where `npm run build` writes the site (KB_OUT_DIR). */
  outDir: string;
  /** The build whose manifest `npm run seed` reads (KB_DIST_DIR). */
  distDir: string;
  /** The Chromium binary `eval:search` and `bench:build` drive (CHROMIUM_PATH). */
  chromiumPath: string;
}

/** The CLIs' settings from `env` (this process's by default); throws a ConfigError naming every bad variable. */
export function cliConfig(env: Env = processEnv()): CliConfig {
  const v = readVariables(namesReadBy('cli'), env);
  return {
    dbFile: resolve(v.KB_DB),
    databaseUrl: v.DATABASE_URL,
    dbPoolSize: v.KB_DB_POOL_SIZE,
    contentDir: resolve(v.KB_CONTENT_DIR),
    outDir: resolve(v.KB_OUT_DIR),
    distDir: resolve(v.KB_DIST_DIR),
    chromiumPath: v.CHROMIUM_PATH,
  };
}

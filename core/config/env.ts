/**
 * The process environment. This is the one module that touches `process.env`: everything
 * else gets its settings from the typed accessors (server.ts, build.ts, cli.ts, test.ts),
 * which validate them against the schema, and starts children with `envWith`.
 */

/** Environment variables as the process sees them: text, or absent. */
export type Env = Readonly<Record<string, string | undefined>>;

/** This process's environment, for the accessors' default argument. */
export function processEnv(): Env {
  return process.env;
}

/**
 * This process's environment with some variables set and others removed (`undefined`), for
 * a child process. Building a child's environment is not reading a setting: nothing here is
 * validated, the child validates what it reads.
 */
export function envWith(changes: Readonly<Record<string, string | undefined>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

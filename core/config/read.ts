/**
 * Reads variables from an environment: an empty or blank value counts as unset, a default
 * fills in what is unset (a derived one from the variables it follows), and every value is
 * checked by its type. All problems are reported at once, each as `NAME: what was expected`.
 */
import type { z } from 'zod';
import type { Env } from './env.ts';
import { VARIABLES, type ConfigValues, type VariableName } from './schema.ts';
import type { AnyVariable } from './variable.ts';

/** One variable that does not hold what its type expects. */
export interface ConfigProblem {
  /** The variable's name, e.g. PORT. */
  variable: string;
  /** What was expected, e.g. "must be a whole number from 0 to 65535". */
  message: string;
}

/** Settings that cannot be used; the message names every variable at fault. */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`Invalid configuration: ${problems.map((p) => `${p.variable}: ${p.message}`).join('; ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * The issues of one value as one message. core/validation.ts, once it exists, is where zod
 * issues become `field: message` text for the whole project; a variable's value is a single
 * string, so here the issues need no path.
 */
function issuesText(error: z.ZodError): string {
  return [...new Set(error.issues.map((issue) => issue.message))].join(', ');
}

/** A variable's raw text, or undefined when it is unset, empty or blank. */
const given = (env: Env, name: string): string | undefined => {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
};

/** Raised inside the reader when a variable a default follows is itself invalid (and already reported). */
class InvalidSource extends Error {}

const isVariableName = (name: string): name is VariableName => Object.hasOwn(VARIABLES, name);

/** Reads, defaults and validates `names` from `env`; throws a ConfigError naming every variable at fault. */
export function readVariables<K extends VariableName>(names: readonly K[], env: Env): Pick<ConfigValues, K> {
  const values = new Map<VariableName, unknown>();
  const problems = new Map<string, string>();
  const reading = new Set<VariableName>();

  const valueOf = (name: VariableName): unknown => {
    if (values.has(name)) return values.get(name);
    if (problems.has(name)) throw new InvalidSource();
    if (reading.has(name)) throw new Error(`The defaults of ${[...reading].join(', ')} follow each other in a circle`);
    reading.add(name);
    try {
      const spec: AnyVariable = VARIABLES[name];
      const raw = given(env, name);
      const fallback = spec.default;
      const derived = raw === undefined && typeof fallback === 'object';
      const textValue = raw ?? (typeof fallback === 'object' ? fallback.derive(lookup) : fallback);
      const value = textValue === undefined ? undefined : spec.type.safeParse(textValue);
      if (value && !value.success) {
        // A derived default that does not hold names its origin, so the user knows to set this variable.
        const origin = derived ? ` (the default, "${textValue}", follows from other variables; set ${name})` : '';
        problems.set(name, `${issuesText(value.error)}${origin}`);
        throw new InvalidSource();
      }
      values.set(name, value?.data);
      return value?.data;
    } finally {
      reading.delete(name);
    }
  };

  /** Another variable's effective value as text, for derived defaults. */
  const lookup = (name: string): string | undefined => {
    if (!isVariableName(name)) throw new Error(`A default follows ${name}, which is not in the schema`);
    const value = valueOf(name);
    return value === undefined ? undefined : String(value);
  };

  for (const name of names) {
    try {
      valueOf(name);
    } catch (error) {
      if (!(error instanceof InvalidSource)) throw error;
    }
  }
  if (problems.size > 0) throw new ConfigError([...problems].map(([variable, message]) => ({ variable, message })));
  return Object.fromEntries(names.map((name) => [name, values.get(name)])) as Pick<ConfigValues, K>;
}

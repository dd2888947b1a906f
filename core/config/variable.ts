/**
 * What the schema says about one environment variable: its type, its default, a one-line
 * description and who reads it. Defaults may follow from other variables (KB_DIST_DIR from
 * KB_OUT_DIR, KB_SITE_URL from HOST and PORT), so a user who sets one gets the rest right.
 */
import type { z } from 'zod';

/** The parts of the project that read settings. `test` covers the tests and the benchmarks. */
export const READERS = ['server', 'build', 'cli', 'test'] as const;
export type Reader = (typeof READERS)[number];

/**
 * Another variable's effective value (what it was set to, else its default), as text;
 * undefined when it is unset and has no default.
 */
export type Lookup = (name: string) => string | undefined;

/** A default computed from other variables. */
export interface DerivedDefault {
  /** The default's text, from the variables it follows; undefined for none. */
  derive: (get: Lookup) => string | undefined;
  /** The rule in words, for docs/configuration.md, e.g. "the value of `KB_OUT_DIR`". */
  text: string;
}

/** A default: text the variable's type parses, or a rule that derives it. */
export type Default = string | DerivedDefault;

/** One environment variable. */
export interface EnvVariable<T, R extends readonly Reader[], D extends Default | undefined> {
  /** Checks the text (never empty: an empty value counts as unset) and turns it into the value. */
  type: z.ZodType<T, z.ZodTypeDef, string>;
  /** Used when the variable is unset or empty; without one the value is undefined. */
  default: D;
  /** One line saying what it sets, for docs/configuration.md. */
  description: string;
  /** Who reads it; each reader's accessor validates exactly these. */
  readers: R;
}

/** Declares a variable, keeping its readers and whether it has a default in its type. */
export function variable<T, const R extends readonly Reader[], const D extends Default | undefined = undefined>(spec: {
  type: z.ZodType<T, z.ZodTypeDef, string>;
  default?: D;
  description: string;
  readers: R;
}): EnvVariable<T, R, D> {
  return { type: spec.type, default: spec.default as D, description: spec.description, readers: spec.readers };
}

/** Any variable of the schema. */
export type AnyVariable = EnvVariable<unknown, readonly Reader[], Default | undefined>;

/** The value a variable reads as: its type's output, or undefined when it has no default and is unset. */
export type ValueOf<V> = V extends EnvVariable<infer T, readonly Reader[], infer D> ? (D extends undefined ? T | undefined : T) : never;

/**
 * Wrong usage of a command: a bad flag, a missing argument, a value out of range. Every CLI
 * prints the message with a pointer to --help and exits 2 (1 is kept for failures of the
 * work itself), so scripts and CI can tell the two apart.
 */

/** A wrong flag or value; the message names it and says what was expected. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Whether `error` is wrong usage: a UsageError, or node:util parseArgs rejecting the arguments. */
export function isUsageError(error: unknown): boolean {
  if (error instanceof UsageError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/**
 * A whole-number flag within bounds, `fallback` when the flag is absent; a UsageError naming
 * the flag otherwise (`--days must be a whole number from 1 to 731, got "ninety"`).
 */
export function wholeNumberFlag(flag: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max)
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

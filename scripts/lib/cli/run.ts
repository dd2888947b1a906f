/**
 * The one way a command ends: its exit code, or for an error a one-line message on stderr
 * and 2 for wrong usage (with a pointer to --help), 1 for a failure of the work itself.
 * `failure` lets a command name its own expected errors; anything else is a bug and keeps
 * its stack trace.
 */
import { isUsageError } from './usage.ts';

/** How a command reports one of its own expected errors; undefined for any other error. */
export type DescribeFailure = (error: Error) => { message: string; exitCode: 1 | 2 } | undefined;

export function runCli(name: string, main: (argv: string[]) => number | Promise<number>, failure?: DescribeFailure): void {
  const fail = (error: Error) => {
    if (isUsageError(error)) {
      console.error(`${name}: ${error.message}\nRun with --help for usage.`);
      process.exitCode = 2;
      return;
    }
    const known = failure?.(error);
    if (known) {
      console.error(`${name}: ${known.message}`);
      process.exitCode = known.exitCode;
      return;
    }
    console.error(error);
    process.exitCode = 1;
  };
  try {
    Promise.resolve(main(process.argv.slice(2))).then((code) => {
      process.exitCode = code;
    }, fail);
  } catch (error) {
    fail(error as Error);
  }
}

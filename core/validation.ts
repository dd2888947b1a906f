/**
 * Zod issues as people read them: `field: message`, the field being the dotted path of the
 * value at fault. The API's error envelope (details and message), the content checker and
 * the command-line tools all report validation failures this way, so they agree.
 */
import type { ZodError } from 'zod';

/** One problem with one field. */
export interface FieldIssue<Field = string> {
  /** The dotted path of the value at fault (`tickets.0.subject`), or the caller's name for the whole value. */
  field: Field;
  /** What was expected, in zod's words or the schema's own message. */
  message: string;
}

/**
 * The issues of a zod error, one per problem. `whole` names an issue about the value as a
 * whole (an empty path): `(body)` for a request body, `(frontmatter)` for an article,
 * `null` where the caller keeps "no field" apart.
 */
export function fieldIssues<Whole extends string | null = string>(error: ZodError, whole: Whole): Array<FieldIssue<string | Whole>> {
  return error.issues.map((issue) => ({ field: issue.path.length ? issue.path.join('.') : whole, message: issue.message }));
}

/** Anything that names a field and a problem (a FieldIssue, an API error detail). */
type IssueLike = { field?: string | null | undefined; message: string };

/** One issue as text: `field: message` (`(value)` when it names no field). */
export const issueLine = (issue: IssueLike): string => `${issue.field ?? '(value)'}: ${issue.message}`;

/** The issues of a zod error as `field: message` lines. */
export function describeIssues(error: ZodError, whole: string): string[] {
  return fieldIssues(error, whole).map(issueLine);
}

/** Issues as one line, `a: …; b: …`, as error messages carry them. */
export function issuesText(issues: readonly IssueLike[]): string {
  return issues.map(issueLine).join('; ');
}

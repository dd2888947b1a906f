/**
 * ASCII identifiers in Chinese text (issue 18): what the Chinese dashboards must not show. Shared
 * by the unit test of the strings and the browser test of the rendered pages.
 */

/** snake_case, camelCase, kebab-case, dotted or slashed paths, and lowercase English words (3+ letters). */
const IDENTIFIER = /[A-Za-z][A-Za-z0-9]*(?:[_./-][A-Za-z0-9]+)+|\b[a-z]+[A-Z][A-Za-z0-9]*\b|\b[a-z]{3,}\b/g;

/** The identifiers and English words in `text`; `{placeholders}` and version numbers are not. */
export function asciiIdentifiers(text: string): string[] {
  return [...text.replace(/\{\w+\}/g, '').matchAll(IDENTIFIER)].map((m) => m[0]);
}

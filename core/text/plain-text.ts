/**
 * Text from visitors is stored as plain text: one cleaning rule for every free-text field a
 * visitor sends (issue 14), applied by the schemas before they validate (core/contracts/
 * clean-text.ts), so what is checked is what is stored.
 */

// C0/C1 controls except tab and newline (NUL included), the Unicode bidi marks, embeddings,
// overrides and isolates that can make stored text display differently from what it says
// (Trojan Source: U+200E/F, U+202A–E, U+2066–9, U+061C), and the byte-order mark.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

// A surrogate without its pair is not a character: stored as UTF-8 it becomes invalid bytes
// and reads back garbled.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Strips unsafe characters and lone surrogates, normalises newlines and trims; may return ''. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNSAFE, '').replace(LONE_SURROGATE, '').trim();
}

/** cleanText, with empty text (or none) as null. */
export function plainText(text: string | undefined | null): string | null {
  if (text == null) return null;
  const clean = cleanText(text);
  return clean.length > 0 ? clean : null;
}

/** A site path as stored: cleaned, without its query string or fragment (a `?q=` may hold an e-mail address). */
export function pathWithoutQuery(path: string): string {
  return cleanText(path).replace(/[?#].*$/s, '');
}

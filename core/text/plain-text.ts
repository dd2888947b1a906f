/** Text from visitors is stored as plain text: no control or bidirectional-override characters. */

// C0/C1 controls except tab and newline, and the Unicode bidi embedding/override/isolate
// marks that can make stored text display differently from what it says (Trojan Source).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Strips unsafe characters, normalises newlines and trims; empty text becomes null. */
export function plainText(text: string | undefined | null): string | null {
  if (text == null) return null;
  const clean = text.replace(/\r\n?/g, '\n').replace(UNSAFE, '').trim();
  return clean.length > 0 ? clean : null;
}

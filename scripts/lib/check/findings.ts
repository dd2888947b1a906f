/**
 * What the content checker reports, and how it reads an article body: line by line, outside
 * code (fenced blocks and inline code hold examples, not markup or links to follow).
 */

/** One problem, at a file and (when known) a line. */
export interface CheckFinding {
  /** Path relative to the content folder, e.g. `articles/en/reset-password.md`. */
  file: string;
  /** 1-based line in the file, when the problem has one. */
  line?: number;
  severity: 'error' | 'warning';
  /** A stable rule name, for filtering and the JSON report. */
  rule: string;
  message: string;
}

/** One line of prose: its 1-based line in the file and its text with inline code blanked. */
export interface ProseLine {
  line: number;
  text: string;
}

/** The body's lines outside fenced code; inline code spans become spaces so columns stay put. */
export function proseLines(body: string, firstLine: number): ProseLine[] {
  const out: ProseLine[] = [];
  let fence: string | null = null;
  body.split('\n').forEach((raw, i) => {
    const opener = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (fence) {
      if (opener && opener[1]!.startsWith(fence)) fence = null;
      return;
    }
    if (opener) {
      fence = opener[1]!;
      return;
    }
    out.push({ line: firstLine + i, text: raw.replace(/(`+)[^`]*?\1/g, (m) => ' '.repeat(m.length)) });
  });
  return out;
}

/** The 1-based line of a frontmatter field (`topic:`) in a file's text, when it is there. */
export function fieldLine(text: string, field: string | null): number | undefined {
  if (!field) return undefined;
  const top = field.split('.')[0]!;
  const index = text.split('\n').findIndex((l) => l.startsWith(`${top}:`));
  return index >= 0 ? index + 1 : undefined;
}

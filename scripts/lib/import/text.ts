/**
 * Plain-text helpers for the fields shown in lists and meta tags (title, summary).
 */

/** Characters that end a sentence in English or Chinese text. */
const SENTENCE_END = /[.!?](?=\s|$)|[。！？]/g;

/** Collapses all whitespace (including newlines) to single spaces and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Shortens `text` to at most `max` characters, ending with "…" when anything was cut.
 * Cuts after the last whole sentence when that keeps at least half the room, otherwise
 * at the last space, and only mid-word when there is no space (Chinese text).
 */
export function truncateAtBoundary(text: string, max: number): string {
  const clean = collapseWhitespace(text);
  if ([...clean].length <= max) return clean;
  // Count in code points so a cut never splits a surrogate pair (emoji, rare CJK).
  const room = [...clean].slice(0, max - 1).join('');
  let sentenceCut = -1;
  for (const match of room.matchAll(SENTENCE_END)) sentenceCut = match.index + match[0].length;
  if (sentenceCut >= room.length / 2) return `${room.slice(0, sentenceCut).trimEnd()}…`;
  const space = room.lastIndexOf(' ');
  if (space >= room.length / 2) return `${room.slice(0, space).replace(/[\s,;:，；：、]+$/, '')}…`;
  return `${room.trimEnd()}…`;
}

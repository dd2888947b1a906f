/**
 * Chart labels that fit: a label is cut by its display width, not its length, so a Chinese
 * title (each character as wide as two Latin letters) and an English one take about the same
 * room on an axis. The cut ends with "…"; the chart's tooltip and the data table keep the
 * whole text. Pure, so it is tested without a page.
 */

/** East Asian wide and full-width characters (CJK, kana, hangul, full-width forms): two columns. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

/** The display width of one character: 2 for wide ones, 1 otherwise. */
export const charWidth = (ch: string): number => (WIDE.test(ch) ? 2 : 1);

/** The display width of `text`, in columns of a Latin letter. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

/** How wide an axis label may be by default: 32 Latin letters, or 16 Chinese characters. */
export const LABEL_WIDTH = 32;

/** `text` cut to at most `max` columns, the last one an ellipsis; unchanged when it fits. */
export function ellipsize(text: string, max = LABEL_WIDTH): string {
  if (displayWidth(text) <= max) return text;
  let width = 0;
  let out = '';
  for (const ch of text) {
    const w = charWidth(ch);
    // One column stays for the ellipsis.
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return `${out.trimEnd()}…`;
}

/**
 * Line numbers of the objects in a JSON text, by path (`tickets.3`, `0.tickets.1`), so a bad
 * ticket in a JSON export is reported at its line the way a CSV row is. JSON.parse keeps no
 * positions, hence this small scanner; it assumes the text already parsed as valid JSON.
 */

/** Maps the path of every object that is an array element to the 1-based line where it starts. */
export function objectLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  // Each open container: its path, and for arrays the current index, for objects the last key.
  const stack: { path: string; array: boolean; index: number; key: string }[] = [];
  let line = 1;
  let expectKey = false;
  const childPath = () => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    const part = top.array ? String(top.index) : top.key;
    return top.path ? `${top.path}.${part}` : part;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    else if (ch === '"') {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\') {
          value += text[j + 1];
          j += 2;
        } else value += text[j++];
      }
      const top = stack[stack.length - 1];
      if (expectKey && top && !top.array) top.key = value;
      expectKey = false;
      i = j;
    } else if (ch === '{' || ch === '[') {
      const path = childPath();
      if (ch === '{' && stack[stack.length - 1]?.array) lines.set(path, line);
      stack.push({ path, array: ch === '[', index: 0, key: '' });
      expectKey = ch === '{';
    } else if (ch === '}' || ch === ']') stack.pop();
    else if (ch === ',') {
      const top = stack[stack.length - 1];
      if (top?.array) top.index++;
      else expectKey = true;
    }
  }
  return lines;
}

/**
 * A small CSV reader following RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180):
 * comma-separated fields, fields in double quotes may hold commas, line breaks and
 * doubled quotes (`""` for `"`). Accepts LF as well as CRLF line ends, since files saved
 * by spreadsheets on different systems use either.
 */

/** One record with the 1-based line it starts on, so problems can name the line. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** Malformed CSV, with the line where reading had to stop. */
export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvError';
  }
}

/**
 * Parses CSV text into records. Blank lines between records are skipped. Throws CsvError
 * for a quote that is never closed or text between a closing quote and the next comma,
 * because guessing there would silently merge or split rows.
 */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let atFieldStart = true;

  const endRecord = () => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '';
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    atFieldStart = true;
  };

  while (i < input.length) {
    const char = input[i]!;
    if (atFieldStart && char === '"') {
      const quoteLine = line;
      i += 1;
      for (;;) {
        if (i >= input.length) throw new CsvError(quoteLine, 'a quoted field is never closed (missing ")');
        const c = input[i]!;
        if (c === '"' && input[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (c === '"') {
          i += 1;
          break;
        } else {
          if (c === '\n') line += 1;
          field += c;
          i += 1;
        }
      }
      const next = input[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new CsvError(line, 'unexpected text after a closing quote (quotes inside a field must be doubled: "")');
      }
      atFieldStart = false;
      continue;
    }
    if (char === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
      i += 1;
    } else if (char === '\r' || char === '\n') {
      i += char === '\r' && input[i + 1] === '\n' ? 2 : 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += char;
      atFieldStart = false;
      i += 1;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

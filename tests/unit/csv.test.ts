import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from '../../core/text/csv-parse.ts';

const fields = (text: string) => parseCsv(text).map((record) => record.fields);

describe('parseCsv', () => {
  it('splits records at line ends and fields at commas', () => {
    expect(fields('a,b\nc,d\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('keeps commas, line breaks and doubled quotes inside a quoted field', () => {
    expect(fields('"one, two","line 1\nline 2","say ""hi"""\n')).toEqual([['one, two', 'line 1\nline 2', 'say "hi"']]);
  });

  it('gives each record the line it starts on, counting line breaks inside quotes', () => {
    expect(parseCsv('h1,h2\n"a\nb",c\nd,e').map((record) => record.line)).toEqual([1, 2, 4]);
  });

  it('accepts CRLF line ends', () => {
    expect(fields('a,b\r\nc,d\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('reads a last record that has no line end', () => {
    expect(fields('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(fields('a,,c,\n')).toEqual([['a', '', 'c', '']]);
  });

  it('skips blank lines between records', () => {
    expect(fields('a\n\nb\n')).toEqual([['a'], ['b']]);
  });

  it('ignores a byte order mark at the start', () => {
    expect(fields('\uFEFFquestion,answer\n')).toEqual([['question', 'answer']]);
  });

  it('throws naming the line where a quoted field is never closed', () => {
    expect(() => parseCsv('a,b\nc,"open\nmore')).toThrow(new CsvError(2, 'a quoted field is never closed (missing ")'));
  });

  it('throws when text follows a closing quote', () => {
    expect(() => parseCsv('"a"b,c\n')).toThrow(/line 1: unexpected text after a closing quote/);
  });
});

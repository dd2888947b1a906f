/** Issue 14, class "CSV cells": every separator a spreadsheet may split on is quoted, and the formula guard stays. */
import { describe, expect, it } from 'vitest';
import { csvCell, recordsToCsv } from '../../api/metrics/csv.ts';
import { parseCsv } from '../../core/text/csv-parse.ts';

describe('CSV cells: quoting and the formula guard', () => {
  it('quotes a cell holding a semicolon, so a semicolon-locale spreadsheet does not split off a formula', () => {
    expect(csvCell("x;=cmd|' /c calc'!a0")).toBe(`"x;=cmd|' /c calc'!a0"`);
  });

  it('quotes a cell holding a tab', () => {
    expect(csvCell('a\t=1+1')).toBe('"a\t=1+1"');
  });

  it('still quotes commas, quotes and line breaks', () => {
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('keeps the formula guard on every formula start, and quotes when the guarded text needs it', () => {
    for (const start of ['=', '+', '-', '@']) expect(csvCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(csvCell('\t=1')).toBe(`"'\t=1"`);
    expect(csvCell('=a;b')).toBe(`"'=a;b"`);
  });

  it('reads back as the same cells through a CSV parser', () => {
    const csv = recordsToCsv([{ query: "x;=cmd|' /c calc'!a0", n: 1 }]);
    expect(parseCsv(csv).map((r) => r.fields)).toEqual([
      ['query', 'n'],
      ["x;=cmd|' /c calc'!a0", '1'],
    ]);
  });
});

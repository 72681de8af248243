import { describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from './csv.js';
import { ImportFormatError } from './types.js';

describe('readCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and says where each record began', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\nlast,,\r\n';
    expect(readCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\r\nlines'] },
      { line: 4, fields: ['last', '', ''] },
    ]);
  });

  it('accepts LF and lone CR line breaks, a byte-order mark, and no final line break', () => {
    expect(readCsv('\uFEFFa,b\nc,d\re,f')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
      { line: 3, fields: ['e', 'f'] },
    ]);
  });

  it('skips empty lines but counts them', () => {
    expect(readCsv('a\n\n\nb\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 4, fields: ['b'] },
    ]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(readCsv('5" screen,x')).toEqual([{ line: 1, fields: ['5" screen', 'x'] }]);
  });

  it('when a quoted field never closes, the error names the line where it began', () => {
    const error = (() => {
      try {
        readCsv('a,b\nc,"open\nmore\nlines');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ImportFormatError);
    expect((error as ImportFormatError).line).toBe(2);
  });

  it('refuses text after a closing quote, naming the line', () => {
    expect(() => readCsv('a\n"b"c')).toThrow(/line 2: text after a closing quote/);
  });
});

describe('writeCsv', () => {
  it('quotes only fields that need it and ends every record with CRLF', () => {
    expect(
      writeCsv([
        ['name', 'notes'],
        ['Ann', 'likes "tea", cake\nand walks'],
      ]),
    ).toBe('name,notes\r\nAnn,"likes ""tea"", cake\nand walks"\r\n');
  });

  it('reads back what it writes', () => {
    const rows = [
      ['a', ''],
      ['"', ',\r\n'],
    ];
    expect(readCsv(writeCsv(rows)).map((r) => r.fields)).toEqual(rows);
  });
});

/**
 * RFC 4180 CSV: a reader that is strict about quotes and says where each
 * record began, and a writer. Shared by the CSV importers and exports.
 *
 * The reader accepts CRLF, LF or lone CR line breaks and a UTF-8 byte-order
 * mark, skips empty lines, and keeps a quote inside an unquoted field as text
 * (spreadsheets write such fields). A quoted field that never closes, or text
 * after a closing quote, is an error naming the line.
 */
import { checkText } from './contact-fields.js';
import { IMPORT_LIMITS, ImportFormatError } from './types.js';

export interface CsvRecord {
  /** 1-based physical line the record starts on (records may span lines). */
  line: number;
  fields: string[];
}

export function readCsv(input: string): CsvRecord[] {
  const text = checkText(input);
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      let field = '';
      if (text[i] === '"') {
        const fieldLine = line;
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) throw new ImportFormatError('a quoted field is never closed', fieldLine);
          field += text.slice(i, q);
          line += countBreaks(text, i, q);
          i = q + 1;
          if (text[i] !== '"') break;
          field += '"';
          i++;
        }
        if (i < text.length && !isDelimiter(text, i)) {
          throw new ImportFormatError(
            'text after a closing quote; double quotes inside a field',
            line,
          );
        }
      } else {
        let j = i;
        while (j < text.length && !isDelimiter(text, j)) j++;
        field = text.slice(i, j);
        i = j;
      }
      fields.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      endOfRecord = true;
      i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    }
    if (fields.length > 1 || fields[0] !== '') records.push({ line: start, fields });
    if (records.length > IMPORT_LIMITS.maxRecords) {
      throw new ImportFormatError(`more than ${IMPORT_LIMITS.maxRecords} records`, start);
    }
  }
  return records;
}

function isDelimiter(text: string, i: number): boolean {
  const c = text[i];
  return c === ',' || c === '\n' || c === '\r';
}

/** Line breaks in text[from, to), counting CRLF once. */
function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = text[k];
    if (c === '\n' || (c === '\r' && text[k + 1] !== '\n')) n++;
  }
  return n;
}

/** RFC 4180 output: fields quoted when they hold a comma, quote or line break; CRLF after every record. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(quoteField).join(',')}\r\n`).join('');
}

function quoteField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

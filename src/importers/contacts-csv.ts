/**
 * Contacts from CSV: Google Contacts' export (current and older layouts) and
 * Tend's own template. The header row says which; see docs/import-csv-template.md.
 *
 * Tend's template — a header row, then one person per row:
 *
 *   name,phone,email,birthday,notes
 *   Ada Moreno,+44 7700 900123;020 7946 0001,ada@example.com,1990-04-12,Met at choir
 *   Ben Ito,,ben@example.org,04-12,
 *
 * - Columns may come in any order; only `name` is required, and every column
 *   besides these five is refused so a typo is not silently ignored.
 * - `phone` and `email` hold one or more values separated by `;`.
 * - `birthday` is `YYYY-MM-DD`, or `MM-DD` when the year is not known.
 * - `notes` is free text; quote it ("...") when it holds commas or line breaks.
 * - A bad birthday or email is an error naming the line and column.
 */
import {
  type ContactImport,
  cleanLabel,
  cleanName,
  collectEmails,
  collectPhones,
  contentId,
  isEmail,
  parseDate,
  toBirthday,
} from './contact-fields.js';
import { type CsvRecord, readCsv } from './csv.js';
import { type ImportedBirthday, type ImportedContact, ImportFormatError } from './types.js';

export const TEMPLATE_COLUMNS = ['name', 'phone', 'email', 'birthday', 'notes'] as const;

/** What one row says, whichever layout it came from. */
interface RowFields {
  name: string;
  organisation: string;
  phones: string[];
  emails: string[];
  birthday: ImportedBirthday | null;
  otherDates: ImportedContact['otherDates'];
  notes: string;
}

/** One data row, read by column name (case-insensitive). */
interface Row {
  line: number;
  headers: readonly string[];
  col(name: string): string;
}
type Layout = (row: Row) => RowFields;

export function parseContactsCsv(text: string): ContactImport {
  const [header, ...rows] = readCsv(text);
  const result: ContactImport = { contacts: [], skipped: [] };
  if (!header) return result;
  const names = header.fields.map((h) => h.trim());
  const layout = detectLayout(names);
  const index = new Map<string, number>();
  names.forEach((h, i) => {
    const key = h.toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  for (const row of rows) {
    if (row.fields.every((f) => f.trim() === '')) continue;
    const col = (name: string) => row.fields[index.get(name.toLowerCase()) ?? -1]?.trim() ?? '';
    const read = toContact(layout({ line: row.line, headers: names, col }), row);
    if (typeof read === 'string') result.skipped.push({ line: row.line, reason: read });
    else result.contacts.push(read);
  }
  return result;
}

function toContact(f: RowFields, row: CsvRecord): ImportedContact | string {
  const name = cleanName(f.name);
  if (name === '')
    return f.organisation === '' ? 'a row without a name' : 'a company, not a person';
  const phones = collectPhones(f.phones);
  const emails = collectEmails(f.emails);
  return {
    line: row.line,
    externalId: contentId(name, emails, phones),
    name,
    phones,
    emails,
    birthday: f.birthday,
    otherDates: f.otherDates,
    notes: f.notes.replace(/\r\n?/g, '\n').trim(),
  };
}

function detectLayout(header: string[]): Layout {
  const has = (name: string) => header.some((h) => h.toLowerCase() === name);
  if (has('first name') && has('last name')) return googleCurrent;
  if (has('name') && has('given name') && has('family name')) return googleOlder;
  if (
    has('name') &&
    header.every((h) => (TEMPLATE_COLUMNS as readonly string[]).includes(h.toLowerCase()))
  ) {
    return template;
  }
  throw new ImportFormatError(
    `unknown columns. Expected Tend's template (${TEMPLATE_COLUMNS.join(',')}) or a Google Contacts CSV export (First Name,Last Name,… or Name,Given Name,Family Name,…)`,
    1,
  );
}

/** Google joins several values in one cell with ` ::: `. */
function multi(value: string): string[] {
  return value
    .split(':::')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** Every `Phone 1 - Value`, `Phone 2 - Value`, … cell, split where Google joined several. */
function numbered(row: Row, prefix: string): string[] {
  const pattern = new RegExp(`^${prefix} \\d+ - Value$`, 'i');
  return row.headers.filter((h) => pattern.test(h)).flatMap((h) => multi(row.col(h)));
}

function googleDates(row: Row, labelColumn: string): ImportedContact['otherDates'] {
  const dates: ImportedContact['otherDates'] = [];
  for (const header of row.headers) {
    const n = /^Event (\d+) - Value$/i.exec(header)?.[1];
    if (n === undefined) continue;
    // Google marks its built-in labels with "* " (`* Anniversary`).
    const label =
      cleanLabel(row.col(`Event ${n} - ${labelColumn}`).replace(/^\*\s*/, '')) || 'Other';
    for (const value of multi(row.col(header))) {
      const date = parseDate(value);
      if (date) dates.push({ ...date, label });
    }
  }
  return dates;
}

function googleShared(row: Row, labelColumn: string) {
  return {
    phones: numbered(row, 'Phone'),
    emails: numbered(row, 'E-mail'),
    birthday: parseDate(row.col('Birthday')),
    otherDates: googleDates(row, labelColumn),
    notes: row.col('Notes'),
  };
}

/** Google Contacts' CSV since 2021: First Name, Middle Name, Last Name, … Organization Name. */
const googleCurrent: Layout = (row) => ({
  name: ['Name Prefix', 'First Name', 'Middle Name', 'Last Name', 'Name Suffix']
    .map((c) => row.col(c))
    .join(' '),
  organisation: row.col('Organization Name'),
  ...googleShared(row, 'Label'),
});

/** Google's older "Google CSV": Name, Given Name, Family Name, … Organization 1 - Name. */
const googleOlder: Layout = (row) => ({
  name:
    row.col('Name') ||
    ['Given Name', 'Additional Name', 'Family Name'].map((c) => row.col(c)).join(' '),
  organisation: row.col('Organization 1 - Name'),
  ...googleShared(row, 'Type'),
});

const template: Layout = (row) => ({
  name: row.col('name'),
  organisation: '',
  phones: row.col('phone').split(';'),
  emails: templateEmails(row.col('email'), row.line),
  birthday: templateBirthday(row.col('birthday'), row.line),
  otherDates: [],
  notes: row.col('notes'),
});

function templateEmails(cell: string, line: number): string[] {
  const emails = cell
    .split(';')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const bad = emails.find((e) => !isEmail(e));
  if (bad !== undefined)
    throw new ImportFormatError(`"${bad}" is not an email address`, line, 'email');
  return emails;
}

function templateBirthday(cell: string, line: number): ImportedBirthday | null {
  if (cell === '') return null;
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell);
  const short = /^(?:--)?(\d{2})-(\d{2})$/.exec(cell);
  const date = full
    ? toBirthday(Number(full[1]), Number(full[2]), Number(full[3]))
    : short
      ? toBirthday(null, Number(short[1]), Number(short[2]))
      : null;
  if (!date || (full && date.year === undefined)) {
    throw new ImportFormatError(
      `birthday "${cell}" is not a date written YYYY-MM-DD or MM-DD`,
      line,
      'birthday',
    );
  }
  return date;
}

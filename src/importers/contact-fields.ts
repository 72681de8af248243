/**
 * Field rules shared by the address-book importers (vCard, CSV): how a phone,
 * an email, a date and a name are cleaned, how a card without a UID gets a
 * stable id, and the checks that refuse binary files before any parsing.
 * Everything here is pure.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { daysInMonth } from '../core/time.js';
import {
  IMPORT_LIMITS,
  type ImportedBirthday,
  type ImportedContact,
  ImportFormatError,
} from './types.js';

/** A record the importer recognised but did not turn into a contact (a group, a company). */
export interface SkippedRecord {
  line: number;
  reason: string;
}

export interface ContactImport {
  contacts: ImportedContact[];
  skipped: SkippedRecord[];
}

/** Limits of the Connection schema, applied here so every record can be saved as is. */
export const CONTACT_LIMITS = { name: 200, label: 60, handles: 20 } as const;

const PHONE_DISALLOWED = /[^+0-9()./\s-]/g;
const PHONE_RULE = /^[+0-9()./\s-]{3,40}$/;
const EMAIL = z.email().max(254);

/**
 * Keeps a phone number as the person wrote it, minus what the Handles rule
 * forbids (letters, `tel:`, extensions' markers). Returns null when nothing
 * usable is left.
 */
export function cleanPhone(raw: string): string | null {
  let s = raw.trim().replace(/^tel:/i, '');
  // RFC 3966 parameters (`;ext=12`, `;phone-context=…`) are not part of the number.
  s = s.split(';')[0] ?? '';
  // An extension (`ext. 12`, `x12`) is dialled after connecting; it is not the number.
  s = s.replace(/\s*(?:ext\.?|extension|x)\s*\d+\s*$/i, '');
  s = s.replace(PHONE_DISALLOWED, ' ').replace(/\s+/g, ' ').trim();
  if (!PHONE_RULE.test(s) || !/\d/.test(s)) return null;
  return s;
}

/** Two spellings of one number (`+1 555-0100`, `+15550100`) count as one. */
function phoneKey(phone: string): string {
  return phone.replace(/[^+0-9]/g, '');
}

export function isEmail(value: string): boolean {
  return EMAIL.safeParse(value).success;
}

/** Cleans, validates and de-duplicates phones, keeping the first spelling. */
export function collectPhones(raw: readonly string[]): string[] {
  return dedupe(
    raw.map(cleanPhone).filter((p): p is string => p !== null),
    phoneKey,
  );
}

/** Keeps emails as given (case and all), dropping invalid ones and case-insensitive repeats. */
export function collectEmails(raw: readonly string[]): string[] {
  return dedupe(raw.map((e) => e.trim().replace(/^mailto:/i, '')).filter(isEmail), (e) =>
    e.toLowerCase(),
  );
}

function dedupe(values: string[], key: (v: string) => string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const k = key(v);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out.slice(0, CONTACT_LIMITS.handles);
}

/** Collapses whitespace and cuts to the schema's length; empty means "no name". */
export function cleanName(raw: string): string {
  return [...raw.replace(/\s+/g, ' ').trim()].slice(0, CONTACT_LIMITS.name).join('').trim();
}

export function cleanLabel(raw: string): string {
  return [...raw.replace(/\s+/g, ' ').trim()].slice(0, CONTACT_LIMITS.label).join('').trim();
}

/**
 * A month and day (and a year when known) if they name a real date. Years
 * outside 1800–2200 are placeholders exporters use for "no year" (Apple's
 * 1604, Outlook's 1601, `0000`), so the date is kept without one.
 */
export function toBirthday(
  year: number | null,
  month: number,
  day: number,
): ImportedBirthday | null {
  const y = year !== null && year >= 1800 && year <= 2200 ? year : null;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) {
    return null;
  }
  // 29 February is a fine yearless birthday; with a year, the year must have it.
  if (day > daysInMonth(y ?? 2000, month)) return null;
  return y === null ? { month, day } : { month, day, year: y };
}

/**
 * Reads the date forms address books write: `1990-04-12`, `19900412`,
 * `--0412`, `--04-12`, and any of these followed by a time (`T00:00:00Z`).
 * `omitYear` is Apple's X-APPLE-OMIT-YEAR: the year it wrote for "unknown".
 */
export function parseDate(raw: string, omitYear: number | null = null): ImportedBirthday | null {
  const value = raw.trim().split(/[Tt]/)[0] ?? '';
  const full = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value);
  if (full) {
    const year = Number(full[1]);
    return toBirthday(year === omitYear ? null : year, Number(full[2]), Number(full[3]));
  }
  const yearless = /^--(\d{2})-?(\d{2})$/.exec(value);
  if (yearless) return toBirthday(null, Number(yearless[1]), Number(yearless[2]));
  return null;
}

/**
 * The id of a card without a UID: a hash of what identifies the person, so
 * re-importing the same export updates instead of duplicating.
 */
export function contentId(
  name: string,
  emails: readonly string[],
  phones: readonly string[],
): string {
  const key = JSON.stringify([
    name.toLowerCase().replace(/\s+/g, ' ').trim(),
    emails.map((e) => e.toLowerCase()).sort(),
    phones.map(phoneKey).sort(),
  ]);
  return `hash:${createHash('sha256').update(key).digest('hex')}`;
}

/** Splits text into physical lines, accepting CRLF, LF and lone CR. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * Refuses what is not a text export before parsing it: NUL bytes, text that
 * was not UTF-8 (more than 1% replacement characters), and over-long lines.
 * Returns the text without a UTF-8 byte-order mark.
 */
export function checkText(text: string): string {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = splitLines(body);
  let replacements = 0;
  let firstReplacementLine = 0;
  lines.forEach((line, i) => {
    if (line.length > IMPORT_LIMITS.maxLineLength) {
      throw new ImportFormatError(
        `line is longer than ${IMPORT_LIMITS.maxLineLength} characters`,
        i + 1,
      );
    }
    if (line.includes('\0'))
      throw new ImportFormatError('binary data (NUL byte); not a text export', i + 1);
    for (const ch of line) {
      if (ch !== '\uFFFD') continue;
      replacements++;
      if (firstReplacementLine === 0) firstReplacementLine = i + 1;
    }
  });
  if (replacements > 0 && replacements > body.length / 100) {
    throw new ImportFormatError(
      'the file is not UTF-8 text (too many undecodable bytes); export it again as UTF-8',
      firstReplacementLine,
    );
  }
  return body;
}

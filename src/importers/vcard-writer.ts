/**
 * vCard 4.0 export (RFC 6350) of connections, for any address book to read.
 * Lines end in CRLF and fold at 75 octets without splitting a UTF-8 character.
 */
import type { Connection, ImportantDate } from '../core/connections.schemas.js';

export function writeVCards(connections: readonly Connection[]): string {
  return connections.flatMap(cardLines).map(fold).join('');
}

function cardLines(c: Connection): string[] {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `UID:urn:uuid:${c.id}`, 'KIND:individual'];
  // RFC 6350 has no kind for an animal; X-TEND-KIND keeps it for Tend and is ignored elsewhere.
  if (c.kind === 'pet') lines.push('X-TEND-KIND:pet');
  lines.push(`FN:${escapeText(c.name)}`, `N:${structuredName(c.name)}`);
  for (const phone of c.handles.phones) lines.push(`TEL;VALUE=uri:tel:${telUri(phone)}`);
  for (const email of c.handles.emails) lines.push(`EMAIL:${escapeText(email)}`);
  lines.push(...dateLines(c.importantDates));
  if (c.notes !== '') lines.push(`NOTE:${escapeText(c.notes)}`);
  lines.push(`CATEGORIES:${escapeText(c.ring)}`, 'END:VCARD');
  return lines;
}

/**
 * BDAY and ANNIVERSARY may appear once each; further dates go out as Apple's
 * labelled X-ABDATE, which Apple Contacts shows and Tend's importer reads.
 */
function dateLines(dates: readonly ImportantDate[]): string[] {
  const lines: string[] = [];
  let item = 0;
  let birthday = false;
  let anniversary = false;
  for (const d of dates) {
    if (d.kind === 'birthday' && !birthday) {
      birthday = true;
      lines.push(`BDAY:${vcardDate(d)}`);
    } else if (d.kind === 'anniversary' && !anniversary) {
      anniversary = true;
      lines.push(`ANNIVERSARY:${vcardDate(d)}`);
    } else {
      item++;
      const label = d.label ?? (d.kind === 'anniversary' ? 'Anniversary' : 'Other');
      lines.push(
        `item${item}.X-ABDATE:${vcardDate(d)}`,
        `item${item}.X-ABLabel:${escapeText(label)}`,
      );
    }
  }
  return lines;
}

/** `YYYYMMDD`, or `--MMDD` when the year is unknown (RFC 6350 §4.3.1). */
function vcardDate(d: ImportantDate): string {
  const mmdd = `${pad(d.month)}${pad(d.day)}`;
  return d.year === undefined ? `--${mmdd}` : `${String(d.year).padStart(4, '0')}${mmdd}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Best effort: the last word is the family name, the rest the given names. */
function structuredName(name: string): string {
  const words = name.trim().split(/\s+/);
  const family = words.length > 1 ? (words.pop() ?? '') : '';
  return `${escapeText(family)};${escapeText(words.join(' '))};;;`;
}

/** RFC 3966 allows no spaces or slashes; `-` is its visual separator. */
function telUri(phone: string): string {
  return phone.trim().replace(/[\s/]+/g, '-');
}

/** RFC 6350 §3.4: backslash, comma, semicolon and newlines are escaped in text. */
function escapeText(value: string): string {
  return value.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds a content line at 75 octets (RFC 6350 §3.2): continuation lines start
 * with a space, which counts toward their 75. Characters are never split.
 */
function fold(line: string): string {
  let out = '';
  let width = 0;
  for (const ch of line) {
    const octets = encoder.encode(ch).length;
    if (width + octets > 75) {
      out += '\r\n ';
      width = 1;
    }
    out += ch;
    width += octets;
  }
  return `${out}\r\n`;
}

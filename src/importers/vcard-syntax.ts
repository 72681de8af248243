/**
 * vCard syntax (2.1, 3.0 and 4.0): cards, unfolded content lines, parameters
 * and decoded values. Knows nothing about people; vcard.ts reads these
 * properties into contacts.
 */
import { TextDecoder, TextEncoder } from 'node:util';
import { checkText, splitLines } from './contact-fields.js';
import { IMPORT_LIMITS, ImportFormatError } from './types.js';

export interface VCardProperty {
  /** `item1` in `item1.TEL`; Apple ties a label (X-ABLabel) to a value this way. */
  group: string | null;
  /** Upper-cased property name. */
  name: string;
  /** Upper-cased parameter names; TYPE values are lower-cased and split on commas. */
  params: Map<string, string[]>;
  /** The value after transfer decoding (quoted-printable), still vCard-escaped. */
  value: string;
  line: number;
}

export interface RawCard {
  /** Line of `BEGIN:VCARD`. */
  line: number;
  properties: VCardProperty[];
}

interface Pending {
  text: string;
  line: number;
  /** A quoted-printable value ended in `=`: the next line continues it as is. */
  softBreak: boolean;
  base64: boolean;
}

const BEGIN = /^BEGIN:VCARD$/i;
const END = /^END:VCARD$/i;

/** Splits a vCard file into cards of parsed properties; throws on a malformed structure. */
export function readCards(input: string): RawCard[] {
  const lines = splitLines(checkText(input));
  const cards: RawCard[] = [];
  let card: RawCard | null = null;
  let pending: Pending | null = null;

  const flush = () => {
    if (card && pending) {
      const property = parseProperty(pending);
      if (property) card.properties.push(property);
    }
    pending = null;
  };

  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    if (!card) {
      const trimmed = raw.trim();
      if (trimmed === '') return;
      if (!BEGIN.test(trimmed)) {
        throw new ImportFormatError(`expected BEGIN:VCARD, found "${preview(trimmed)}"`, lineNo);
      }
      card = { line: lineNo, properties: [] };
      return;
    }
    if (pending && absorb(pending, raw)) return;
    flush();
    const trimmed = raw.trim();
    if (trimmed === '') return;
    if (BEGIN.test(trimmed)) {
      throw new ImportFormatError(`BEGIN:VCARD inside the card begun on line ${card.line}`, lineNo);
    }
    if (END.test(trimmed)) {
      cards.push(card);
      if (cards.length > IMPORT_LIMITS.maxRecords) {
        throw new ImportFormatError(`more than ${IMPORT_LIMITS.maxRecords} cards`, lineNo);
      }
      card = null;
      return;
    }
    pending = startLine(raw, lineNo);
  });
  if (card !== null) {
    throw new ImportFormatError('BEGIN:VCARD without END:VCARD', (card as RawCard).line);
  }
  return cards;
}

function startLine(text: string, line: number): Pending {
  const colon = text.indexOf(':');
  const head = (colon < 0 ? text : text.slice(0, colon)).toUpperCase();
  const softBreak = head.includes('QUOTED-PRINTABLE') && text.endsWith('=');
  const base64 = /;(ENCODING=(B|BASE64)|BASE64)(;|$)/.test(head);
  return { text: softBreak ? text.slice(0, -1) : text, line, softBreak, base64 };
}

/** Appends a physical line that continues the pending content line; false when it starts a new one. */
function absorb(pending: Pending, raw: string): boolean {
  if (pending.softBreak) {
    // A soft line break (`=` at the end) joins the next line as it is.
    if (END.test(raw.trim())) return false;
    pending.softBreak = raw.endsWith('=');
    pending.text += pending.softBreak ? raw.slice(0, -1) : raw;
    return true;
  }
  const folded = raw.startsWith(' ') || raw.startsWith('\t');
  // vCard 2.1 base64 data may run on unindented lines until a blank line; it never holds a colon.
  const base64Data = pending.base64 && raw.trim() !== '' && !raw.includes(':');
  if (!folded && !base64Data) return false;
  // Binary values (photos) are never used, so their data is not kept.
  if (!pending.base64) pending.text += raw.slice(1);
  return true;
}

function preview(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** `[group.]NAME[;param]*:value`; null for a line that is not a property. */
function parseProperty({ text, line }: Pending): VCardProperty | null {
  const colon = indexOutsideQuotes(text, ':');
  if (colon < 0) return null;
  const [nameWithGroup = '', ...rawParams] = splitOutsideQuotes(text.slice(0, colon), ';');
  const dot = nameWithGroup.lastIndexOf('.');
  const name = nameWithGroup
    .slice(dot + 1)
    .trim()
    .toUpperCase();
  if (name === '') return null;
  const group = dot > 0 ? nameWithGroup.slice(0, dot).trim().toLowerCase() : null;
  const params = parseParams(rawParams);
  let value = text.slice(colon + 1);
  const encoding = params.get('ENCODING')?.[0]?.toUpperCase();
  if (encoding === 'QUOTED-PRINTABLE')
    value = decodeQuotedPrintable(value, params.get('CHARSET')?.[0]);
  else if (encoding === 'B' || encoding === 'BASE64') value = '';
  return { group, name, params, value, line };
}

const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', '8BIT', '7BIT', 'B']);

function parseParams(raw: string[]): Map<string, string[]> {
  const params = new Map<string, string[]>();
  const add = (key: string, values: string[]) => {
    params.set(key, [...(params.get(key) ?? []), ...values]);
  };
  for (const part of raw) {
    const eq = part.indexOf('=');
    if (eq < 0) {
      // vCard 2.1 bare parameters: `TEL;CELL;VOICE`, `NOTE;QUOTED-PRINTABLE`.
      const bare = part.trim().toUpperCase();
      if (BARE_ENCODINGS.has(bare)) add('ENCODING', [bare]);
      else if (bare !== '') add('TYPE', [bare.toLowerCase()]);
      continue;
    }
    const key = part.slice(0, eq).trim().toUpperCase();
    const values = splitOutsideQuotes(part.slice(eq + 1), ',').map(unquote);
    add(key, key === 'TYPE' ? values.map((v) => v.toLowerCase()) : values);
  }
  return params;
}

function unquote(value: string): string {
  const v = value.trim();
  return v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v;
}

function indexOutsideQuotes(text: string, ch: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) return i;
  }
  return -1;
}

function splitOutsideQuotes(text: string, sep: string): string[] {
  const parts: string[] = [];
  let rest = text;
  for (let i = indexOutsideQuotes(rest, sep); i >= 0; i = indexOutsideQuotes(rest, sep)) {
    parts.push(rest.slice(0, i));
    rest = rest.slice(i + 1);
  }
  parts.push(rest);
  return parts;
}

/** Quoted-printable bytes (`=C3=BC`) in the card's CHARSET, UTF-8 when none or unknown. */
function decodeQuotedPrintable(value: string, charset: string | undefined): string {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? '';
    const hex = c === '=' ? value.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...encoder.encode(c));
    }
  }
  return decoderFor(charset).decode(new Uint8Array(bytes));
}

function decoderFor(charset: string | undefined): TextDecoder {
  try {
    return new TextDecoder(charset ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

/** Splits a structured value (N, ORG) on unescaped semicolons, then unescapes each part. */
export function splitStructured(value: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\') i++;
    else if (value[i] === ';') {
      parts.push(unescapeText(value.slice(start, i)));
      start = i + 1;
    }
  }
  parts.push(unescapeText(value.slice(start)));
  return parts;
}

/** RFC 6350 §3.4 text escapes; `\:` too, which Google writes in URLs. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\,;:nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

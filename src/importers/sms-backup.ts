/**
 * Android "SMS Backup & Restore" (SyncTech) XML backups → contact events:
 * `<smses>` files (sms and mms) and `<calls>` files.
 *
 * Safety: the text passes through `XmlGuard` before `saxes` sees it. The
 * guard rejects any `<!DOCTYPE` (so no entity or external subset is ever
 * declared; saxes itself then only knows the five predefined and numeric
 * references), drops comments, CDATA and processing instructions (saxes would
 * buffer them whole), truncates attribute values beyond MAX_VALUE (MMS parts
 * carry whole photos as base64; we need none of it) and caps every element.
 * Saxes buffers no text content without a text handler, so memory stays
 * bounded by one chunk plus one element.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { type ChunkSource, decodeChunks } from './lines.js';
import {
  IMPORT_LIMITS,
  type ImportedContactEvent,
  ImportFormatError,
  type Participant,
} from './types.js';

export interface SmsBackupSummary {
  kind: 'smses' | 'calls';
  events: number;
}

const MAX_VALUE = 64 * 1024;
const MAX_ELEMENT = 1024 * 1024;
const TEXT = 0;
const TAG = 1;
const VALUE = 2;
const SKIP = 3;

const countNewlines = (s: string, from = 0, to = s.length): number => {
  let n = 0;
  for (let i = s.indexOf('\n', from); i !== -1 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

/** A streaming pre-filter over the XML text; see the file comment. */
export class XmlGuard {
  private state = TEXT;
  private quote = '';
  private terminator = '';
  private valueLength = 0;
  private elementLength = 0;
  private held = '';

  /** `lineBefore` gives the line the current chunk starts on, for errors. */
  constructor(private readonly lineBefore: () => number) {}

  private fail(message: string, text: string, at: number): never {
    throw new ImportFormatError(message, this.lineBefore() + countNewlines(text, 0, at));
  }

  /** Filters one chunk; `last` flushes what was held back for look-ahead. */
  filter(chunk: string, last = false): string {
    const text = this.held + chunk;
    this.held = '';
    const out: string[] = [];
    let from = 0;
    let i = 0;
    const drop = (end: number) => {
      out.push(text.slice(from, i), '\n'.repeat(countNewlines(text, i, end)));
      from = end;
    };
    while (i < text.length) {
      if (this.state === TEXT) {
        const lt = text.indexOf('<', i);
        if (lt === -1) break;
        // Markup declarations need up to 9 characters of look-ahead (`<![CDATA[`).
        if (!last && text.length - lt < 9) {
          this.held = text.slice(lt);
          i = lt;
          out.push(text.slice(from, lt));
          return out.join('');
        }
        i = lt;
        if (text.startsWith('<!--', lt)) this.skipTo('-->');
        else if (text.startsWith('<![CDATA[', lt)) this.skipTo(']]>');
        else if (text.startsWith('<?', lt)) this.skipTo('?>');
        else if (text.charCodeAt(lt + 1) === 0x21) this.fail('DTDs are not allowed', text, lt);
        else {
          this.state = TAG;
          this.elementLength = 0;
          i = lt + 1;
        }
        if (this.state === SKIP) {
          out.push(text.slice(from, lt));
          from = lt;
        }
      } else if (this.state === SKIP) {
        const end = text.indexOf(this.terminator, i);
        if (end === -1) {
          // Keep a possible partial terminator for the next chunk.
          const keep = last ? 0 : this.terminator.length - 1;
          const cut = Math.max(i, text.length - keep);
          drop(cut);
          this.held = text.slice(cut);
          return out.join('');
        }
        drop(end + this.terminator.length);
        i = from;
        this.state = TEXT;
      } else if (this.state === TAG) {
        const c = text.charCodeAt(i);
        if (c === 0x3e) this.state = TEXT;
        else if (c === 0x22 || c === 0x27) {
          this.state = VALUE;
          this.quote = text[i] ?? '"';
          this.valueLength = 0;
        }
        if (++this.elementLength > MAX_ELEMENT) this.fail('element is too large', text, i);
        i++;
      } else {
        const close = text.indexOf(this.quote, i);
        const end = close === -1 ? text.length : close;
        const room = MAX_VALUE - this.valueLength;
        if (end - i > room) {
          let cut = i + Math.max(room, 0);
          // Never cut inside an entity reference such as `&#128578;`.
          const amp = text.lastIndexOf('&', cut - 1);
          if (amp >= i && amp > cut - 12) {
            const semi = text.indexOf(';', amp);
            if (semi === -1 || semi >= cut) cut = amp;
          }
          out.push(text.slice(from, cut), '\n'.repeat(countNewlines(text, cut, end)));
          from = end;
          this.valueLength = MAX_VALUE;
        } else this.valueLength += end - i;
        this.elementLength += Math.min(end - i, MAX_VALUE);
        if (this.elementLength > MAX_ELEMENT) this.fail('element is too large', text, i);
        i = end;
        if (close !== -1) {
          this.state = TAG;
          i = close + 1;
        }
      }
    }
    out.push(text.slice(from));
    return out.join('');
  }

  private skipTo(terminator: string): void {
    this.state = SKIP;
    this.terminator = terminator;
  }
}

type Attributes = Record<string, string>;

const name = (value: string | undefined): string | undefined =>
  value && value !== '(Unknown)' && value !== 'null' ? value : undefined;

function who(address: string | undefined, contactName: string | undefined): Participant | null {
  const phone = address && address !== 'null' && address !== '-1' ? address : undefined;
  const person: Participant = {};
  if (phone) person.phone = phone;
  const known = name(contactName);
  if (known) person.name = known;
  return phone || known ? person : null;
}

function instant(attrs: Attributes, line: number): string {
  let ms = Number(attrs.date);
  if (!Number.isFinite(ms) || attrs.date === '' || attrs.date === undefined) {
    throw new ImportFormatError('missing or invalid date', line, 'date');
  }
  // Some backups store MMS dates in seconds.
  if (ms < 1e11) ms *= 1000;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) throw new ImportFormatError('invalid date', line, 'date');
  return date.toISOString();
}

function smsEvent(attrs: Attributes, line: number): ImportedContactEvent | null {
  const direction = attrs.type === '1' ? 'incoming' : attrs.type === '2' ? 'outgoing' : null;
  const counterpart = who(attrs.address, attrs.contact_name);
  if (direction === null || counterpart === null) return null;
  const at = instant(attrs, line);
  return { line, instant: at, channel: 'text', counterpart, conversation: null, direction };
}

interface MmsDraft {
  attrs: Attributes;
  line: number;
  addrs: { address: string; type: string }[];
}

/** Incoming: the sender (addr type 137). Outgoing: every to/cc/bcc recipient. */
function mmsEvents(mms: MmsDraft): ImportedContactEvent[] {
  const { attrs, line } = mms;
  const box = attrs.msg_box;
  if (box !== '1' && box !== '2') return [];
  // `address` and `contact_name` list the participants in the same order.
  const addresses = (attrs.address ?? '').split('~');
  const names = (attrs.contact_name ?? '').split(', ');
  const nameOf = (address: string) =>
    names.length === addresses.length ? names[addresses.indexOf(address)] : undefined;
  const from = mms.addrs.find((a) => a.type === '137')?.address;
  let targets: string[];
  if (box === '1') targets = from ? [from] : addresses.slice(0, 1);
  else {
    const to = mms.addrs.filter((a) => a.type !== '137' && a.address !== from);
    targets = to.length > 0 ? to.map((a) => a.address) : addresses;
  }
  const at = instant(attrs, line);
  const direction = box === '1' ? 'incoming' : 'outgoing';
  const events: ImportedContactEvent[] = [];
  for (const address of new Set(targets)) {
    if (address === 'insert-address-token') continue;
    const counterpart = who(address, nameOf(address));
    if (counterpart) {
      events.push({
        line,
        instant: at,
        channel: 'text',
        counterpart,
        conversation: null,
        direction,
      });
    }
  }
  return events;
}

const CALL_DIRECTION: Record<string, ImportedContactEvent['direction']> = {
  '1': 'incoming',
  '2': 'outgoing',
  '3': 'incoming',
  '4': 'incoming',
  '5': 'incoming',
  '6': 'incoming',
};
/** Missed, voicemail, rejected, blocked: no conversation happened. */
const UNCONNECTED = new Set(['3', '4', '5', '6']);

function callEvent(attrs: Attributes, line: number): ImportedContactEvent | null {
  const counterpart = who(attrs.number, attrs.contact_name);
  if (counterpart === null) return null;
  const type = attrs.type ?? '';
  const seconds = Number(attrs.duration ?? 0);
  const durationSeconds =
    UNCONNECTED.has(type) || !Number.isFinite(seconds) || seconds < 0 ? 0 : Math.floor(seconds);
  return {
    line,
    instant: instant(attrs, line),
    channel: 'voice',
    counterpart,
    conversation: null,
    direction: CALL_DIRECTION[type] ?? 'unknown',
    durationSeconds,
  };
}

/** Saxes reports well-formedness errors as `line:column: message`. */
const SAXES_ERROR = /^(?:[^:]*:)?\d+:\d+: (.*)$/s;

/** Streams an SMS or call-log backup; returns which kind it was. */
export async function* parseSmsBackup(
  chunks: ChunkSource,
): AsyncGenerator<ImportedContactEvent, SmsBackupSummary> {
  const parser = new SaxesParser({ position: true });
  const guard = new XmlGuard(() => parser.line);
  let kind: SmsBackupSummary['kind'] | null = null;
  let tagLine = 1;
  let mms: MmsDraft | null = null;
  let count = 0;
  let out: ImportedContactEvent[] = [];
  const push = (event: ImportedContactEvent | null) => {
    if (event === null) return;
    if (++count > IMPORT_LIMITS.maxRecords) {
      throw new ImportFormatError(`more than ${IMPORT_LIMITS.maxRecords} records`, event.line);
    }
    out.push(event);
  };
  parser.on('doctype', () => {
    throw new ImportFormatError('DTDs are not allowed', parser.line);
  });
  parser.on('opentagstart', () => {
    tagLine = parser.line;
  });
  parser.on('opentag', (tag) => {
    const attrs = (tag as SaxesTagPlain).attributes;
    if (kind === null) {
      if (tag.name !== 'smses' && tag.name !== 'calls') {
        throw new ImportFormatError(`not an SMS Backup & Restore file (<${tag.name}>)`, tagLine);
      }
      kind = tag.name;
    } else if (tag.name === 'sms') push(smsEvent(attrs, tagLine));
    else if (tag.name === 'call') push(callEvent(attrs, tagLine));
    else if (tag.name === 'mms') mms = { attrs, line: tagLine, addrs: [] };
    else if (tag.name === 'addr' && mms) {
      mms.addrs.push({ address: attrs.address ?? '', type: attrs.type ?? '' });
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'mms' && mms) {
      for (const event of mmsEvents(mms)) push(event);
      mms = null;
    }
  });
  const feed = (run: () => void) => {
    try {
      run();
    } catch (error) {
      if (error instanceof ImportFormatError) throw error;
      const saxes = error instanceof Error ? SAXES_ERROR.exec(error.message) : null;
      if (!saxes) throw error;
      throw new ImportFormatError(`malformed XML: ${saxes[1]}`, parser.line);
    }
  };

  for await (const text of decodeChunks(chunks, () => parser.line)) {
    feed(() => parser.write(guard.filter(text)));
    yield* out;
    out = [];
  }
  feed(() => {
    parser.write(guard.filter('', true));
    parser.close();
  });
  yield* out;
  if (kind === null) throw new ImportFormatError('not an SMS Backup & Restore file', 1);
  return { kind, events: count };
}

/** Parses a whole backup held in memory (tests, small files). */
export async function parseSmsBackupText(text: string): Promise<ImportedContactEvent[]> {
  const events: ImportedContactEvent[] = [];
  for await (const event of parseSmsBackup([text])) events.push(event);
  return events;
}

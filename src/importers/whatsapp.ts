/**
 * WhatsApp "Export chat" text files (Android and iOS, any of the common
 * locale date formats) → one `ImportedContactEvent` per message.
 *
 * Streaming: memory is bounded by the first PREFIX_LINES lines' headers (kept
 * while the date order and chat kind are decided) and by the longest line.
 * Message text is never accumulated — only counts matter — so long multi-line
 * messages cost nothing beyond reading them.
 *
 * Who is who:
 * - Without `self`, nobody is known to be the user: every message is
 *   `direction: 'unknown'` with counterpart = its sender.
 * - With `self`, a one-to-one chat's own messages are `outgoing` with
 *   counterpart = the other person (the one non-self sender, else the chat's
 *   title from the file name), so they count towards that person.
 * - In a group, others' messages are `incoming` from their sender; own
 *   messages are `outgoing` with an empty counterpart (`{}`) and the group as
 *   `conversation`: they were addressed to the group, not to one person.
 * A chat is a group when the first lines show a group event (`created group`,
 * `added`, …) or two non-self senders (three when `self` is unknown); a chat
 * that later shows a second non-self sender becomes a group from there on.
 */
import { type ChunkSource, readLineBatches } from './lines.js';
import {
  IMPORT_LIMITS,
  type ImportedContactEvent,
  ImportFormatError,
  type Participant,
} from './types.js';

export type DateOrder = 'DMY' | 'MDY' | 'YMD';

export interface WhatsAppDetection {
  dateOrder: DateOrder;
  /** `default`: every date seen was ambiguous (day and month ≤ 12), so DMY was assumed. */
  dateOrderSource: 'given' | 'detected' | 'default';
  group: boolean;
  conversation: string | null;
}

export interface WhatsAppSummary extends WhatsAppDetection {
  messages: number;
  systemMessages: number;
}

export interface WhatsAppOptions {
  dateOrder?: DateOrder;
  /** The export's file name (`WhatsApp Chat with Family.txt`), used to name the chat. */
  fileName?: string;
  /** The user's own sender names and phone numbers as they appear in the export. */
  self?: readonly string[];
  /** Called once the date order and chat kind are decided, before the first event. */
  onDetected?: (detection: WhatsAppDetection) => void;
}

/** Lines scanned before deciding the date order and chat kind. */
export const PREFIX_LINES = 1000;
const MAX_SENDER = 200;
/** Distinct senders remembered; beyond this, group detection stops learning. */
const MAX_SENDERS = 10_000;

const SP = '[ \\u00a0\\u202f]';
const MERIDIEM = `[aApP]\\.?${SP}?[mM]\\.?|vorm\\.|nachm\\.`;
/**
 * A message header. Anchored, and every repetition is bounded or separated by
 * a distinct character, so a non-matching line fails in constant time.
 * Groups: 1 `[`, 2-5 date fields and separator, 6-8 time, 9 meridiem.
 */
const HEADER = new RegExp(
  `^[\\u200e\\u200f]?(\\[)?(\\d{1,4})([./-])(\\d{1,2})\\3(\\d{2,4})\\.?,?${SP}` +
    `(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?(?:${SP}?(${MERIDIEM}))?(?:\\]${SP}?|${SP}[-–]${SP})`,
);
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** iOS marks both system messages and attachments with a leading U+200E; these are messages. */
const IOS_ATTACHMENT =
  /^\u200e(?:<attached: |<Anhang: |[\w ]{1,30} (?:omitted|weggelassen)$|This message was deleted|You deleted this message)/;
const GROUP_EVENT =
  / (?:created group|added|removed|left$|joined using|changed the subject|changed this group|changed the group)/;
const QUOTED = /[“"„]([^”"“]{1,200})[”"“]/g;
const PHONE = /^\+?[\d\s().\u00a0-]{6,24}$/;
const FILE_TITLE =
  /^WhatsApp[ -]Chat(?: with| mit| con| avec| met| com| -) (.+?)(?: \(\d+\))?\.(?:txt|zip)$/i;

/** A message header, before the date order is known. */
interface RawMessage {
  line: number;
  a: number;
  b: number;
  c: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 none, 1 AM, 2 PM. */
  meridiem: 0 | 1 | 2;
  sender: string;
  dateText: string;
}

/** What the scan learns about the chat from headers and system messages. */
class ChatFacts {
  yearFirst = false;
  dots = false;
  maxA = 0;
  maxB = 0;
  headers = 0;
  systemMessages = 0;
  groupEvent = false;
  createdName: string | null = null;
  /** iOS writes system messages under the chat's title (group name or contact). */
  iosTitle: string | null = null;
  readonly senders = new Map<string, boolean>();
  constructor(private readonly self: ReadonlySet<string>) {}

  isSelf(sender: string): boolean {
    let known = this.senders.get(sender);
    if (known === undefined) {
      known = this.self.has(identityKey(sender));
      if (this.senders.size < MAX_SENDERS) this.senders.set(sender, known);
    }
    return known;
  }

  others(): string[] {
    return [...this.senders].filter(([, self]) => !self).map(([name]) => name);
  }

  system(text: string, author: string | null): void {
    this.systemMessages++;
    if (author !== null && this.iosTitle === null) this.iosTitle = author;
    // Long system lines are not real system messages; skip the regexes on them.
    if (text.length > 1000 || !GROUP_EVENT.test(text)) return;
    this.groupEvent = true;
    const names = [...text.matchAll(QUOTED)].map((m) => m[1]);
    const name = names[names.length - 1];
    if (name !== undefined && /created group|changed the subject/.test(text)) {
      this.createdName = name;
    }
  }
}

function identityKey(value: string): string {
  const clean = value.replace(BIDI, '').trim();
  return PHONE.test(clean) ? `tel:${clean.replace(/\D/g, '')}` : `name:${clean.toLowerCase()}`;
}

function participant(sender: string): Participant {
  return PHONE.test(sender) ? { phone: sender } : { name: sender };
}

function cleanSender(raw: string): string {
  let s = raw.replace(BIDI, '');
  // iOS prefixes senders who are not in the address book with "~ ".
  if (s.charCodeAt(0) === 0x7e) s = s.slice(1);
  return s.trim();
}

function mayBeDate(a: number, b: number, c: number, yearFirst: boolean): boolean {
  if (yearFirst) return b >= 1 && b <= 12 && c >= 1 && c <= 31;
  return a >= 1 && b >= 1 && ((a <= 31 && b <= 12) || (a <= 12 && b <= 31));
}

/** Parses one line's header; null for continuation lines. System messages update `facts`. */
function scanLine(text: string, line: number, facts: ChatFacts): RawMessage | null {
  const first = text.charCodeAt(0);
  // Cheap first-character test: most continuation lines never reach the regex.
  if (!((first >= 48 && first <= 57) || first === 0x5b || first === 0x200e || first === 0x200f)) {
    return null;
  }
  const m = HEADER.exec(text);
  if (m === null) return null;
  const head = m[0];
  if ((m[1] === '[') !== head.includes(']')) return null;
  const [, , aText = '', sep, bText = '', cText = ''] = m;
  const a = Number(aText);
  const b = Number(bText);
  const c = Number(cText);
  const hour = Number(m[6]);
  const minute = Number(m[7]);
  const second = m[8] === undefined ? 0 : Number(m[8]);
  const yearFirst = aText.length === 4;
  if (hour > 23 || minute > 59 || second > 59 || !mayBeDate(a, b, c, yearFirst)) return null;
  facts.headers++;
  if (yearFirst) facts.yearFirst = true;
  else {
    if (a > facts.maxA) facts.maxA = a;
    if (b > facts.maxB) facts.maxB = b;
    if (sep === '.') facts.dots = true;
  }
  const start = head.length;
  const colon = text.indexOf(': ', start);
  if (colon === -1 || colon - start > MAX_SENDER) {
    facts.system(text.slice(start), null);
    return null;
  }
  const rawSender = text.slice(start, colon);
  // Android subject changes (`… to "a: b"`) are the only system lines with ": " before a quote.
  if (rawSender.includes('"') || rawSender.includes('“')) {
    facts.system(text.slice(start), null);
    return null;
  }
  const sender = cleanSender(rawSender);
  if (text.charCodeAt(colon + 2) === 0x200e && !IOS_ATTACHMENT.test(text.slice(colon + 2))) {
    facts.system(text.slice(colon + 2), sender);
    return null;
  }
  if (sender === '') return null;
  const marker = m[9];
  const meridiem = marker === undefined ? 0 : /^[aAv]/.test(marker) ? 1 : 2;
  const dateText = `${aText}${sep}${bText}${sep}${cText}`;
  return { line, a, b, c, hour, minute, second, meridiem, sender, dateText };
}

function decideOrder(facts: ChatFacts, given: DateOrder | undefined) {
  if (given) return { dateOrder: given, dateOrderSource: 'given' } as const;
  if (facts.yearFirst) return { dateOrder: 'YMD', dateOrderSource: 'detected' } as const;
  if (facts.maxA > 12 || facts.dots)
    return { dateOrder: 'DMY', dateOrderSource: 'detected' } as const;
  if (facts.maxB > 12) return { dateOrder: 'MDY', dateOrderSource: 'detected' } as const;
  return { dateOrder: 'DMY', dateOrderSource: 'default' } as const;
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);

function localTime(msg: RawMessage, order: DateOrder): string {
  let year = order === 'YMD' ? msg.a : msg.c;
  const month = order === 'MDY' ? msg.a : msg.b;
  const day = order === 'DMY' ? msg.a : order === 'MDY' ? msg.b : msg.c;
  if (year < 100) year += 2000;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const maxDay = month === 2 && !leap ? 28 : (DAYS[month - 1] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > maxDay || year < 2009) {
    throw new ImportFormatError(
      `date "${msg.dateText}" is not a valid ${order} date; pass the export's date order`,
      msg.line,
      'date',
    );
  }
  let hour = msg.hour;
  if (msg.meridiem !== 0) {
    if (hour < 1 || hour > 12) {
      throw new ImportFormatError(`hour ${hour} is not valid on a 12-hour clock`, msg.line, 'time');
    }
    hour = (hour % 12) + (msg.meridiem === 2 ? 12 : 0);
  }
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(msg.minute)}:${pad(msg.second)}`;
}

/** The chat's title from its export file name, if it follows WhatsApp's naming. */
export function titleFromFileName(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return FILE_TITLE.exec(base)?.[1] ?? null;
}

/** Streams a WhatsApp export; returns a summary (also given early to `onDetected`). */
export async function* parseWhatsApp(
  chunks: ChunkSource,
  options: WhatsAppOptions = {},
): AsyncGenerator<ImportedContactEvent, WhatsAppSummary> {
  const selfKeys = new Set((options.self ?? []).map(identityKey));
  const knowsSelf = selfKeys.size > 0;
  const facts = new ChatFacts(selfKeys);
  const fileTitle = options.fileName ? titleFromFileName(options.fileName) : null;
  let detection: WhatsAppDetection | null = null;
  let other: string | null = null;
  let prefix: RawMessage[] = [];
  let lineNo = 0;
  let messages = 0;

  const decide = (): WhatsAppDetection => {
    if (facts.headers === 0) {
      throw new ImportFormatError(
        `not a WhatsApp chat export: no message line in the first ${PREFIX_LINES} lines`,
        1,
      );
    }
    const others = facts.others();
    const group = facts.groupEvent || others.length >= (knowsSelf ? 2 : 3);
    other = group ? null : (others[0] ?? fileTitle ?? facts.iosTitle);
    const conversation = group ? (fileTitle ?? facts.iosTitle ?? facts.createdName) : null;
    const decided = { ...decideOrder(facts, options.dateOrder), group, conversation };
    options.onDetected?.({ ...decided });
    return decided;
  };

  const toEvent = (msg: RawMessage, chat: WhatsAppDetection): ImportedContactEvent => {
    if (++messages > IMPORT_LIMITS.maxRecords) {
      throw new ImportFormatError(`more than ${IMPORT_LIMITS.maxRecords} messages`, msg.line);
    }
    const fromSelf = facts.isSelf(msg.sender);
    if (knowsSelf && !fromSelf && !chat.group && msg.sender !== other) {
      // A second non-self sender: this is a group after all.
      if (other === null) other = msg.sender;
      else {
        chat.group = true;
        chat.conversation = fileTitle ?? facts.iosTitle ?? facts.createdName;
      }
    } else if (!knowsSelf && !chat.group && facts.senders.size >= 3) {
      chat.group = true;
      chat.conversation = fileTitle ?? facts.iosTitle ?? facts.createdName;
    }
    let counterpart: Participant;
    let direction: ImportedContactEvent['direction'];
    if (!knowsSelf) {
      counterpart = participant(msg.sender);
      direction = 'unknown';
    } else if (fromSelf) {
      counterpart = chat.group || other === null ? {} : participant(other);
      direction = 'outgoing';
    } else {
      counterpart = participant(msg.sender);
      direction = 'incoming';
    }
    return {
      line: msg.line,
      localTime: localTime(msg, chat.dateOrder),
      channel: 'text',
      counterpart,
      conversation: chat.conversation,
      direction,
    };
  };

  for await (const batch of readLineBatches(chunks)) {
    for (const text of batch) {
      lineNo++;
      if (text.includes('\0')) {
        throw new ImportFormatError('binary data (NUL byte) in a text export', lineNo);
      }
      const msg = scanLine(text, lineNo, facts);
      if (detection !== null) {
        if (msg !== null) yield toEvent(msg, detection);
        continue;
      }
      if (msg !== null) {
        facts.isSelf(msg.sender);
        prefix.push(msg);
      }
      if (lineNo >= PREFIX_LINES) {
        detection = decide();
        for (const held of prefix) yield toEvent(held, detection);
        prefix = [];
      }
    }
  }
  if (detection === null) {
    detection = decide();
    for (const held of prefix) yield toEvent(held, detection);
  }
  return { ...detection, messages, systemMessages: facts.systemMessages };
}

/** Parses a whole export held in memory (tests, small files). */
export async function parseWhatsAppText(
  text: string,
  options: WhatsAppOptions = {},
): Promise<ImportedContactEvent[]> {
  const events: ImportedContactEvent[] = [];
  for await (const event of parseWhatsApp([text], options)) events.push(event);
  return events;
}

/**
 * What every importer produces: plain records, with no ids of Tend's and no
 * knowledge of the database. The import pipeline (src/app/import.usecases.ts)
 * matches them to connections, previews and applies them in one transaction.
 *
 * Parsers are pure over their input text or stream: no clock, no I/O beyond
 * reading what they are given. Every parse error names where it happened.
 */
import type { Channel, InteractionKind } from '../core/common.schemas.js';
import type { Participant } from '../core/matching.js';

/** Where in the file a record began, for error messages and previews. */
export interface Origin {
  /** 1-based line number of the record's first line. */
  line: number;
}

/** A bad file: the message names the line (and field) at fault. */
export class ImportFormatError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
    readonly field: string | null = null,
  ) {
    super(line === null ? message : `line ${line}: ${message}`);
    this.name = 'ImportFormatError';
  }
}

export interface ImportedBirthday {
  month: number;
  day: number;
  year?: number;
}

/** A person from an address book (vCard, CSV). */
export interface ImportedContact extends Origin {
  /** Stable across exports of the same card (UID, or a hash of its content). */
  externalId: string;
  name: string;
  phones: string[];
  emails: string[];
  birthday: ImportedBirthday | null;
  /** Other dates (anniversaries), with their label. */
  otherDates: (ImportedBirthday & { label: string })[];
  notes: string;
}

/** Who took part, as the file names them; the pipeline matches these to connections. */
export type { Participant } from '../core/matching.js';

/** A past meeting from a calendar (one occurrence of an event). */
export interface ImportedMeeting extends Origin {
  /** UID plus the occurrence's start, so re-imports update instead of duplicating. */
  externalId: string;
  title: string;
  /** UTC instant. */
  startedAt: string;
  durationMinutes: number | null;
  /** `video` when the event carries a video-call link, else `in_person`. */
  channel: Extract<Channel, 'in_person' | 'video'>;
  attendees: Participant[];
  location: string | null;
}

/**
 * One message or call from a chat or phone backup. The pipeline folds these
 * into one interaction per connection, per local day and channel.
 */
export interface ImportedContactEvent extends Origin {
  /** Local wall-clock time as written in the file (`YYYY-MM-DDTHH:MM:SS`), when the file has no zone. */
  localTime?: string;
  /** UTC instant, when the file carries one (epoch milliseconds in SMS backups). */
  instant?: string;
  channel: Extract<Channel, 'text' | 'voice' | 'video'>;
  /** The other side (the sender of a received message, the recipient of a sent one, the caller). */
  counterpart: Participant;
  /** Name of the chat (a group's title), when there is one. */
  conversation: string | null;
  direction: 'incoming' | 'outgoing' | 'unknown';
  /** Calls only: seconds connected (0 for missed). */
  durationSeconds?: number;
  kinds?: InteractionKind[];
}

/** Limits every parser enforces, so a hostile file cannot exhaust memory or time. */
export const IMPORT_LIMITS = {
  /** Longest line any text format may have. */
  maxLineLength: 1024 * 1024,
  /** Largest file accepted in one import. */
  maxFileBytes: 512 * 1024 * 1024,
  /** Most records (contacts, events, occurrences) one file may yield. */
  maxRecords: 5_000_000,
  /** Recurring events: occurrences expanded per event at most. */
  maxOccurrencesPerEvent: 5_000,
} as const;

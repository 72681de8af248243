/**
 * iCalendar (.ics) import: the past occurrences of every VEVENT, as a calendar
 * app would show them.
 *
 * ical.js parses the text and expands RRULEs, but only in wall-clock terms:
 * we hand its iterator a floating DTSTART and turn each occurrence into an
 * instant ourselves, through Intl and the IANA zone the TZID names. That keeps
 * a weekly 10:00 Berlin meeting at 10:00 local across DST, and copes with the
 * Windows zone names and missing VTIMEZONE blocks ical.js cannot resolve.
 * EXDATE, RDATE, UNTIL and RECURRENCE-ID are matched on instants for the same
 * reason (each may carry its own TZID, or none, or `Z`).
 */
import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import {
  IMPORT_LIMITS,
  type ImportedMeeting,
  ImportFormatError,
  type Participant,
} from './types.js';
import { ianaZoneFor, type WallTime, wallToUtc } from './windows-zones.js';

type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;
type Timezone = InstanceType<typeof ICAL.Timezone>;

export interface ParseCalendarOptions {
  /** Occurrences at or after this instant are not meetings yet. */
  now: Date;
  /** The zone of floating times (no TZID, no `Z`) and of TZIDs nobody knows. */
  defaultTimeZone: string;
  /** When given, occurrences before this instant are left out. */
  since?: Date;
}

export interface SkippedEvent {
  line: number;
  reason: string;
}

export interface ParsedCalendar {
  meetings: ImportedMeeting[];
  skipped: SkippedEvent[];
}

export function parseCalendar(text: string, options: ParseCalendarOptions): ParsedCalendar {
  const clean = text.replace(/^\uFEFF/, '');
  const eventLines = scanStructure(clean);
  const roots = parseWithLines(clean);
  const ctx: Context = {
    now: options.now.getTime(),
    since: options.since?.getTime() ?? Number.NEGATIVE_INFINITY,
    defaultZone: options.defaultTimeZone,
    vtimezones: new Map(),
    meetings: new Map(),
    skipped: [],
  };
  const events: SourceEvent[] = [];
  for (const root of roots) {
    for (const tz of root.getAllSubcomponents('vtimezone')) {
      const tzid = tz.getFirstPropertyValue('tzid');
      if (typeof tzid === 'string') ctx.vtimezones.set(tzid, new ICAL.Timezone(tz));
    }
    for (const comp of root.getAllSubcomponents('vevent')) {
      events.push({ comp, line: eventLines[events.length] ?? 1 });
    }
  }
  expandAll(events, ctx);
  const meetings = [...ctx.meetings.values()].sort(
    (a, b) => a.startedAt.localeCompare(b.startedAt) || a.line - b.line,
  );
  return { meetings, skipped: ctx.skipped.sort((a, b) => a.line - b.line) };
}

// ---------------------------------------------------------------------------
// Text checks ical.js does not make, with the line numbers it does not keep.

/** Physical line numbers of the unfolded content lines. */
function unfold(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const physical = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i] ?? '';
    if (raw.length > IMPORT_LIMITS.maxLineLength) {
      throw new ImportFormatError(
        `line longer than ${IMPORT_LIMITS.maxLineLength} characters`,
        i + 1,
      );
    }
    if (raw.includes('\0')) throw new ImportFormatError('binary data (NUL byte)', i + 1);
    const last = out.at(-1);
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && last) {
      last.text += raw.slice(1);
      if (last.text.length > IMPORT_LIMITS.maxLineLength) {
        throw new ImportFormatError('unfolded line too long', last.line);
      }
    } else if (raw.trim() !== '') {
      out.push({ text: raw, line: i + 1 });
    }
  }
  return out;
}

const MAX_NESTING = 16;

/** Checks BEGIN/END balance; returns the BEGIN line of each top-level VEVENT, in order. */
function scanStructure(text: string): number[] {
  if (text.length > IMPORT_LIMITS.maxFileBytes) throw new ImportFormatError('file too large', null);
  const lines = unfold(text);
  if (!lines.some((l) => /^BEGIN:VCALENDAR\s*$/i.test(l.text))) {
    throw new ImportFormatError('not an iCalendar file (no BEGIN:VCALENDAR)', 1);
  }
  const stack: { name: string; line: number }[] = [];
  const events: number[] = [];
  for (const { text: content, line } of lines) {
    if (!/^[^:;]+[:;]/.test(content) || !content.includes(':')) {
      throw new ImportFormatError('not an iCalendar content line (NAME:value)', line);
    }
    const m = /^(BEGIN|END):(.*)$/i.exec(content);
    if (!m) {
      if (stack.length === 0) throw new ImportFormatError('content outside BEGIN:VCALENDAR', line);
      continue;
    }
    const name = (m[2] ?? '').trim().toUpperCase();
    if (m[1]?.toUpperCase() === 'BEGIN') {
      if (stack.length === 0 && name !== 'VCALENDAR') {
        throw new ImportFormatError(`expected BEGIN:VCALENDAR, found BEGIN:${name}`, line);
      }
      if (stack.length >= MAX_NESTING)
        throw new ImportFormatError('components nested too deep', line);
      if (name === 'VEVENT' && stack.length === 1) events.push(line);
      stack.push({ name, line });
    } else {
      const open = stack.pop();
      if (!open) throw new ImportFormatError(`END:${name} without a BEGIN`, line);
      if (open.name !== name) {
        throw new ImportFormatError(
          `END:${name} closes BEGIN:${open.name} of line ${open.line}`,
          line,
        );
      }
    }
  }
  const unclosed = stack.pop();
  if (unclosed)
    throw new ImportFormatError(`BEGIN:${unclosed.name} is never closed`, unclosed.line);
  return events;
}

/** ical.js parse, with its errors pinned to the first content line it rejects. */
function parseWithLines(text: string): Component[] {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const bad = unfold(text).find((l) => {
      if (/^(BEGIN|END):/i.test(l.text)) return false; // parse.property cannot take these
      try {
        ICAL.parse.property(l.text);
        return false;
      } catch {
        return true;
      }
    });
    throw new ImportFormatError(`unreadable iCalendar: ${message}`, bad?.line ?? 1);
  }
  const list = Array.isArray(jcal) && typeof jcal[0] === 'string' ? [jcal] : (jcal as unknown[]);
  return list
    .map((j) => new ICAL.Component(j as unknown[] as []))
    .filter((c) => c.name === 'vcalendar');
}

// ---------------------------------------------------------------------------
// Dates and zones.

interface Context {
  now: number;
  since: number;
  defaultZone: string;
  vtimezones: Map<string, Timezone>;
  /** Keyed by externalId: merged exports repeat events. */
  meetings: Map<string, ImportedMeeting>;
  skipped: SkippedEvent[];
}

interface DateValue {
  wall: WallTime;
  isDate: boolean;
  utc: boolean;
  tzid: string | null;
}

class BadValue extends Error {}

/** ical.js leaves date values as jCal strings until asked; we read them without its zone logic. */
function readDate(raw: unknown, tzid: string | null): DateValue {
  const s = Array.isArray(raw) ? raw[0] : raw; // PERIOD: [start, end or duration]
  const m =
    typeof s === 'string'
      ? /^(\d{4})-(\d{2})-(\d{2})(?:T(?:(\d{2}):(\d{2}):(\d{2})(Z)?|::))?$/.exec(s)
      : null;
  if (!m) throw new BadValue(`not a date: ${String(s).slice(0, 40)}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // `::` is how ical.js spells a bare YYYYMMDD it took for a DATE-TIME.
  const isDate = m[4] === undefined;
  const wall = {
    year,
    month,
    day,
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Math.min(59, Number(m[6] ?? 0)),
  };
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (
    month < 1 ||
    month > 12 ||
    probe.getUTCDate() !== day ||
    wall.hour > 23 ||
    wall.minute > 59 ||
    year < 1000
  ) {
    throw new BadValue(`no such date: ${s}`);
  }
  return { wall, isDate, utc: m[7] === 'Z', tzid };
}

function readDates(prop: Property): DateValue[] {
  const [, params, , ...values] = prop.toJSON() as [
    string,
    Record<string, unknown>,
    string,
    ...unknown[],
  ];
  const tzid = typeof params.tzid === 'string' ? params.tzid : null;
  return values.map((v) => readDate(v, tzid));
}

function firstDate(comp: Component, name: string): DateValue | null {
  const prop = comp.getFirstProperty(name);
  if (!prop) return null;
  const [value] = readDates(prop);
  if (!value) throw new BadValue(`empty ${name.toUpperCase()}`);
  return value;
}

function toUtc(value: DateValue, ctx: Context): number {
  if (value.utc) return wallToUtc(value.wall, 'UTC');
  if (value.tzid !== null) {
    const iana = ianaZoneFor(value.tzid);
    if (iana) return wallToUtc(value.wall, iana);
    const vtimezone = ctx.vtimezones.get(value.tzid);
    if (vtimezone) {
      const t = new ICAL.Time({ ...value.wall, isDate: false }, vtimezone);
      const ms = t.toUnixTime() * 1000;
      if (Number.isFinite(ms)) return ms;
    }
  }
  return wallToUtc(value.wall, ctx.defaultZone);
}

function toFloating(wall: WallTime): InstanceType<typeof ICAL.Time> {
  // A zone-less Time: ical.js compares it by its fields, which is what we want.
  return ICAL.Time.fromData({ ...wall, isDate: false });
}

function wallOf(t: InstanceType<typeof ICAL.Time>): WallTime {
  return {
    year: t.year,
    month: t.month,
    day: t.day,
    hour: t.hour,
    minute: t.minute,
    second: t.second,
  };
}

function dateKey(w: WallTime): string {
  return `${w.year}-${w.month}-${w.day}`;
}

// ---------------------------------------------------------------------------
// Events.

interface SourceEvent {
  comp: Component;
  line: number;
}

function text(comp: Component, name: string): string | null {
  const v = comp.getFirstPropertyValue(name);
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

function uidOf(event: SourceEvent): string {
  const uid = text(event.comp, 'uid');
  if (uid) return uid;
  // No UID: a hash of the event's own text is the next most stable identity.
  return `tend-${createHash('sha256').update(event.comp.toString()).digest('hex').slice(0, 20)}`;
}

function isCancelled(comp: Component): boolean {
  return text(comp, 'status')?.toUpperCase() === 'CANCELLED';
}

function expandAll(events: SourceEvent[], ctx: Context): void {
  const masters: SourceEvent[] = [];
  const overrides = new Map<string, Map<number, SourceEvent>>();
  for (const event of events) {
    const recurrenceId = event.comp.getFirstProperty('recurrence-id');
    if (!recurrenceId) {
      masters.push(event);
      continue;
    }
    try {
      const [value] = readDates(recurrenceId);
      if (!value) throw new BadValue('empty RECURRENCE-ID');
      const uid = uidOf(event);
      const byStart = overrides.get(uid) ?? new Map<number, SourceEvent>();
      byStart.set(toUtc(value, ctx), event);
      overrides.set(uid, byStart);
    } catch (error) {
      skip(ctx, event.line, error);
    }
  }
  for (const master of masters) {
    const uid = uidOf(master);
    const own = overrides.get(uid) ?? new Map<number, SourceEvent>();
    try {
      expandMaster(master, uid, own, ctx);
    } catch (error) {
      skip(ctx, master.line, error);
    }
    // Whatever happened to the master, its overrides are settled by it.
    overrides.delete(uid);
  }
  // Overrides whose series is not in the file (Google exports single instances so).
  for (const [uid, byStart] of overrides) {
    for (const [key, event] of byStart) {
      if (isCancelled(event.comp)) continue;
      tryEmit(event, uid, key, ctx);
    }
  }
}

function skip(ctx: Context, line: number, error: unknown): void {
  if (error instanceof ImportFormatError) throw error;
  const message = error instanceof Error ? error.message : String(error);
  ctx.skipped.push({ line, reason: `unreadable event: ${message}` });
}

function expandMaster(
  master: SourceEvent,
  uid: string,
  overrides: Map<number, SourceEvent>,
  ctx: Context,
): void {
  const { comp, line } = master;
  const start = firstDate(comp, 'dtstart');
  if (!start) {
    ctx.skipped.push({ line, reason: 'no DTSTART' });
    return;
  }
  const firstUtc = toUtc(start, ctx);
  // Future events are not skipped, just not meetings yet: report only past ones.
  const reason = isCancelled(comp) ? 'cancelled event' : start.isDate ? 'all-day event' : null;
  if (reason) {
    if (firstUtc < ctx.now) ctx.skipped.push({ line, reason });
    return;
  }

  const used = new Set<number>();
  const occurrences = firstUtc < ctx.now ? occurrencesOf(comp, start, firstUtc, ctx, line) : [];
  for (const key of occurrences) {
    const override = overrides.get(key);
    if (override) {
      used.add(key);
      if (isCancelled(override.comp)) {
        ctx.skipped.push({ line: override.line, reason: 'cancelled occurrence' });
      } else {
        tryEmit(override, uid, key, ctx);
      }
    } else if (key >= ctx.since) {
      emit(master, uid, key, key, ctx);
    }
  }
  // An override may move an occurrence from the future (not expanded) into the past.
  for (const [key, override] of overrides) {
    if (!used.has(key) && !isCancelled(override.comp)) tryEmit(override, uid, key, ctx);
  }
}

function tryEmit(event: SourceEvent, uid: string, key: number, ctx: Context): void {
  try {
    const start = firstDate(event.comp, 'dtstart');
    if (!start || start.isDate) return;
    const at = toUtc(start, ctx);
    if (at < ctx.now && at >= ctx.since) emit(event, uid, key, at, ctx);
  } catch (error) {
    skip(ctx, event.line, error);
  }
}

/** Instants (UTC ms, ascending) of the series' past occurrences, EXDATEs removed. */
function occurrencesOf(
  comp: Component,
  start: DateValue,
  firstUtc: number,
  ctx: Context,
  line: number,
): number[] {
  const found = new Set<number>([firstUtc]);
  const zoned = (wall: WallTime) => toUtc({ ...start, wall }, ctx);
  for (const prop of comp.getAllProperties('rrule')) {
    const rule = prop.getFirstValue() as InstanceType<typeof ICAL.Recur>;
    const expansion = expandRule(rule, start, zoned, found, ctx);
    if (expansion === 'capped') {
      const reason = `recurrence stopped after ${IMPORT_LIMITS.maxOccurrencesPerEvent} occurrences`;
      ctx.skipped.push({ line, reason });
    } else if (expansion === 'too costly') {
      ctx.skipped.push({ line, reason: 'recurrence rule matches too rarely; stopped early' });
    }
  }
  for (const prop of comp.getAllProperties('rdate')) {
    for (const value of readDates(prop)) {
      const wall = value.isDate ? { ...start.wall, ...dayOf(value.wall) } : value.wall;
      const at = toUtc({ ...value, wall, tzid: value.tzid ?? start.tzid, utc: value.utc }, ctx);
      if (at < ctx.now) found.add(at);
    }
  }
  const exInstants = new Set<number>();
  const exDays = new Set<string>();
  for (const prop of comp.getAllProperties('exdate')) {
    for (const value of readDates(prop)) {
      if (value.isDate) exDays.add(dateKey(value.wall));
      else exInstants.add(toUtc({ ...value, tzid: value.tzid ?? start.tzid }, ctx));
    }
  }
  const zone = start.utc ? 'UTC' : start.tzid !== null ? ianaZoneFor(start.tzid) : ctx.defaultZone;
  return [...found]
    .filter((at) => !exInstants.has(at))
    .filter((at) => exDays.size === 0 || !exDays.has(localDateKey(at, zone ?? ctx.defaultZone)))
    .sort((a, b) => a - b);
}

function dayOf(w: WallTime): Pick<WallTime, 'year' | 'month' | 'day'> {
  return { year: w.year, month: w.month, day: w.day };
}

function localDateKey(at: number, zone: string): string {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: zone })
    .format(new Date(at))
    .split('-')
    .map(Number);
  return `${y}-${m}-${d}`;
}

class TooCostly extends Error {}

/**
 * Work ical.js may do per rule. Ordinary rules test one or two candidates per
 * occurrence and expand each year once; a rule that can never match
 * (BYMONTH=2;BYMONTHDAY=30) would otherwise loop forever inside a single
 * next(), or inside the constructor's search for the first match.
 */
const MAX_CANDIDATES = IMPORT_LIMITS.maxOccurrencesPerEvent * 4;
const MAX_YEAR_EXPANSIONS = 300; // a yearly series reaching back three centuries

/**
 * The budget lives outside the instance because ical.js does its first
 * search from the constructor, before subclass fields exist. Expansion is
 * synchronous, so one module-level budget is never shared by two rules.
 */
const budget = { candidates: 0, years: 0 };

class GuardedIterator extends ICAL.RecurIterator {
  override check_contracting_rules(): boolean {
    if (++budget.candidates > MAX_CANDIDATES) throw new TooCostly();
    return super.check_contracting_rules();
  }

  override expand_year_days(year: unknown): number {
    if (++budget.years > MAX_YEAR_EXPANSIONS) throw new TooCostly();
    return super.expand_year_days(year);
  }

  override increment_month(): void {
    if (++budget.candidates > MAX_CANDIDATES) throw new TooCostly();
    super.increment_month();
  }
}

const YEAR_SECONDS = 31_556_952;
const FREQ_SECONDS: Record<string, number> = {
  SECONDLY: 1,
  MINUTELY: 60,
  HOURLY: 3600,
  DAILY: 86_400,
  WEEKLY: 604_800,
  MONTHLY: YEAR_SECONDS / 12,
  YEARLY: YEAR_SECONDS,
};

type Expansion = 'done' | 'capped' | 'too costly';

/** Adds the rule's past instants to `found`; says whether it got to the end. */
function expandRule(
  original: InstanceType<typeof ICAL.Recur>,
  start: DateValue,
  zoned: (wall: WallTime) => number,
  found: Set<number>,
  ctx: Context,
): Expansion {
  // ical.js normalises a huge INTERVAL month by month, which takes minutes;
  // a step of centuries has no second occurrence before now anyway.
  const step = original.interval * (FREQ_SECONDS[original.freq] ?? 0);
  if (!(step > 0) || step > 200 * YEAR_SECONDS) return 'done';
  const rule = original.clone();
  // UNTIL is often `Z` while DTSTART is local; compare it on instants ourselves.
  const until = rule.until ? untilOf(rule.until, zoned) : Number.POSITIVE_INFINITY;
  rule.until = null;
  budget.candidates = 0;
  budget.years = 0;
  let iterator: GuardedIterator;
  try {
    iterator = new GuardedIterator({ rule, dtstart: toFloating(start.wall) });
  } catch (error) {
    if (error instanceof TooCostly) return 'too costly';
    throw error;
  }
  for (let n = 0; n < IMPORT_LIMITS.maxOccurrencesPerEvent; n++) {
    let next: InstanceType<typeof ICAL.Time> | null;
    try {
      next = iterator.next();
    } catch (error) {
      // ical.js gives up on some malformed rules; keep what it produced.
      return error instanceof TooCostly ? 'too costly' : 'done';
    }
    if (!next) return 'done';
    const at = zoned(wallOf(next));
    if (!Number.isFinite(at) || at > until || at >= ctx.now) return 'done';
    found.add(at);
  }
  return 'capped';
}

function untilOf(until: InstanceType<typeof ICAL.Time>, zoned: (wall: WallTime) => number): number {
  const wall = wallOf(until);
  // A DATE UNTIL includes that whole local day.
  if (until.isDate) return zoned({ ...wall, hour: 23, minute: 59, second: 59 });
  if (until.zone?.tzid === 'UTC')
    return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return zoned(wall);
}

// ---------------------------------------------------------------------------
// One meeting.

const VIDEO_LINK =
  /(?:zoom\.us\/(?:j|my|w|wc)\/|meet\.google\.com\/[a-z]|teams\.microsoft\.com\/l\/meetup-join|teams\.live\.com\/meet|whereby\.com\/|jit\.si\/|webex\.com\/)/i;
const LINK_PROPERTIES = [
  'location',
  'description',
  'url',
  'conference',
  'x-google-conference',
  'x-microsoft-skypeteamsmeetingurl',
  'x-microsoft-onlinemeetingconflink',
];

function channelOf(comp: Component): ImportedMeeting['channel'] {
  for (const name of LINK_PROPERTIES) {
    for (const prop of comp.getAllProperties(name)) {
      if (prop.getValues().some((v) => VIDEO_LINK.test(String(v)))) return 'video';
    }
  }
  return 'in_person';
}

function durationOf(comp: Component, ctx: Context): number | null {
  const start = firstDate(comp, 'dtstart');
  const end = firstDate(comp, 'dtend');
  let ms: number | null = null;
  if (start && end) ms = toUtc(end, ctx) - toUtc(start, ctx);
  else {
    const duration = comp.getFirstPropertyValue('duration');
    if (duration instanceof ICAL.Duration) ms = duration.toSeconds() * 1000;
  }
  if (ms === null || !Number.isFinite(ms) || ms < 0) return null;
  return Math.round(ms / 60_000);
}

function attendeesOf(comp: Component): Participant[] {
  const byKey = new Map<string, Participant>();
  const props = [...comp.getAllProperties('organizer'), ...comp.getAllProperties('attendee')];
  for (const prop of props) {
    const param = (name: string) => {
      const v = prop.getParameter(name);
      return typeof v === 'string' ? v.trim() : '';
    };
    if (param('partstat').toUpperCase() === 'DECLINED') continue;
    if (['ROOM', 'RESOURCE'].includes(param('cutype').toUpperCase())) continue;
    const address = String(prop.getFirstValue() ?? '').trim();
    const mailto = /^mailto:\s*(.+)$/i.exec(address)?.[1]?.trim().toLowerCase();
    const email = mailto?.includes('@') ? mailto : undefined;
    const cn = param('cn');
    const name = cn && cn.toLowerCase() !== email ? cn : undefined;
    if (!email && !name) continue;
    const key = email ?? `name:${name}`;
    const known = byKey.get(key);
    if (known) {
      if (!known.name && name) known.name = name;
      continue;
    }
    byKey.set(key, { ...(name ? { name } : {}), ...(email ? { email } : {}) });
  }
  return [...byKey.values()];
}

type Details = Pick<
  ImportedMeeting,
  'title' | 'durationMinutes' | 'channel' | 'attendees' | 'location'
>;

/** Read once per component, not once per occurrence. */
const detailsCache = new WeakMap<Component, Details>();

function detailsOf(comp: Component, ctx: Context): Details {
  let details = detailsCache.get(comp);
  if (!details) {
    details = {
      title: text(comp, 'summary') ?? '',
      durationMinutes: durationOf(comp, ctx),
      channel: channelOf(comp),
      attendees: attendeesOf(comp),
      location: text(comp, 'location'),
    };
    detailsCache.set(comp, details);
  }
  return details;
}

function emit(event: SourceEvent, uid: string, key: number, at: number, ctx: Context): void {
  const externalId = `${uid}@${new Date(key).toISOString()}`;
  if (ctx.meetings.has(externalId)) return;
  if (ctx.meetings.size >= IMPORT_LIMITS.maxRecords) {
    throw new ImportFormatError(`more than ${IMPORT_LIMITS.maxRecords} meetings`, event.line);
  }
  const details = detailsOf(event.comp, ctx);
  ctx.meetings.set(externalId, {
    line: event.line,
    externalId,
    startedAt: new Date(at).toISOString(),
    ...details,
    attendees: details.attendees.map((a) => ({ ...a })),
  });
}

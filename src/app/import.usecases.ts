import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Backup } from '../core/backup.schemas.js';
import type { Channel, InteractionKind } from '../core/common.schemas.js';
import {
  type Connection,
  ConnectionCreate,
  type ImportantDate,
} from '../core/connections.schemas.js';
import { invalid, TendError } from '../core/errors.js';
import type { Interaction } from '../core/interactions.schemas.js';
import {
  createMatcher,
  type Matcher,
  normalizeEmail,
  normalizeName,
  normalizePhone,
  type Participant,
} from '../core/matching.js';
import { instantFromLocal, localDateOf } from '../core/time.js';
import { issuesOf, parseOrThrow } from '../core/validation.js';
import {
  IMPORT_LIMITS,
  type ImportedContact,
  type ImportedContactEvent,
  type ImportedMeeting,
  ImportFormatError,
} from '../importers/types.js';
import { restoreBackup } from './backup.usecases.js';
import { type AppContext, nowInstant } from './context.js';
import {
  emptyReport,
  type ImportReport,
  type ImportType,
  LIST_CAP,
  note,
} from './import.report.js';

export interface ImportInput {
  type: ImportType;
  /** The file's name, if known: WhatsApp names the chat in it. */
  fileName?: string | undefined;
  /** The file's bytes, read once, in order. */
  chunks: AsyncIterable<Uint8Array | string>;
}

export interface ImportOptions {
  /** Work out and report everything, write nothing. */
  dryRun?: boolean | undefined;
  /** Add people the file names who match no connection, and import their contact too. */
  createUnmatched?: boolean | undefined;
  /** The user's own names, numbers or addresses, as they appear in the file. */
  self?: readonly string[] | undefined;
  /** WhatsApp date order, when the file's dates are ambiguous. */
  dateOrder?: 'DMY' | 'MDY' | 'YMD' | undefined;
}

/**
 * Run an import: parse, match, and either report (dry run) or apply it in
 * one transaction, so a file is imported whole or not at all. Re-running the
 * same file changes nothing: contacts match by phone, email or name, and
 * interactions carry a source key they are updated by.
 */
export async function runImport(
  ctx: AppContext,
  input: ImportInput,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report = emptyReport(input.type, options.dryRun === true);
  try {
    switch (input.type) {
      case 'vcard':
      case 'csv': {
        const text = await readText(input.chunks);
        const parsed =
          input.type === 'vcard'
            ? (await import('../importers/vcard.js')).parseVCards(text)
            : (await import('../importers/contacts-csv.js')).parseContactsCsv(text);
        for (const s of parsed.skipped)
          note(report, {
            action: 'skip',
            record: 'connection',
            line: s.line,
            label: 'card',
            reason: s.reason,
          });
        await importContacts(ctx, parsed.contacts, report, options);
        break;
      }
      case 'ical': {
        const text = await readText(input.chunks);
        const { timeZone } = await ctx.store.settings();
        const { parseCalendar } = await import('../importers/icalendar.js');
        const parsed = parseCalendar(text, { now: ctx.clock(), defaultTimeZone: timeZone });
        for (const s of parsed.skipped)
          note(report, {
            action: 'skip',
            record: 'interaction',
            line: s.line,
            label: 'event',
            reason: s.reason,
          });
        await importMeetings(ctx, parsed.meetings, report, options);
        break;
      }
      case 'whatsapp': {
        const { parseWhatsApp } = await import('../importers/whatsapp.js');
        const events = parseWhatsApp(input.chunks, {
          ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
          ...(input.fileName ? { fileName: input.fileName } : {}),
          ...(options.self?.length ? { self: [...options.self] } : {}),
        });
        await importEvents(ctx, 'whatsapp', events, report, options);
        break;
      }
      case 'sms': {
        const { parseSmsBackup } = await import('../importers/sms-backup.js');
        await importEvents(ctx, 'sms', parseSmsBackup(input.chunks), report, options);
        break;
      }
      case 'backup':
        await importBackup(ctx, await readText(input.chunks), report, options);
        break;
    }
  } catch (error) {
    if (error instanceof ImportFormatError) {
      throw invalid(
        `The ${input.type} file could not be read: ${error.message}. Nothing was imported.`,
        [
          {
            path:
              error.line === null
                ? '(file)'
                : `line ${error.line}${error.field ? `.${error.field}` : ''}`,
            message: error.message,
          },
        ],
      );
    }
    throw error;
  }
  return report;
}

async function readText(chunks: AsyncIterable<Uint8Array | string>): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    const buffer = Buffer.from(chunk);
    size += buffer.byteLength;
    if (size > IMPORT_LIMITS.maxFileBytes) {
      throw new ImportFormatError(
        `the file is larger than ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MiB`,
        null,
      );
    }
    parts.push(buffer);
  }
  return Buffer.concat(parts).toString('utf8');
}

const EmailCheck = z.email();
const PhoneCheck = ConnectionCreate.shape.handles.unwrap().shape.phones.unwrap().element;

/** Drop handles Tend cannot store (an X.500 address in an Outlook card, say), and say so. */
function usableHandles(c: ImportedContact, report: ImportReport) {
  const phones = c.phones.filter((p) => PhoneCheck.safeParse(p).success);
  const emails = c.emails.filter((e) => EmailCheck.safeParse(e).success && e.length <= 254);
  const dropped = [
    ...c.phones.filter((p) => !phones.includes(p)),
    ...c.emails.filter((e) => !emails.includes(e)),
  ];
  if (dropped.length && report.warnings.length < LIST_CAP) {
    report.warnings.push(
      `line ${c.line}: left out ${dropped.map((d) => `"${d}"`).join(', ')} (not a phone number or email Tend can use)`,
    );
  }
  return { phones: phones.slice(0, 20), emails: emails.slice(0, 20) };
}

function mergeList(current: string[], extra: string[], key: (s: string) => string): string[] {
  const seen = new Set(current.map(key));
  const out = [...current];
  for (const value of extra) {
    if (!seen.has(key(value)) && out.length < 20) {
      seen.add(key(value));
      out.push(value);
    }
  }
  return out;
}

function datesOf(c: ImportedContact): ImportantDate[] {
  const dates: ImportantDate[] = [];
  if (c.birthday) dates.push({ kind: 'birthday', ...c.birthday });
  for (const d of c.otherDates) {
    const { label, ...date } = d;
    dates.push({
      kind: /anniv/i.test(label) ? 'anniversary' : 'other',
      label: label.slice(0, 60) || 'Date',
      ...date,
    });
  }
  return dates;
}

async function importContacts(
  ctx: AppContext,
  contacts: ImportedContact[],
  report: ImportReport,
  options: ImportOptions,
) {
  const settings = await ctx.store.settings();
  const existing = await ctx.store.connections.all();
  const matcher = createMatcher(existing, settings.defaultRegion);
  const byId = new Map(existing.map((c) => [c.id, c]));
  const pending = new Map<string, { connection: Connection; isNew: boolean }>();
  const now = nowInstant(ctx);

  for (const contact of contacts) {
    const handles = usableHandles(contact, report);
    const found =
      handles.phones.map((phone) => matcher.match({ phone })).find((m) => m) ??
      handles.emails.map((email) => matcher.match({ email })).find((m) => m) ??
      matcher.match({ name: contact.name });
    if (!found) {
      const data = ConnectionCreate.safeParse({
        name: contact.name,
        ring: 'wider',
        notes: contact.notes,
        handles,
        importantDates: datesOf(contact),
      });
      if (!data.success) {
        const issue = issuesOf(data.error)[0];
        throw invalid(
          `line ${contact.line}: the card for "${contact.name.slice(0, 60)}" is not valid (${issue?.path}: ${issue?.message}). Nothing was imported.`,
          [
            {
              path: `line ${contact.line}.${issue?.path ?? ''}`,
              message: issue?.message ?? 'invalid',
            },
          ],
        );
      }
      const connection: Connection = {
        id: ctx.newId(),
        ...data.data,
        cadenceDays: settings.ringCadenceDays.wider,
        createdAt: now,
        updatedAt: now,
      };
      pending.set(connection.id, { connection, isNew: true });
      matcher.add(connection);
      note(report, {
        action: 'create',
        record: 'connection',
        line: contact.line,
        label: connection.name,
        reason: 'no connection has this phone, email or name',
      });
      continue;
    }
    const entry = pending.get(found.connectionId);
    const current = entry?.connection ?? byId.get(found.connectionId);
    if (!current) continue;
    const region = settings.defaultRegion;
    const hasBirthday = current.importantDates.some((d) => d.kind === 'birthday');
    const next: Connection = {
      ...current,
      handles: {
        phones: mergeList(
          current.handles.phones,
          handles.phones,
          (p) => normalizePhone(p, region) ?? p,
        ),
        emails: mergeList(current.handles.emails, handles.emails, normalizeEmail),
      },
      importantDates:
        !hasBirthday && contact.birthday && current.importantDates.length < 20
          ? [...current.importantDates, { kind: 'birthday', ...contact.birthday }]
          : current.importantDates,
      notes: current.notes || contact.notes.slice(0, 10_000),
    };
    if (JSON.stringify(next) === JSON.stringify(current)) {
      note(report, {
        action: 'skip',
        record: 'connection',
        line: contact.line,
        label: current.name,
        reason: `already up to date (matched by ${found.by})`,
      });
      continue;
    }
    const changed = { ...next, updatedAt: now };
    pending.set(changed.id, { connection: changed, isNew: entry?.isNew ?? false });
    matcher.add(changed);
    if (entry?.isNew) {
      report.items.push({
        action: 'create',
        record: 'connection',
        line: contact.line,
        label: current.name,
        reason: 'merged with an earlier card in this file',
      });
    } else {
      note(report, {
        action: 'update',
        record: 'connection',
        line: contact.line,
        label: current.name,
        reason: `matched by ${found.by}; added new phone numbers, emails or dates`,
      });
    }
  }
  if (options.dryRun) return;
  await ctx.store.transaction(async (store) => {
    for (const { connection, isNew } of pending.values()) {
      if (isNew) await store.connections.insert(connection);
      else await store.connections.replace(connection);
    }
  });
}

/** Unmatched people, tallied by how they were named. */
class Tally {
  private readonly byKey = new Map<string, { participant: Participant; records: number }>();
  add(p: Participant, records = 1) {
    const key = participantKey(p);
    const known = this.byKey.get(key);
    if (known) known.records += records;
    else this.byKey.set(key, { participant: p, records });
  }
  into(report: ImportReport) {
    report.unmatched = [...this.byKey.values()]
      .sort((a, b) => b.records - a.records)
      .slice(0, LIST_CAP)
      .map(({ participant: p, records }) => ({
        name: p.name ?? null,
        phone: p.phone ?? null,
        email: p.email ?? null,
        records,
      }));
  }
}

function participantKey(p: Participant): string {
  if (p.phone) return `phone:${p.phone.replace(/[^\d+]/g, '')}`;
  if (p.email) return `email:${normalizeEmail(p.email)}`;
  return `name:${normalizeName(p.name ?? '')}`;
}

function isSelf(p: Participant, self: readonly string[]): boolean {
  const keys = new Set(self.map((s) => normalizeName(s)));
  return [p.name, p.phone, p.email].some((v) => v !== undefined && keys.has(normalizeName(v)));
}

const MEAL =
  /\b(breakfast|brunch|lunch|dinner|supper|meal|coffee|tea|drinks?|beer|picnic|bbq|barbecue)\b/i;

/** The interaction an imported record should be, compared with what is stored under its source. */
async function upsert(
  ctx: AppContext,
  wanted: Omit<Interaction, 'id' | 'createdAt' | 'updatedAt'> & {
    source: NonNullable<Interaction['source']>;
  },
  line: number | null,
  label: string,
  report: ImportReport,
  writes: Write[],
) {
  const existing = await ctx.store.interactions.findBySource(
    wanted.source.system,
    wanted.source.externalId,
  );
  const now = nowInstant(ctx);
  if (!existing) {
    writes.push({
      isNew: true,
      interaction: { id: ctx.newId(), ...wanted, createdAt: now, updatedAt: now },
    });
    note(report, { action: 'create', record: 'interaction', line, label, reason: 'new' });
    return;
  }
  const same =
    existing.startedAt === wanted.startedAt &&
    existing.durationMinutes === wanted.durationMinutes &&
    existing.channel === wanted.channel &&
    existing.messageCount === wanted.messageCount &&
    JSON.stringify(existing.connectionIds) === JSON.stringify(wanted.connectionIds);
  if (same) {
    note(report, {
      action: 'skip',
      record: 'interaction',
      line,
      label,
      reason: 'already imported, unchanged',
    });
    return;
  }
  // Keep what the user added by hand (delight, note, kinds); refresh what the file knows.
  writes.push({
    isNew: false,
    interaction: {
      ...existing,
      startedAt: wanted.startedAt,
      durationMinutes: wanted.durationMinutes,
      channel: wanted.channel,
      messageCount: wanted.messageCount,
      connectionIds: wanted.connectionIds,
      updatedAt: now,
    },
  });
  note(report, {
    action: 'update',
    record: 'interaction',
    line,
    label,
    reason: 'already imported; the file has changed since',
  });
}

interface Write {
  isNew: boolean;
  interaction: Interaction;
}

async function applyInteractions(ctx: AppContext, connections: Connection[], writes: Write[]) {
  await ctx.store.transaction(async (store) => {
    for (const c of connections) await store.connections.insert(c);
    for (const { isNew, interaction } of writes) {
      if (isNew) await store.interactions.insert(interaction);
      else await store.interactions.replace(interaction);
    }
  });
}

/** New connections for people the file names but Tend does not know, when asked. */
function creator(ctx: AppContext, matcher: Matcher, ring: number, report: ImportReport) {
  const created: Connection[] = [];
  return {
    created,
    make(p: Participant): string | null {
      const name = (p.name ?? p.phone ?? p.email ?? '').trim().slice(0, 200);
      if (!name) return null;
      const phones = p.phone && PhoneCheck.safeParse(p.phone).success ? [p.phone] : [];
      const emails = p.email && EmailCheck.safeParse(p.email).success ? [p.email] : [];
      const now = nowInstant(ctx);
      const connection: Connection = {
        id: ctx.newId(),
        name,
        kind: 'person',
        ring: 'wider',
        cadenceDays: ring,
        sharedJoys: [],
        notes: '',
        importantDates: [],
        handles: { phones, emails },
        draining: false,
        createdAt: now,
        updatedAt: now,
      };
      created.push(connection);
      matcher.add(connection);
      note(report, {
        action: 'create',
        record: 'connection',
        line: null,
        label: name,
        reason: 'named in the file and matched no one; added as asked',
      });
      return connection.id;
    },
  };
}

async function importMeetings(
  ctx: AppContext,
  meetings: ImportedMeeting[],
  report: ImportReport,
  options: ImportOptions,
) {
  const settings = await ctx.store.settings();
  const matcher = createMatcher(await ctx.store.connections.all(), settings.defaultRegion);
  const make = creator(ctx, matcher, settings.ringCadenceDays.wider, report);
  const unmatched = new Tally();
  const writes: Write[] = [];
  for (const m of meetings) {
    const ids = new Set<string>();
    for (const p of m.attendees) {
      if (isSelf(p, options.self ?? [])) continue;
      const hit = matcher.match(p)?.connectionId ?? (options.createUnmatched ? make.make(p) : null);
      if (hit) ids.add(hit);
      else unmatched.add(p);
    }
    for (const id of matcher.namedIn(m.title)) ids.add(id);
    if (ids.size === 0) {
      note(report, {
        action: 'skip',
        record: 'interaction',
        line: m.line,
        label: m.title,
        reason: 'no attendee or name in the title is one of your connections',
      });
      continue;
    }
    const kinds: InteractionKind[] = MEAL.test(m.title) ? ['shared_meal'] : ['conversation'];
    await upsert(
      ctx,
      {
        startedAt: m.startedAt,
        durationMinutes:
          m.durationMinutes === null
            ? null
            : Math.min(10_080, Math.max(0, Math.round(m.durationMinutes))),
        connectionIds: [...ids].sort(),
        channel: m.channel,
        kinds,
        delight: null,
        note: (m.location ? `${m.title} (${m.location})` : m.title).slice(0, 10_000),
        messageCount: null,
        source: { system: 'ical', externalId: m.externalId.slice(0, 200) },
      },
      m.line,
      m.title,
      report,
      writes,
    );
  }
  unmatched.into(report);
  if (!options.dryRun) await applyInteractions(ctx, make.created, writes);
}

interface DayGroup {
  participant: Participant;
  day: string;
  channel: Channel;
  conversation: string;
  first: string;
  line: number;
  messages: number;
  seconds: number;
  calls: number;
}

async function importEvents(
  ctx: AppContext,
  system: 'whatsapp' | 'sms',
  events: AsyncIterable<ImportedContactEvent>,
  report: ImportReport,
  options: ImportOptions,
) {
  const settings = await ctx.store.settings();
  const { timeZone } = settings;
  // Fold the stream into one group per person, local day and channel as it
  // arrives, so memory grows with days × people, not with messages.
  const groups = new Map<string, DayGroup>();
  let missed = 0;
  let records = 0;
  const clock = zoneCache(timeZone);
  for await (const e of events) {
    if (++records > IMPORT_LIMITS.maxRecords)
      throw new ImportFormatError('the file holds too many records', e.line);
    // The user's own messages in a group chat name no one else: they count for no one.
    if (!e.counterpart.name && !e.counterpart.phone && !e.counterpart.email) continue;
    const instant = e.instant ?? clock.instant(e.localTime, e.line);
    if (e.durationSeconds === 0) {
      missed += 1;
      continue;
    }
    const day = e.instant ? clock.day(instant) : (e.localTime ?? '').slice(0, 10);
    const conversation = e.conversation
      ? createHash('sha256').update(e.conversation).digest('hex').slice(0, 12)
      : 'direct';
    const key = `${participantKey(e.counterpart)}|${day}|${e.channel}|${conversation}`;
    const group = groups.get(key);
    if (group) {
      group.messages += 1;
      group.seconds += e.durationSeconds ?? 0;
      if (e.durationSeconds !== undefined) group.calls += 1;
      if (instant < group.first) group.first = instant;
    } else {
      groups.set(key, {
        participant: e.counterpart,
        day,
        channel: e.channel,
        conversation,
        first: instant,
        line: e.line,
        messages: 1,
        seconds: e.durationSeconds ?? 0,
        calls: e.durationSeconds !== undefined ? 1 : 0,
      });
    }
  }
  if (missed)
    report.warnings.push(
      `${missed} missed, rejected or unanswered calls were left out: they are not contact.`,
    );

  const matcher = createMatcher(await ctx.store.connections.all(), settings.defaultRegion);
  const make = creator(ctx, matcher, settings.ringCadenceDays.wider, report);
  const unmatched = new Tally();
  const resolved = new Map<string, string | null>();
  // One interaction per connection, local day, channel and chat.
  const merged = new Map<string, DayGroup & { connectionId: string }>();
  for (const g of groups.values()) {
    const key = participantKey(g.participant);
    let id = resolved.get(key);
    if (id === undefined) {
      id =
        matcher.match(g.participant)?.connectionId ??
        (options.createUnmatched ? make.make(g.participant) : null);
      resolved.set(key, id);
    }
    if (!id) {
      unmatched.add(g.participant, g.messages);
      continue;
    }
    const mergedKey = `${id}|${g.day}|${g.channel}|${g.conversation}`;
    const known = merged.get(mergedKey);
    if (known) {
      known.messages += g.messages;
      known.seconds += g.seconds;
      known.calls += g.calls;
      if (g.first < known.first) known.first = g.first;
    } else {
      merged.set(mergedKey, { ...g, connectionId: id });
    }
  }
  unmatched.into(report);
  const writes: Write[] = [];
  const sorted = [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [key, g] of sorted) {
    const isCall = g.calls > 0;
    await upsert(
      ctx,
      {
        startedAt: g.first,
        durationMinutes: isCall ? Math.min(10_080, Math.ceil(g.seconds / 60)) : null,
        connectionIds: [g.connectionId],
        channel: g.channel,
        kinds: ['conversation'],
        delight: null,
        note: '',
        messageCount: isCall ? null : Math.min(1_000_000, g.messages),
        source: { system, externalId: key },
      },
      g.line,
      `${g.participant.name ?? g.participant.phone ?? g.participant.email ?? 'someone'}, ${g.day}, ${isCall ? `${g.calls} call(s)` : `${g.messages} message(s)`}`,
      report,
      writes,
    );
  }
  if (!options.dryRun) await applyInteractions(ctx, make.created, writes);
}

/**
 * Time-zone lookups memoised by hour: a million messages fall in a few
 * thousand hours, and within one hour a zone's offset does not change (a
 * repeated DST hour takes its first pass, as instantFromLocal does).
 */
function zoneCache(timeZone: string) {
  const hours = new Map<string, number>();
  const days = new Map<number, string>();
  return {
    instant(local: string | undefined, line: number): string {
      const m = local ? /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(local) : null;
      if (!m?.[1]) throw new ImportFormatError(`the time "${local ?? ''}" cannot be read`, line);
      const key = `${m[1]}T${m[2]}`;
      let base = hours.get(key);
      if (base === undefined) {
        base = instantFromLocal(m[1], Number(m[2]), 0, 0, timeZone).getTime();
        hours.set(key, base);
      }
      return new Date(base + Number(m[3]) * 60_000 + Number(m[4]) * 1000).toISOString();
    },
    day(instant: string): string {
      // Offsets change on quarter hours at the finest, so a quarter hour shares one local date.
      const quarter = Math.floor(new Date(instant).getTime() / 900_000);
      let date = days.get(quarter);
      if (date === undefined) {
        date = localDateOf(new Date(quarter * 900_000), timeZone);
        days.set(quarter, date);
      }
      return date;
    },
  };
}

async function importBackup(
  ctx: AppContext,
  text: string,
  report: ImportReport,
  options: ImportOptions,
) {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ImportFormatError(`not JSON: ${(error as Error).message}`, null);
  }
  const summary = options.dryRun
    ? summarize(parseOrThrow(Backup, document, 'backup'))
    : await restoreBackup(ctx, document);
  if (options.dryRun && (await ctx.store.connections.list({ limit: 1 })).items.length > 0) {
    throw new TendError(
      'validation_failed',
      'Restore needs an empty Tend: this one already has connections.',
    );
  }
  report.created = { connections: summary.connections, interactions: summary.interactions };
  report.warnings.push(
    `${summary.checkins} check-ins and ${summary.plans} plans ${options.dryRun ? 'would be' : 'were'} restored too.`,
  );
}

function summarize(b: Backup) {
  return {
    connections: b.connections.length,
    interactions: b.interactions.length,
    checkins: b.checkins.length,
    plans: b.plans.length,
  };
}

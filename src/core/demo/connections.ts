import {
  type Connection,
  DEFAULT_RING_CADENCE_DAYS,
  type ImportantDate,
} from '../connections.schemas.js';
import { addDays, daysInMonth, localDateOf } from '../time.js';
import { localTime } from './days.js';
import { type CastMember, DEMO_CAST } from './people.js';
import type { Random } from './random.js';
import { DEMO_STORY } from './story.js';

export interface DemoCast {
  connections: Connection[];
  /** The id of a cast member, by key. */
  idOf: (key: string) => string;
  memberOf: (connectionId: string) => CastMember;
}

/** A month and day `inDays` after today, with the year when that date exists in it. */
function dateAhead(now: Date, timeZone: string, inDays: number, year: number): ImportantDate {
  const [, month, day] = addDays(localDateOf(now, timeZone), inDays).split('-').map(Number) as [
    number,
    number,
    number,
  ];
  // 29 February only exists in leap years; drop the year rather than move the date.
  const withYear = day <= daysInMonth(year, month);
  return withYear ? { kind: 'birthday', month, day, year } : { kind: 'birthday', month, day };
}

function importantDates(
  member: CastMember,
  rng: Random,
  now: Date,
  timeZone: string,
): ImportantDate[] {
  const { birthday, other } = DEMO_STORY.upcoming;
  const thisYear = Number(localDateOf(now, timeZone).slice(0, 4));
  const dates: ImportantDate[] = [];
  if (member.name === birthday.name) {
    dates.push(dateAhead(now, timeZone, birthday.inDays, member.born ?? 1990));
  } else if (member.born !== undefined) {
    const month = rng.int(1, 12);
    const day = rng.int(1, 28);
    dates.push(
      member.born === null
        ? { kind: 'birthday', month, day }
        : { kind: 'birthday', month, day, year: member.born },
    );
  }
  if (member.name === other.name) {
    const ahead = dateAhead(now, timeZone, other.inDays, thisYear - 3);
    dates.push({ ...ahead, kind: 'other', label: other.label });
  }
  return [...dates, ...(member.dates ?? [])];
}

/**
 * The cast as connection records. They were all entered over two evenings
 * shortly before the logged year begins; a few were edited later.
 */
export function buildCast(rng: Random, now: Date, timeZone: string): DemoCast {
  const ids = new Map<string, string>();
  const members = new Map<string, CastMember>();
  const connections = DEMO_CAST.map((member: CastMember, index): Connection => {
    const id = rng.uuid();
    ids.set(member.key, id);
    members.set(id, member);
    const evening = index < 14 ? -(DEMO_STORY.days + 7) : -(DEMO_STORY.days + 6);
    const created = localTime(now, timeZone, evening, 20 * 60 + (index % 14) * 4 + rng.int(0, 3));
    created.setUTCSeconds(rng.int(0, 59));
    const edited = member.notes !== '' && rng.chance(0.4);
    const updated = edited
      ? new Date(created.getTime() + Math.floor(rng.next() * 300) * 86_400_000)
      : created;
    return {
      id,
      name: member.name,
      kind: member.kind,
      ring: member.ring,
      cadenceDays: member.cadenceDays ?? DEFAULT_RING_CADENCE_DAYS[member.ring],
      sharedJoys: member.joys.map((j) => j.label),
      notes: member.notes,
      importantDates: importantDates(member, rng, now, timeZone),
      handles: {
        phones: member.phone ? [rng.digits(member.phone)] : [],
        emails: member.email ? [member.email] : [],
      },
      draining: member.draining ?? false,
      createdAt: created.toISOString(),
      updatedAt: updated.toISOString(),
    };
  });
  return {
    connections,
    idOf(key) {
      const id = ids.get(key);
      if (!id) throw new RangeError(`no cast member ${key}`);
      return id;
    },
    memberOf(connectionId) {
      const member = members.get(connectionId);
      if (!member) throw new RangeError(`no cast member with id ${connectionId}`);
      return member;
    },
  };
}

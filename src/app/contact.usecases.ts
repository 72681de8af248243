import type { Channel } from '../core/common.schemas.js';
import {
  type ContactDay,
  type ContactDays,
  ContactDaysQuery,
  type ContactStatus,
} from '../core/contact.schemas.js';
import { invalid, notFound } from '../core/errors.js';
import { lastContactDates, mergeLastContact } from '../core/model/index.js';
import { daysSinceContact, overdueRatio } from '../core/model/people.js';
import {
  addDays,
  daysBetween,
  type LocalDate,
  localDateOf,
  startOfLocalDay,
} from '../core/time.js';
import { parseOrThrow } from '../core/validation.js';
import type { AppContext } from './context.js';

/** The longest span one heatmap request may cover. */
export const MAX_CONTACT_DAYS = 1_096;
const PAGE = 500;
/** An interaction lasts at most a week, so one that started earlier cannot touch today. */
const LONGEST_INTERACTION_DAYS = 7;

/**
 * Per local day, how often you were in touch with one connection: the
 * calendar heatmap on their page. An interaction counts on the day it started.
 */
export async function contactDays(
  ctx: AppContext,
  connectionId: string,
  input: unknown,
): Promise<ContactDays> {
  const query = parseOrThrow(ContactDaysQuery, input, 'query');
  if (!(await ctx.store.connections.get(connectionId))) throw notFound('connection', connectionId);
  const { timeZone } = await ctx.store.settings();
  const to = query.to ?? localDateOf(ctx.clock(), timeZone);
  const from = query.from ?? addDays(to, -364);
  if (from > to)
    throw invalid('The range ends before it starts.', [{ path: 'to', message: 'is before from' }]);
  if (daysBetween(from, to) + 1 > MAX_CONTACT_DAYS) {
    throw invalid(`Ask for at most ${MAX_CONTACT_DAYS} days at a time.`, [
      { path: 'from', message: `must be within ${MAX_CONTACT_DAYS} days of to` },
    ]);
  }

  const byDay = new Map<
    LocalDate,
    { interactions: number; minutes: number; channels: Set<Channel> }
  >();
  const range = {
    from: startOfLocalDay(from, timeZone).toISOString(),
    to: startOfLocalDay(addDays(to, 1), timeZone).toISOString(),
    connectionId,
    limit: PAGE,
  };
  let cursor: string | undefined;
  do {
    const page = await ctx.store.interactions.list({ ...range, cursor });
    for (const i of page.items) {
      const date = localDateOf(new Date(i.startedAt), timeZone);
      const day = byDay.get(date) ?? { interactions: 0, minutes: 0, channels: new Set() };
      day.interactions += 1;
      day.minutes += i.durationMinutes ?? 0;
      day.channels.add(i.channel);
      byDay.set(date, day);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);

  const days: ContactDay[] = [...byDay]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, d]) => ({
      date,
      interactions: d.interactions,
      minutes: d.minutes,
      channels: [...d.channels],
    }));
  return { connectionId, from, to, timeZone, days };
}

/**
 * For every connection, the days since you were last in touch against its
 * cadence, the way Today's reach-out list counts them: the "losing touch" view.
 */
export async function contactStatus(ctx: AppContext): Promise<ContactStatus> {
  const { timeZone } = await ctx.store.settings();
  const today = localDateOf(ctx.clock(), timeZone);
  const end = startOfLocalDay(addDays(today, 1), timeZone).toISOString();
  const recentStart = startOfLocalDay(
    addDays(today, -LONGEST_INTERACTION_DAYS),
    timeZone,
  ).toISOString();
  const [connections, stored, recent] = await Promise.all([
    ctx.store.connections.all(),
    ctx.store.interactions.lastContacts(end),
    ctx.store.interactions.between(recentStart, end),
  ]);
  const storedDates = new Map<string, LocalDate>();
  for (const [id, instant] of stored)
    if (instant) storedDates.set(id, localDateOf(new Date(instant), timeZone));
  // Storage knows when each contact started; a long one that ran past midnight also counts later.
  const lastContact = mergeLastContact(storedDates, lastContactDates(recent, timeZone, today));

  const items = connections.map((c) => {
    const { days, lastContact: last } = daysSinceContact(c, lastContact, today, timeZone);
    return {
      connectionId: c.id,
      lastContact: last,
      daysSinceContact: days,
      cadenceDays: c.cadenceDays,
      overdueRatio: overdueRatio(days, c.cadenceDays),
    };
  });
  // Most overdue first; ties keep the list's name order (sort is stable), not
  // the random order of ids, so the same data always lists the same way.
  items.sort((a, b) => b.overdueRatio - a.overdueRatio);
  return { date: today, timeZone, items };
}

import { createHash, randomBytes } from 'node:crypto';
import { notFound, TendError } from '../core/errors.js';
import { nextOccurrence } from '../core/model/index.js';
import { addDays, localDateOf } from '../core/time.js';
import { type FeedEvent, writeCalendar } from '../importers/ical-writer.js';
import { calendarFeedsRepository } from '../storage/calendar-feeds.repository.js';
import type { Database } from '../storage/database.js';
import { userStore } from '../storage/store.js';
import { type AppContext, appContext } from './context.js';
import { today } from './model.usecases.js';

/** The feed's path; the token is the only secret, so it is long and random. */
export const feedPath = (token: string) => `/calendar/${token}.ics`;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface FeedStatus {
  enabled: boolean;
  createdAt: string | null;
}

export async function feedStatus(ctx: AppContext): Promise<FeedStatus> {
  const row = await ctx.store.calendarFeed.get();
  return { enabled: !!row, createdAt: row?.createdAt ?? null };
}

/**
 * Make a new secret address (the old one stops working at once). The token
 * is shown this once; only its hash is stored.
 */
export async function rotateFeed(ctx: AppContext): Promise<{ token: string; path: string }> {
  const token = randomBytes(32).toString('base64url');
  await ctx.store.calendarFeed.set(hash(token), ctx.clock().toISOString());
  return { token, path: feedPath(token) };
}

export async function disableFeed(ctx: AppContext): Promise<void> {
  if (!(await ctx.store.calendarFeed.remove())) {
    throw new TendError('not_found', 'The calendar feed is already off.');
  }
}

/**
 * The feed a calendar app downloads: upcoming plans, today's reach-out
 * reminders and everyone's birthdays and dates, as RFC 5545 text. Unknown
 * tokens get the same 404 as a missing route, so they reveal nothing.
 */
export async function renderFeed(
  database: Database,
  token: string,
  clock: () => Date,
): Promise<string> {
  const userId = /^[\w-]{20,100}$/.test(token)
    ? await calendarFeedsRepository(database.db).userFor(hash(token))
    : undefined;
  if (!userId) throw notFound('calendar feed', 'at this address');
  const ctx = appContext(userStore(database, userId), clock);
  const settings = await ctx.store.settings();
  const now = ctx.clock();
  const day = localDateOf(now, settings.timeZone);
  const names = new Map((await ctx.store.connections.all()).map((c) => [c.id, c]));
  const events: FeedEvent[] = [];

  const plans = await ctx.store.plans.list({
    limit: 500,
    from: new Date(now.getTime() - 30 * 86_400_000).toISOString(),
  });
  for (const p of plans.items) {
    if (p.status === 'cancelled') continue;
    const who = p.connectionIds
      .map((id) => names.get(id)?.name ?? '')
      .filter(Boolean)
      .join(', ');
    const end = new Date(
      new Date(p.startsAt).getTime() + (p.durationMinutes ?? 60) * 60_000,
    ).toISOString();
    events.push({
      uid: `plan-${p.id}@tend`,
      summary: who ? `${p.title} with ${who}` : p.title,
      ...(p.note ? { description: p.note } : {}),
      ...(p.location ? { location: p.location } : {}),
      start: { instant: p.startsAt },
      end: { instant: end },
    });
  }

  for (const c of names.values()) {
    if (c.draining) continue;
    for (const d of c.importantDates) {
      const next = nextOccurrence(d.month, d.day, day);
      const what =
        d.kind === 'birthday' ? `${c.name}’s birthday` : `${d.label ?? 'A date'} — ${c.name}`;
      events.push({
        uid: `date-${c.id}-${d.kind}-${d.month}-${d.day}@tend`,
        summary: what,
        start: { date: next.date },
        end: { date: addDays(next.date, 1) },
        yearly: true,
      });
    }
  }

  const report = await today(ctx);
  for (const r of report.reachOut) {
    events.push({
      uid: `reach-out-${r.connectionId}-${day}@tend`,
      summary: `Reach out to ${r.name}`,
      description: r.text,
      start: { date: day },
      end: { date: addDays(day, 1) },
    });
  }
  return writeCalendar({ name: 'Tend', events, now });
}

import type { Plan } from '../core/plans.schemas.js';
import type { Settings } from '../core/settings.schemas.js';
import {
  addDays,
  isoWeekday,
  isoWeekOf,
  type LocalDate,
  localDateOf,
  localHourOf,
  startOfLocalDay,
} from '../core/time.js';
import type { AppContext } from './context.js';
import { today } from './model.usecases.js';

/**
 * The reminder digest: a short email of whom to reach out to, plans of the
 * next days and dates coming up. Email is less private than the app (it sits
 * on mail servers and lock screens), so the digest carries names, plan titles
 * and dates only: never notes, check-ins, states or alerts.
 */

type DigestFields = Pick<Settings, 'timeZone' | 'digest'>;

/**
 * The period a digest is for at `now`: the user's local date for a daily
 * digest, the ISO week (`2026-W48`) for a weekly one. One digest per period;
 * the two forms never collide.
 */
export function digestPeriod(settings: DigestFields, now: Date): string {
  const date = localDateOf(now, settings.timeZone);
  return settings.digest.frequency === 'weekly' ? isoWeekOf(date) : date;
}

/**
 * The period whose digest is due at `now`, or null when none is: the digest
 * is off, or its local hour (for weekly digests: its weekday and hour) has not
 * come yet in this period. A digest missed at its hour (every server down) is
 * still due later in the same period, never in the next one.
 */
export function dueDigestPeriod(settings: DigestFields, now: Date): string | null {
  const { digest, timeZone } = settings;
  if (!digest.enabled) return null;
  const date = localDateOf(now, timeZone);
  const hourReached = localHourOf(now, timeZone) >= digest.hour;
  if (digest.frequency === 'daily') return hourReached ? date : null;
  const weekday = isoWeekday(date);
  const reached = weekday > digest.weekday || (weekday === digest.weekday && hourReached);
  return reached ? isoWeekOf(date) : null;
}

export interface DigestRecipient {
  userId: string;
  email: string;
  settings: Settings;
}

/**
 * Of these recipients, those whose digest is due at `now`, each with its
 * period. Whether it already went out is not decided here but by the claim
 * in the database (see server/digests.ts), which every server shares.
 */
export function dueDigests(
  recipients: readonly DigestRecipient[],
  now: Date,
): (DigestRecipient & { period: string })[] {
  const out: (DigestRecipient & { period: string })[] = [];
  for (const r of recipients) {
    const period = dueDigestPeriod(r.settings, now);
    if (period) out.push({ ...r, period });
  }
  return out;
}

/** How many days of plans the digest looks ahead, today included. */
export const DIGEST_PLAN_DAYS = 7;
/** Longest list of each kind in one email; the rest are counted, not listed. */
const MAX_ITEMS = 10;

export interface DigestContent {
  frequency: Settings['digest']['frequency'];
  date: LocalDate;
  timeZone: string;
  reachOut: { name: string; activity: string | null }[];
  plans: { startsAt: string; title: string; location: string | null; with: string[] }[];
  morePlans: number;
  dates: string[];
}

/** What one user's digest says now, read from their store. */
export async function digestContent(ctx: AppContext): Promise<DigestContent> {
  const [report, settings] = await Promise.all([today(ctx), ctx.store.settings()]);
  const { timeZone } = settings;
  const now = ctx.clock();
  const from = now.toISOString();
  const to = startOfLocalDay(addDays(report.date, DIGEST_PLAN_DAYS), timeZone).toISOString();
  const upcoming: Plan[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.store.plans.list({ limit: 100, from, to, cursor });
    upcoming.push(...page.items.filter((p) => p.status === 'planned'));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && upcoming.length <= MAX_ITEMS);
  const names = new Map<string, string>();
  if (upcoming.some((p) => p.connectionIds.length > 0)) {
    for (const c of await ctx.store.connections.all()) names.set(c.id, c.name);
  }
  return {
    frequency: settings.digest.frequency,
    date: report.date,
    timeZone,
    reachOut: report.reachOut.map((r) => ({ name: r.name, activity: r.activity })),
    plans: upcoming.slice(0, MAX_ITEMS).map((p) => ({
      startsAt: p.startsAt,
      title: p.title,
      location: p.location,
      with: p.connectionIds.map((id) => names.get(id)).filter((n): n is string => !!n),
    })),
    morePlans: Math.max(0, upcoming.length - MAX_ITEMS),
    dates: report.dates.map((d) => d.text),
  };
}

export interface DigestEmail {
  subject: string;
  text: string;
  html: string;
}

export interface DigestOptions {
  /** Where users reach this Tend (`https://tend.example.org`); links are left out without it. */
  publicUrl?: string | undefined;
}

const escapeHtml = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

/** An http(s) base URL without a trailing slash, or undefined when there is none usable. */
function baseUrl(publicUrl: string | undefined): string | undefined {
  if (!publicUrl) return undefined;
  try {
    const url = new URL(publicUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return url.toString().replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

function longDate(date: LocalDate): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(new Date(`${date}T12:00:00Z`));
}

function planTime(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

interface Section {
  title: string;
  items: string[];
}

/** The email for a digest's content: plain text and the same as simple HTML. Pure. */
export function renderDigest(content: DigestContent, options: DigestOptions = {}): DigestEmail {
  const base = baseUrl(options.publicUrl);
  const weekly = content.frequency === 'weekly';
  const day = longDate(content.date);
  const subject = weekly ? `Your week ahead with Tend, from ${day}` : `Your day with Tend, ${day}`;

  const sections: Section[] = [];
  if (content.reachOut.length > 0) {
    sections.push({
      title: 'People who might enjoy hearing from you',
      items: content.reachOut
        .slice(0, MAX_ITEMS)
        .map((r) => (r.activity ? `${r.name} (maybe ${r.activity})` : r.name)),
    });
  }
  if (content.plans.length > 0) {
    const items = content.plans.map((p) => {
      const details = [
        p.with.length > 0 ? `with ${listNames(p.with)}` : '',
        p.location ? `at ${p.location}` : '',
      ].filter(Boolean);
      return `${planTime(p.startsAt, content.timeZone)}: ${p.title}${details.length ? ` (${details.join(', ')})` : ''}`;
    });
    if (content.morePlans > 0) items.push(`and ${content.morePlans} more in the app`);
    sections.push({ title: `Plans in the next ${DIGEST_PLAN_DAYS} days`, items });
  }
  if (content.dates.length > 0) {
    sections.push({ title: 'Dates coming up', items: content.dates.slice(0, MAX_ITEMS) });
  }

  const opening = weekly
    ? `Here is your week ahead from Tend, from ${day}.`
    : `Here is your gentle reminder from Tend for ${day}.`;
  const quiet =
    'Nothing is waiting for you: no one is overdue, and there are no plans or dates coming up. Enjoy the quiet.';
  const closing = 'No need to do all of it. One small hello counts.';
  const stop = base
    ? `You get this email because reminder digests are on in your Tend settings. To stop them, turn them off under Settings: ${base}/settings`
    : 'You get this email because reminder digests are on in your Tend settings. To stop them, turn them off under Settings in Tend.';

  const text = [
    'Hello,',
    '',
    opening,
    '',
    ...(sections.length === 0
      ? [quiet, '']
      : sections
          .flatMap((s) => [s.title, ...s.items.map((i) => `  • ${i}`), ''])
          .concat(closing, '')),
    ...(base ? [`Open Tend: ${base}/`, ''] : []),
    // The conventional signature separator, so mail programs can fold the footer.
    '-- ',
    stop,
    '',
  ].join('\n');

  const para = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const link = (href: string, label: string) =>
    `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
  const html = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; color: #222; max-width: 36em;">',
    para('Hello,'),
    para(opening),
    ...(sections.length === 0
      ? [para(quiet)]
      : [
          ...sections.map(
            (s) =>
              `<h2 style="font-size: 1.05em;">${escapeHtml(s.title)}</h2>\n<ul>\n${s.items
                .map((i) => `<li>${escapeHtml(i)}</li>`)
                .join('\n')}\n</ul>`,
          ),
          para(closing),
        ]),
    ...(base ? [`<p>${link(`${base}/`, 'Open Tend')}</p>`] : []),
    '<hr>',
    base
      ? `<p style="font-size: 0.85em; color: #555;">${escapeHtml(
          'You get this email because reminder digests are on in your Tend settings. To stop them, turn them off under',
        )} ${link(`${base}/settings`, 'Settings')}.</p>`
      : `<p style="font-size: 0.85em; color: #555;">${escapeHtml(stop)}</p>`,
    '</body></html>',
    '',
  ].join('\n');

  return { subject, text, html };
}

/** One user's digest email, as of the context's clock. */
export async function composeDigest(
  ctx: AppContext,
  options: DigestOptions = {},
): Promise<DigestEmail> {
  return renderDigest(await digestContent(ctx), options);
}

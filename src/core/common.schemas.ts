import { z } from 'zod';
import { isLocalDate, isValidTimeZone, toInstant } from './time.js';

/** Identifiers are random UUIDs; nothing about a record can be guessed from its id. */
export const Id = z.uuid().meta({ description: 'Random UUID of a record.' });

/**
 * An instant given with its offset (`2026-03-01T18:30:00+01:00` or `…Z`),
 * stored and returned as UTC with millisecond precision.
 */
export const Instant = z.iso
  .datetime({ offset: true })
  .transform((s) => toInstant(s))
  .meta({
    description: 'ISO 8601 instant with an offset; returned in UTC (`Z`).',
    examples: ['2026-03-01T18:30:00Z'],
  });

/** Output form of an instant (already canonical). */
export const InstantOut = z.string().meta({ description: 'UTC instant, ISO 8601.' });

export const LocalDateSchema = z
  .string()
  .refine(isLocalDate, 'must be a calendar date, YYYY-MM-DD')
  .meta({ description: 'Calendar date, YYYY-MM-DD.', examples: ['2026-03-01'] });

export const TimeZone = z
  .string()
  .refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Berlin')
  .meta({ description: 'IANA time zone name.', examples: ['Europe/Berlin'] });

export const shortText = (max: number) => z.string().trim().min(1).max(max);
export const longText = (max: number) => z.string().max(max);

export const Channel = z
  .enum(['in_person', 'video', 'voice', 'text', 'social'])
  .meta({ id: 'Channel', description: 'How the contact happened.' });
export type Channel = z.infer<typeof Channel>;
export const CHANNELS = Channel.options;

export const InteractionKind = z
  .enum([
    'conversation',
    'shared_meal',
    'shared_activity',
    'physical_affection',
    'support_given',
    'support_received',
    'pet_time',
  ])
  .meta({ id: 'InteractionKind', description: 'What the time together was.' });
export type InteractionKind = z.infer<typeof InteractionKind>;
export const INTERACTION_KINDS = InteractionKind.options;

/** A list without repeats; the message names the repeated value. */
export function uniqueList<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item)
    .max(max)
    .superRefine((list, ctx) => {
      const seen = new Set<unknown>();
      list.forEach((v, i) => {
        const key = typeof v === 'string' ? v.toLowerCase() : v;
        if (seen.has(key)) {
          ctx.addIssue({ code: 'custom', message: 'is listed twice', path: [i] });
        }
        seen.add(key);
      });
    });
}

/** Query parameters shared by every list route. */
export const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50).meta({
    description: 'Page size, 1–500.',
  }),
  cursor: z.string().max(200).optional().meta({
    description: 'Opaque cursor from the previous page’s `nextCursor`.',
  }),
  from: z
    .union([LocalDateSchema, z.iso.datetime({ offset: true })])
    .optional()
    .meta({
      description:
        'Start of the range: an instant, or a calendar date meaning the start of that day in the user’s time zone (inclusive).',
    }),
  to: z
    .union([LocalDateSchema, z.iso.datetime({ offset: true })])
    .optional()
    .meta({
      description:
        'End of the range: an instant (exclusive), or a calendar date meaning the whole of that day (inclusive).',
    }),
  connectionId: Id.optional().meta({ description: 'Only records involving this connection.' }),
});
export type ListQuery = z.infer<typeof ListQuery>;

export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      items: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .meta({ description: 'Pass as `cursor` for the next page; null on the last.' }),
    })
    .meta({ id: `${name}Page` });
}

/**
 * The connections a record is about: at least one, no repeats, kept sorted so
 * a record reads back exactly as it was written on every engine.
 */
export const ConnectionIds = uniqueList(Id, 50)
  .min(1, 'needs at least one connection')
  .transform((ids) => [...ids].sort());

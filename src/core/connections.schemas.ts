import { z } from 'zod';
import { Id, InstantOut, longText, shortText, uniqueList } from './common.schemas.js';
import { daysInMonth } from './time.js';

export const Ring = z.enum(['inner', 'close', 'friends', 'wider']).meta({
  id: 'Ring',
  description: 'Closeness, after Dunbar’s layers of about 5, 15, 50 and 150 people.',
});
export type Ring = z.infer<typeof Ring>;
export const RINGS = Ring.options;

/**
 * Default contact cadence per ring, in days: the inner five about weekly, the
 * fifteen about monthly, the fifty about twice a year, the rest yearly
 * (Dunbar interviews, SCIENCE.md §3; the yearly figure is unchecked).
 */
export const DEFAULT_RING_CADENCE_DAYS: Record<Ring, number> = {
  inner: 7,
  close: 30,
  friends: 180,
  wider: 365,
};

export const ConnectionKind = z.enum(['person', 'pet']).meta({ id: 'ConnectionKind' });

export const ImportantDate = z
  .strictObject({
    kind: z.enum(['birthday', 'anniversary', 'other']).default('birthday'),
    label: shortText(60).optional(),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    year: z.number().int().min(1800).max(2200).optional().meta({
      description: 'Omitted when the year is not known.',
    }),
  })
  .superRefine((d, ctx) => {
    // 29 February is a valid yearless birthday; with a year it must exist.
    const max = d.year === undefined ? daysInMonth(2000, d.month) : daysInMonth(d.year, d.month);
    if (d.day > max)
      ctx.addIssue({
        code: 'custom',
        path: ['day'],
        message: `month ${d.month} has no day ${d.day}`,
      });
  })
  .meta({ id: 'ImportantDate' });
export type ImportantDate = z.infer<typeof ImportantDate>;

const Phone = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[+0-9()./\s-]+$/, 'must contain only digits, spaces and + ( ) . / -');

export const Handles = z
  .strictObject({
    phones: uniqueList(Phone, 20).default([]),
    emails: uniqueList(z.email().max(254), 20).default([]),
  })
  .meta({ id: 'Handles', description: 'Phone numbers and emails, used to match imports.' });

const connectionFields = {
  name: shortText(200),
  kind: ConnectionKind.default('person'),
  ring: Ring.default('friends'),
  cadenceDays: z.number().int().min(1).max(3650).meta({
    description: 'How often you want contact, in days. Defaults from the ring.',
  }),
  sharedJoys: uniqueList(shortText(100), 50).default([]).meta({
    description: 'Things you both delight in.',
  }),
  notes: longText(10_000).default(''),
  importantDates: z.array(ImportantDate).max(20).default([]),
  handles: Handles.default({ phones: [], emails: [] }),
  draining: z.boolean().default(false).meta({
    description: 'Contact tends to leave you drained; Tend never nudges toward it.',
  }),
};

export const ConnectionCreate = z
  .strictObject({ ...connectionFields, cadenceDays: connectionFields.cadenceDays.optional() })
  .meta({ id: 'ConnectionCreate' });
export type ConnectionCreate = z.infer<typeof ConnectionCreate>;

export const ConnectionUpdate = z
  .strictObject({
    name: connectionFields.name.optional(),
    kind: ConnectionKind.optional(),
    ring: Ring.optional(),
    cadenceDays: connectionFields.cadenceDays.optional(),
    sharedJoys: uniqueList(shortText(100), 50).optional(),
    notes: longText(10_000).optional(),
    importantDates: z.array(ImportantDate).max(20).optional(),
    handles: Handles.optional(),
    draining: z.boolean().optional(),
  })
  .meta({ id: 'ConnectionUpdate' });
export type ConnectionUpdate = z.infer<typeof ConnectionUpdate>;

export const Connection = z
  .object({
    id: Id,
    name: z.string(),
    kind: ConnectionKind,
    ring: Ring,
    cadenceDays: z.number().int(),
    sharedJoys: z.array(z.string()),
    notes: z.string(),
    importantDates: z.array(ImportantDate),
    handles: z.object({ phones: z.array(z.string()), emails: z.array(z.string()) }),
    draining: z.boolean(),
    createdAt: InstantOut,
    updatedAt: InstantOut,
  })
  .meta({ id: 'Connection' });
export type Connection = z.infer<typeof Connection>;

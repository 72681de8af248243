import { z } from 'zod';
import { Channel, LocalDateSchema } from './common.schemas.js';

/**
 * Read-only views of how often and how lately you were in touch: the
 * calendar heatmap on a connection's page and the "losing touch" view of
 * People. Both count an interaction on the local day it started.
 */

export const ContactDaysQuery = z.strictObject({
  from: LocalDateSchema.optional().meta({
    description: 'First day (default: 364 days before to).',
  }),
  to: LocalDateSchema.optional().meta({ description: 'Last day (default: today).' }),
});

export const ContactDay = z
  .object({
    date: LocalDateSchema,
    interactions: z
      .number()
      .int()
      .min(1)
      .meta({ description: 'Interactions that started that day.' }),
    minutes: z.number().int().min(0).meta({ description: 'Their recorded minutes, added up.' }),
    channels: z.array(Channel).meta({ description: 'The channels used that day, each once.' }),
  })
  .meta({ id: 'ContactDay' });
export type ContactDay = z.infer<typeof ContactDay>;

export const ContactDays = z
  .object({
    connectionId: z.string(),
    from: LocalDateSchema,
    to: LocalDateSchema,
    timeZone: z.string(),
    days: z.array(ContactDay).meta({
      description: 'Only the days with contact, oldest first; days not listed had none.',
    }),
  })
  .meta({ id: 'ContactDays' });
export type ContactDays = z.infer<typeof ContactDays>;

export const ContactStatusItem = z
  .object({
    connectionId: z.string(),
    lastContact: LocalDateSchema.nullable().meta({
      description: 'Last local day in touch by any channel; null if never.',
    }),
    daysSinceContact: z.number().int().min(0).meta({
      description: 'Days since then, or since the connection was added if never in touch.',
    }),
    cadenceDays: z.number().int(),
    overdueRatio: z.number().meta({
      description: 'daysSinceContact ÷ cadenceDays: 1 means due today, 2 two cadences gone.',
    }),
  })
  .meta({ id: 'ContactStatusItem' });
export type ContactStatusItem = z.infer<typeof ContactStatusItem>;

export const ContactStatus = z
  .object({
    date: LocalDateSchema.meta({ description: 'Today in your time zone.' }),
    timeZone: z.string(),
    items: z
      .array(ContactStatusItem)
      .meta({ description: 'Every connection, most overdue first.' }),
  })
  .meta({ id: 'ContactStatus' });
export type ContactStatus = z.infer<typeof ContactStatus>;

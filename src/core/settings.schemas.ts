import { z } from 'zod';
import { TimeZone } from './common.schemas.js';
import { DEFAULT_RING_CADENCE_DAYS } from './connections.schemas.js';

const Cadence = z.number().int().min(1).max(3650);

export const RingCadences = z.strictObject({
  inner: Cadence,
  close: Cadence,
  friends: Cadence,
  wider: Cadence,
});

export const DigestFrequency = z.enum(['daily', 'weekly']);
export type DigestFrequency = z.infer<typeof DigestFrequency>;

export const DigestSettings = z
  .strictObject({
    enabled: z.boolean().meta({
      description:
        'Send a reminder digest by email (hosted Tend with mail set up, for accounts with an email address). Off by default.',
    }),
    frequency: DigestFrequency.meta({
      description: 'daily: every day; weekly: once a week, on `weekday`.',
    }),
    hour: z.number().int().min(0).max(23).meta({
      description: 'Local hour (0–23, in your time zone) from which the digest is sent.',
    }),
    weekday: z.number().int().min(1).max(7).meta({
      description: 'For weekly digests: the day it is sent, 1 = Monday … 7 = Sunday.',
    }),
  })
  .meta({ id: 'DigestSettings' });
export type DigestSettings = z.infer<typeof DigestSettings>;

export function defaultDigestSettings(): DigestSettings {
  return { enabled: false, frequency: 'daily', hour: 8, weekday: 1 };
}

export const Settings = z
  .object({
    timeZone: TimeZone,
    defaultRegion: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as DE')
      .nullable()
      .meta({ description: 'Country used to read phone numbers written without +country code.' }),
    ringCadenceDays: RingCadences.meta({
      description: 'Default contact cadence for new connections, per ring.',
    }),
    modelParams: z.record(z.string(), z.unknown()).meta({
      description:
        'Your changes to the model’s parameters (only those you changed); GET /api/v1/model/params lists them all with defaults and ranges.',
    }),
    // Defaulted so backups written before digests existed still read.
    digest: DigestSettings.default(defaultDigestSettings).meta({
      description:
        'The reminder digest by email: whom to reach out to, plans of the next 7 days and dates coming up. Never notes or check-ins.',
    }),
  })
  .meta({ id: 'Settings' });
export type Settings = z.infer<typeof Settings>;

export const SettingsUpdate = z
  .strictObject({
    timeZone: TimeZone.optional(),
    defaultRegion: Settings.shape.defaultRegion.optional(),
    ringCadenceDays: RingCadences.partial().optional(),
    modelParams: z.record(z.string(), z.unknown()).nullable().optional().meta({
      description:
        'Parameters to change, merged into your earlier changes (nested groups key by key); null restores every default.',
    }),
    digest: DigestSettings.partial().optional().meta({
      description: 'Digest fields to change; the others keep their values.',
    }),
  })
  .meta({ id: 'SettingsUpdate' });
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;

export function defaultSettings(timeZone = 'UTC'): Settings {
  return {
    timeZone,
    defaultRegion: null,
    ringCadenceDays: { ...DEFAULT_RING_CADENCE_DAYS },
    modelParams: {},
    digest: defaultDigestSettings(),
  };
}

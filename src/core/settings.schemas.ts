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
  })
  .meta({ id: 'SettingsUpdate' });
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;

export function defaultSettings(timeZone = 'UTC'): Settings {
  return {
    timeZone,
    defaultRegion: null,
    ringCadenceDays: { ...DEFAULT_RING_CADENCE_DAYS },
    modelParams: {},
  };
}

import { z } from 'zod';
import {
  Channel,
  ConnectionIds,
  Id,
  Instant,
  InstantOut,
  InteractionKind,
  longText,
  uniqueList,
} from './common.schemas.js';

/**
 * Where a record came from, so that re-running an import updates instead of
 * duplicating: unique per user by (system, externalId).
 */
export const Source = z
  .strictObject({
    system: z
      .string()
      .min(1)
      .max(40)
      .regex(/^[a-z0-9_.-]+$/, 'must be lowercase letters, digits, _ . or -'),
    externalId: z.string().min(1).max(200),
  })
  .meta({ id: 'Source' });
export type Source = z.infer<typeof Source>;

const fields = {
  startedAt: Instant,
  durationMinutes: z.number().int().min(0).max(10_080).nullable().meta({
    description: 'Length in minutes (up to a week); null when unknown.',
  }),
  connectionIds: ConnectionIds,
  channel: Channel,
  kinds: uniqueList(InteractionKind, 7).min(1, 'needs at least one kind'),
  delight: z.number().int().min(1).max(5).nullable().meta({
    description: 'How much you enjoyed it, 1–5; null when not rated.',
  }),
  note: longText(10_000),
  messageCount: z.number().int().min(0).max(1_000_000).nullable().meta({
    description: 'For text and social contact: the number of messages, if known.',
  }),
  source: Source.nullable(),
};

export const InteractionCreate = z
  .strictObject({
    ...fields,
    durationMinutes: fields.durationMinutes.default(null),
    kinds: fields.kinds.default(['conversation']),
    delight: fields.delight.default(null),
    note: fields.note.default(''),
    messageCount: fields.messageCount.default(null),
    source: fields.source.default(null),
  })
  .meta({ id: 'InteractionCreate' });
export type InteractionCreate = z.infer<typeof InteractionCreate>;

export const InteractionUpdate = z
  .strictObject({
    startedAt: fields.startedAt.optional(),
    durationMinutes: fields.durationMinutes.optional(),
    connectionIds: fields.connectionIds.optional(),
    channel: fields.channel.optional(),
    kinds: fields.kinds.optional(),
    delight: fields.delight.optional(),
    note: fields.note.optional(),
    messageCount: fields.messageCount.optional(),
  })
  .meta({ id: 'InteractionUpdate' });
export type InteractionUpdate = z.infer<typeof InteractionUpdate>;

export const Interaction = z
  .object({
    id: Id,
    startedAt: InstantOut,
    durationMinutes: z.number().int().nullable(),
    connectionIds: z.array(Id),
    channel: Channel,
    kinds: z.array(InteractionKind),
    delight: z.number().int().nullable(),
    note: z.string(),
    messageCount: z.number().int().nullable(),
    source: z.object({ system: z.string(), externalId: z.string() }).nullable(),
    createdAt: InstantOut,
    updatedAt: InstantOut,
  })
  .meta({ id: 'Interaction' });
export type Interaction = z.infer<typeof Interaction>;

import { z } from 'zod';
import { ConnectionIds, Id, Instant, InstantOut, longText, shortText } from './common.schemas.js';

export const PlanStatus = z.enum(['planned', 'done', 'cancelled']).meta({ id: 'PlanStatus' });
export type PlanStatus = z.infer<typeof PlanStatus>;

const fields = {
  startsAt: Instant,
  durationMinutes: z.number().int().min(0).max(10_080).nullable(),
  connectionIds: ConnectionIds,
  title: shortText(200).meta({ description: 'What you plan to do together.' }),
  location: shortText(200).nullable(),
  status: PlanStatus,
  note: longText(10_000),
};

export const PlanCreate = z
  .strictObject({
    ...fields,
    durationMinutes: fields.durationMinutes.default(null),
    location: fields.location.default(null),
    status: fields.status.default('planned'),
    note: fields.note.default(''),
  })
  .meta({ id: 'PlanCreate' });
export type PlanCreate = z.infer<typeof PlanCreate>;

export const PlanUpdate = z
  .strictObject({
    startsAt: fields.startsAt.optional(),
    durationMinutes: fields.durationMinutes.optional(),
    connectionIds: fields.connectionIds.optional(),
    title: fields.title.optional(),
    location: fields.location.optional(),
    status: fields.status.optional(),
    note: fields.note.optional(),
  })
  .meta({ id: 'PlanUpdate' });
export type PlanUpdate = z.infer<typeof PlanUpdate>;

export const Plan = z
  .object({
    id: Id,
    startsAt: InstantOut,
    durationMinutes: z.number().int().nullable(),
    connectionIds: z.array(Id),
    title: z.string(),
    location: z.string().nullable(),
    status: PlanStatus,
    note: z.string(),
    interactionId: Id.nullable().meta({
      description: 'The interaction this plan became once done, if any.',
    }),
    createdAt: InstantOut,
    updatedAt: InstantOut,
  })
  .meta({ id: 'Plan' });
export type Plan = z.infer<typeof Plan>;

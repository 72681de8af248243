import { z } from 'zod';
import { Id, Instant, InstantOut, longText, shortText } from './common.schemas.js';

/**
 * Tend's own single-item self-ratings, for self-tracking and not diagnosis
 * (SCIENCE.md §4: no licensed questionnaire wording is used).
 */
const Rating = z.number().int().min(0).max(10);

export const CheckInCreate = z
  .strictObject({
    at: Instant.optional().meta({ description: 'When; defaults to now.' }),
    stress: Rating.meta({ description: 'How stressed, 0 (not at all) to 10 (extremely).' }),
    loneliness: Rating.meta({ description: 'How lonely, 0 (not at all) to 10 (extremely).' }),
    mood: shortText(40).nullable().default(null),
    note: longText(2_000).default(''),
  })
  .meta({ id: 'CheckInCreate' });
export type CheckInCreate = z.infer<typeof CheckInCreate>;

export const CheckInUpdate = z
  .strictObject({
    at: Instant.optional(),
    stress: Rating.optional(),
    loneliness: Rating.optional(),
    mood: shortText(40).nullable().optional(),
    note: longText(2_000).optional(),
  })
  .meta({ id: 'CheckInUpdate' });
export type CheckInUpdate = z.infer<typeof CheckInUpdate>;

export const CheckIn = z
  .object({
    id: Id,
    at: InstantOut,
    stress: z.number().int(),
    loneliness: z.number().int(),
    mood: z.string().nullable(),
    note: z.string(),
    createdAt: InstantOut,
    updatedAt: InstantOut,
  })
  .meta({ id: 'CheckIn' });
export type CheckIn = z.infer<typeof CheckIn>;

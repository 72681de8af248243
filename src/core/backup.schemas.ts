import { z } from 'zod';
import { CheckIn } from './checkins.schemas.js';
import { Connection } from './connections.schemas.js';
import { Interaction } from './interactions.schemas.js';
import { Plan } from './plans.schemas.js';
import { Settings } from './settings.schemas.js';

export const BACKUP_FORMAT = 'tend-backup';
/** Bump when the document's shape changes; readers refuse versions they do not know. */
export const BACKUP_VERSION = 1;

export const Backup = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    exportedAt: z.string(),
    settings: Settings,
    connections: z.array(Connection),
    interactions: z.array(Interaction),
    checkins: z.array(CheckIn),
    plans: z.array(Plan),
  })
  .meta({ id: 'Backup', description: 'A complete, versioned backup of one user’s data.' });
export type Backup = z.infer<typeof Backup>;

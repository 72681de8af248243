import { z } from 'zod';
import { exportBackup, restoreBackup } from '../app/backup.usecases.js';
import { Backup } from '../core/backup.schemas.js';
import { route } from './route.js';

const RestoreSummary = z
  .object({
    connections: z.number().int(),
    interactions: z.number().int(),
    checkins: z.number().int(),
    plans: z.number().int(),
  })
  .meta({ id: 'RestoreSummary' });

export const backupRouteDefs = [
  route({
    method: 'get',
    path: '/api/v1/backup',
    operationId: 'exportBackup',
    summary: 'Download a complete, versioned backup of your data',
    tag: 'backup',
    status: 200,
    response: Backup,
    handler: ({ ctx }) => exportBackup(ctx),
  }),
  route({
    method: 'post',
    path: '/api/v1/backup',
    operationId: 'restoreBackup',
    summary: 'Restore a backup into an empty Tend (all or nothing)',
    tag: 'backup',
    body: Backup,
    status: 201,
    response: RestoreSummary,
    handler: ({ ctx, body }) => restoreBackup(ctx, body),
  }),
];

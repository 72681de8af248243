import { z } from 'zod';
import { disableFeed, feedStatus, rotateFeed } from '../app/calendar-feed.usecases.js';
import { CSV_ENTITIES, exportCsv, exportVCards } from '../app/export.usecases.js';
import { IMPORT_TYPES, ImportReportSchema } from '../app/import.report.js';
import { runImport } from '../app/import.usecases.js';
import { parseOrThrow } from '../core/validation.js';
import { route } from './route.js';

const ImportQuery = z.strictObject({
  type: z.enum(IMPORT_TYPES).meta({ description: 'What the file is.' }),
  dryRun: z.enum(['true', 'false']).default('true').meta({
    description: 'Preview only (the default). Send the same file with dryRun=false to commit it.',
  }),
  createUnmatched: z.enum(['true', 'false']).default('false').meta({
    description: 'Add people the file names who match no connection.',
  }),
  self: z.string().max(500).optional().meta({
    description: 'Your own names, numbers or emails as the file writes them, comma-separated.',
  }),
  dateOrder: z
    .enum(['DMY', 'MDY', 'YMD'])
    .optional()
    .meta({ description: 'WhatsApp date order, if ambiguous.' }),
  fileName: z
    .string()
    .max(255)
    .optional()
    .meta({ description: 'The file’s name (WhatsApp names the chat in it).' }),
});

/** Uploads through HTTP are capped lower than the CLI, which streams from disk. */
const UPLOAD_LIMIT = 256 * 1024 * 1024;

export const fileRouteDefs = [
  route({
    method: 'post',
    path: '/api/v1/imports',
    operationId: 'importFile',
    summary:
      'Preview (dryRun=true, the default) or commit an import of contacts, a calendar, a chat, a phone backup or a Tend backup; all or nothing',
    tag: 'import',
    query: ImportQuery,
    rawBody: {
      mediaTypes: [
        'text/vcard',
        'text/x-vcard',
        'text/csv',
        'text/calendar',
        'text/plain',
        'application/xml',
        'text/xml',
        'application/json',
        'application/octet-stream',
      ],
      limit: UPLOAD_LIMIT,
    },
    status: 200,
    response: ImportReportSchema,
    handler: async ({ ctx, query, stream }) => {
      const q = parseOrThrow(ImportQuery, query, 'query');
      return runImport(
        ctx,
        { type: q.type, fileName: q.fileName, chunks: stream ?? (async function* () {})() },
        {
          dryRun: q.dryRun === 'true',
          createUnmatched: q.createUnmatched === 'true',
          self: q.self
            ? q.self
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean)
            : [],
          dateOrder: q.dateOrder,
        },
      );
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/exports/csv/{entity}',
    operationId: 'exportCsv',
    summary: `Download one table as CSV: ${CSV_ENTITIES.join(', ')}`,
    tag: 'export',
    status: 200,
    produces: {
      mediaType: 'text/csv; charset=utf-8',
      fileName: (p) => `tend-${p.entity ?? 'export'}.csv`,
    },
    handler: ({ ctx, params }) => exportCsv(ctx, params.entity ?? ''),
  }),
  route({
    method: 'get',
    path: '/api/v1/exports/connections.vcf',
    operationId: 'exportVCards',
    summary: 'Download every connection as vCard 4.0',
    tag: 'export',
    status: 200,
    produces: { mediaType: 'text/vcard; charset=utf-8', fileName: () => 'tend-connections.vcf' },
    handler: ({ ctx }) => exportVCards(ctx),
  }),
];

const FeedStatus = z
  .object({ enabled: z.boolean(), createdAt: z.string().nullable() })
  .meta({ id: 'CalendarFeedStatus' });
const FeedAddress = z
  .object({
    token: z.string(),
    path: z.string().meta({ description: 'Subscribe to this path on this server; shown once.' }),
  })
  .meta({ id: 'CalendarFeedAddress' });

export const feedRouteDefs = [
  route({
    method: 'get',
    path: '/api/v1/calendar-feed',
    operationId: 'getCalendarFeed',
    summary: 'Whether your calendar feed is on (its address is shown only when made)',
    tag: 'calendar',
    status: 200,
    response: FeedStatus,
    handler: ({ ctx }) => feedStatus(ctx),
  }),
  route({
    method: 'post',
    path: '/api/v1/calendar-feed',
    operationId: 'rotateCalendarFeed',
    summary:
      'Make a new secret feed address (plans, reach-out reminders, birthdays); the old one stops working',
    tag: 'calendar',
    status: 201,
    response: FeedAddress,
    handler: ({ ctx }) => rotateFeed(ctx),
  }),
  route({
    method: 'delete',
    path: '/api/v1/calendar-feed',
    operationId: 'disableCalendarFeed',
    summary: 'Turn the calendar feed off',
    tag: 'calendar',
    status: 204,
    handler: ({ ctx }) => disableFeed(ctx),
  }),
];

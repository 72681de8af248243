import { z } from 'zod';

/**
 * What an import did, or would do in a dry run. Counts are exact; the lists
 * are capped so a huge file cannot make a huge answer.
 */
export const IMPORT_TYPES = ['vcard', 'csv', 'ical', 'whatsapp', 'sms', 'backup'] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];

export const LIST_CAP = 500;

const Item = z.object({
  action: z.enum(['create', 'update', 'skip']),
  record: z.enum(['connection', 'interaction', 'checkin', 'plan']),
  line: z.number().int().nullable().meta({ description: 'Where in the file the record began.' }),
  label: z.string().meta({ description: 'Who or what, for people to read.' }),
  reason: z.string().meta({ description: 'Why this action.' }),
});
export type ImportItem = z.infer<typeof Item>;

const Unmatched = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  records: z
    .number()
    .int()
    .meta({ description: 'How many messages, calls or meetings named them.' }),
});
export type UnmatchedParticipant = z.infer<typeof Unmatched>;

const Counts = z.object({ connections: z.number().int(), interactions: z.number().int() });

export const ImportReportSchema = z
  .object({
    type: z.enum(IMPORT_TYPES),
    dryRun: z.boolean(),
    created: Counts,
    updated: Counts,
    skipped: z.number().int(),
    items: z.array(Item).meta({ description: `The first ${LIST_CAP} actions, with reasons.` }),
    unmatched: z.array(Unmatched).meta({
      description:
        'People the file names who match no connection; import again with createUnmatched to add them.',
    }),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'ImportReport' });
export type ImportReport = z.infer<typeof ImportReportSchema>;

export function emptyReport(type: ImportType, dryRun: boolean): ImportReport {
  return {
    type,
    dryRun,
    created: { connections: 0, interactions: 0 },
    updated: { connections: 0, interactions: 0 },
    skipped: 0,
    items: [],
    unmatched: [],
    warnings: [],
  };
}

/** Record an action: counted always, listed while under the cap. */
export function note(report: ImportReport, item: ImportItem): void {
  const plural = item.record === 'connection' ? 'connections' : 'interactions';
  if (item.action === 'create') report.created[plural] += 1;
  else if (item.action === 'update') report.updated[plural] += 1;
  else report.skipped += 1;
  if (report.items.length < LIST_CAP) report.items.push(item);
}

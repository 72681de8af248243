import type { Connection } from '../core/connections.schemas.js';
import { invalid } from '../core/errors.js';
import { writeCsv } from '../importers/csv.js';
import { writeVCards } from '../importers/vcard-writer.js';
import { exportBackup } from './backup.usecases.js';
import type { AppContext } from './context.js';

export const CSV_ENTITIES = ['connections', 'interactions', 'checkins', 'plans'] as const;
export type CsvEntity = (typeof CSV_ENTITIES)[number];

/**
 * A spreadsheet runs a cell that starts with = + - @ as a formula; free text
 * from the user gets a leading apostrophe so opening the file runs nothing.
 */
function text(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const date = (d: Connection['importantDates'][number]) =>
  `${d.year ? `${d.year}-` : '--'}${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** One entity as a CSV table (RFC 4180), a header row first. */
export async function exportCsv(ctx: AppContext, entity: string): Promise<string> {
  if (!CSV_ENTITIES.includes(entity as CsvEntity)) {
    throw invalid(`There is no CSV export of "${entity}".`, [
      { path: 'entity', message: `must be one of ${CSV_ENTITIES.join(', ')}` },
    ]);
  }
  const backup = await exportBackup(ctx);
  const names = new Map(backup.connections.map((c) => [c.id, c.name]));
  const who = (ids: string[]) => text(ids.map((id) => names.get(id) ?? id).join('; '));
  switch (entity as CsvEntity) {
    case 'connections':
      return writeCsv([
        [
          'id',
          'name',
          'kind',
          'ring',
          'cadence_days',
          'shared_joys',
          'phones',
          'emails',
          'birthday',
          'other_dates',
          'draining',
          'notes',
          'created_at',
          'updated_at',
        ],
        ...backup.connections.map((c) => [
          c.id,
          text(c.name),
          c.kind,
          c.ring,
          String(c.cadenceDays),
          text(c.sharedJoys.join('; ')),
          c.handles.phones.join('; '),
          c.handles.emails.join('; '),
          c.importantDates.filter((d) => d.kind === 'birthday').map(date)[0] ?? '',
          text(
            c.importantDates
              .filter((d) => d.kind !== 'birthday')
              .map((d) => `${d.label ?? d.kind} ${date(d)}`)
              .join('; '),
          ),
          c.draining ? 'yes' : 'no',
          text(c.notes),
          c.createdAt,
          c.updatedAt,
        ]),
      ]);
    case 'interactions':
      return writeCsv([
        [
          'id',
          'started_at',
          'duration_minutes',
          'channel',
          'kinds',
          'with',
          'connection_ids',
          'delight',
          'message_count',
          'note',
          'source',
          'created_at',
          'updated_at',
        ],
        ...backup.interactions.map((i) => [
          i.id,
          i.startedAt,
          i.durationMinutes === null ? '' : String(i.durationMinutes),
          i.channel,
          i.kinds.join('; '),
          who(i.connectionIds),
          i.connectionIds.join('; '),
          i.delight === null ? '' : String(i.delight),
          i.messageCount === null ? '' : String(i.messageCount),
          text(i.note),
          i.source ? `${i.source.system}:${i.source.externalId}` : '',
          i.createdAt,
          i.updatedAt,
        ]),
      ]);
    case 'checkins':
      return writeCsv([
        ['id', 'at', 'stress', 'loneliness', 'mood', 'note', 'created_at', 'updated_at'],
        ...backup.checkins.map((c) => [
          c.id,
          c.at,
          String(c.stress),
          String(c.loneliness),
          text(c.mood ?? ''),
          text(c.note),
          c.createdAt,
          c.updatedAt,
        ]),
      ]);
    case 'plans':
      return writeCsv([
        [
          'id',
          'starts_at',
          'duration_minutes',
          'title',
          'location',
          'status',
          'with',
          'connection_ids',
          'interaction_id',
          'note',
          'created_at',
          'updated_at',
        ],
        ...backup.plans.map((p) => [
          p.id,
          p.startsAt,
          p.durationMinutes === null ? '' : String(p.durationMinutes),
          text(p.title),
          text(p.location ?? ''),
          p.status,
          who(p.connectionIds),
          p.connectionIds.join('; '),
          p.interactionId ?? '',
          text(p.note),
          p.createdAt,
          p.updatedAt,
        ]),
      ]);
  }
}

/** Every connection as a vCard 4.0 file, for any address book. */
export async function exportVCards(ctx: AppContext): Promise<string> {
  return writeVCards(await ctx.store.connections.all());
}

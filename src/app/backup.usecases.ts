import { BACKUP_FORMAT, BACKUP_VERSION, Backup } from '../core/backup.schemas.js';
import { type FieldIssue, invalid } from '../core/errors.js';
import { parseOrThrow } from '../core/validation.js';
import type { AppContext } from './context.js';

const FAR_PAST = '0000-01-01T00:00:00.000Z';
const FAR_FUTURE = '9999-12-31T23:59:59.999Z';

/** Everything the user has, in one versioned document. */
export async function exportBackup(ctx: AppContext): Promise<Backup> {
  const { store } = ctx;
  const plans = [];
  for (let cursor: string | undefined; ; ) {
    const page = await store.plans.list({ limit: 500, cursor });
    plans.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: ctx.clock().toISOString(),
    settings: await store.settings(),
    connections: await store.connections.all(),
    interactions: await store.interactions.between(FAR_PAST, FAR_FUTURE),
    checkins: await store.checkins.between(FAR_PAST, FAR_FUTURE),
    plans,
  };
}

export interface RestoreSummary {
  connections: number;
  interactions: number;
  checkins: number;
  plans: number;
}

/**
 * Restore a backup into an empty Tend, in one transaction: a bad document
 * changes nothing. Records keep their ids, so export → restore → export
 * gives the same document — unless an id is already taken in this database
 * (another account on a hosted Tend restored the same backup), in which
 * case every record gets a fresh id and the links between them follow.
 */
export async function restoreBackup(ctx: AppContext, input: unknown): Promise<RestoreSummary> {
  if (
    typeof input === 'object' &&
    input !== null &&
    'version' in input &&
    typeof input.version === 'number' &&
    input.version > BACKUP_VERSION
  ) {
    throw invalid(
      `This backup was written by a newer Tend (version ${input.version}); this one reads version ${BACKUP_VERSION}.`,
      [{ path: 'version', message: `must be ${BACKUP_VERSION} or lower` }],
    );
  }
  const parsed = parseOrThrow(Backup, input, 'backup');
  assertReferencesResolve(parsed);
  return ctx.store.transaction(async (store) => {
    if ((await store.connections.list({ limit: 1 })).items.length > 0) {
      throw invalid('Restore needs an empty Tend: this one already has connections.');
    }
    const ids = [parsed.connections, parsed.interactions, parsed.checkins, parsed.plans].flatMap(
      (list) => list.map((record) => record.id),
    );
    const backup = (await store.anyIdInUse(ids)) ? withFreshIds(parsed, ctx.newId) : parsed;
    await store.saveSettings(backup.settings);
    for (const c of backup.connections) await store.connections.insert(c);
    for (const i of backup.interactions) await store.interactions.insert(i);
    for (const c of backup.checkins) await store.checkins.insert(c);
    for (const p of backup.plans) await store.plans.insert(p);
    return {
      connections: backup.connections.length,
      interactions: backup.interactions.length,
      checkins: backup.checkins.length,
      plans: backup.plans.length,
    };
  });
}

/** The same backup with every record id replaced, references included. */
function withFreshIds(backup: Backup, newId: () => string): Backup {
  const map = new Map<string, string>();
  const fresh = (id: string) => {
    let next = map.get(id);
    if (!next) {
      next = newId();
      map.set(id, next);
    }
    return next;
  };
  const linked = (ids: string[]) => ids.map(fresh).sort();
  return {
    ...backup,
    connections: backup.connections.map((c) => ({ ...c, id: fresh(c.id) })),
    interactions: backup.interactions.map((i) => ({
      ...i,
      id: fresh(i.id),
      connectionIds: linked(i.connectionIds),
    })),
    checkins: backup.checkins.map((c) => ({ ...c, id: fresh(c.id) })),
    plans: backup.plans.map((p) => ({
      ...p,
      id: fresh(p.id),
      connectionIds: linked(p.connectionIds),
      interactionId: p.interactionId ? fresh(p.interactionId) : null,
    })),
  };
}

/** Every id a record points at must be in the same document; the error names the record. */
function assertReferencesResolve(backup: Backup): void {
  const connections = new Set(backup.connections.map((c) => c.id));
  const interactions = new Set(backup.interactions.map((i) => i.id));
  const issues: FieldIssue[] = [];
  for (const [list, name] of [
    [backup.interactions, 'interactions'],
    [backup.plans, 'plans'],
  ] as const) {
    for (const [i, record] of list.entries()) {
      for (const [j, id] of record.connectionIds.entries()) {
        if (!connections.has(id)) {
          issues.push({
            path: `${name}[${i}].connectionIds[${j}]`,
            message: 'is not a connection in this backup',
          });
        }
      }
    }
  }
  backup.plans.forEach((plan, i) => {
    if (plan.interactionId && !interactions.has(plan.interactionId)) {
      issues.push({
        path: `plans[${i}].interactionId`,
        message: 'is not an interaction in this backup',
      });
    }
  });
  if (issues.length > 0)
    throw invalid(`The backup refers to records it does not contain (${issues[0]?.path}).`, issues);
}

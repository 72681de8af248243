import type { ModelCheckIn, ModelConnection, ModelInteraction } from './types.js';

/**
 * Small record builders for the model's tests (and for demo data). They
 * import nothing from a test runner, so shipping them in the build is harmless.
 */

let sequence = 0;

/** A valid, readable UUID: `uuid(7)` → `00000000-0000-4000-8000-000000000007`. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function nextId(): string {
  sequence += 1;
  return uuid(0xfff_0000_0000 + sequence);
}

export function makeConnection(
  fields: Partial<ModelConnection> & Pick<ModelConnection, 'name'>,
): ModelConnection {
  return {
    id: nextId(),
    kind: 'person',
    ring: 'friends',
    cadenceDays: 30,
    sharedJoys: [],
    importantDates: [],
    draining: false,
    createdAt: '2026-01-01T12:00:00.000Z',
    ...fields,
  };
}

export function makeInteraction(
  fields: Partial<ModelInteraction> & Pick<ModelInteraction, 'startedAt' | 'connectionIds'>,
): ModelInteraction {
  return {
    id: nextId(),
    durationMinutes: null,
    channel: 'in_person',
    kinds: ['conversation'],
    delight: null,
    messageCount: null,
    ...fields,
    startedAt: new Date(fields.startedAt).toISOString(),
  };
}

export function makeCheckIn(
  fields: Partial<ModelCheckIn> & Pick<ModelCheckIn, 'at' | 'stress'>,
): ModelCheckIn {
  return { id: nextId(), loneliness: 0, ...fields, at: new Date(fields.at).toISOString() };
}

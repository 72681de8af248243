/**
 * The API's record types, taken from the core schemas as types only: the
 * browser bundle never loads zod or any server code.
 */
export type { CheckIn } from '../../core/checkins.schemas.js';
export type { Channel, InteractionKind } from '../../core/common.schemas.js';
export type { Connection, Ring } from '../../core/connections.schemas.js';
export type { Interaction } from '../../core/interactions.schemas.js';

import type { Channel, InteractionKind } from '../../core/common.schemas.js';
import type { Ring } from '../../core/connections.schemas.js';

/** One page of a list route. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** What the web app sends; the server fills in the rest with its defaults. */
export interface NewConnection {
  name: string;
  kind: 'person' | 'pet';
  ring: Ring;
}

export interface NewInteraction {
  connectionIds: string[];
  channel: Channel;
  kinds: InteractionKind[];
  startedAt: string;
  durationMinutes: number | null;
  delight: number | null;
  note: string;
}

export interface NewCheckIn {
  stress: number;
  loneliness: number;
  mood: string | null;
  note: string;
}

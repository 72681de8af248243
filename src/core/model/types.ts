import type { CheckIn } from '../checkins.schemas.js';
import type { Connection } from '../connections.schemas.js';
import type { Interaction } from '../interactions.schemas.js';
import type { LocalDate } from '../time.js';
import type { ModelParams } from './params.js';

/**
 * The model reads only these fields, so callers can pass full records from
 * storage and tests can build small ones.
 */
export type ModelInteraction = Pick<
  Interaction,
  | 'id'
  | 'startedAt'
  | 'durationMinutes'
  | 'connectionIds'
  | 'channel'
  | 'kinds'
  | 'delight'
  | 'messageCount'
>;

export type ModelConnection = Pick<
  Connection,
  | 'id'
  | 'name'
  | 'kind'
  | 'ring'
  | 'cadenceDays'
  | 'sharedJoys'
  | 'importantDates'
  | 'draining'
  | 'createdAt'
>;

export type ModelCheckIn = Pick<CheckIn, 'id' | 'at' | 'stress' | 'loneliness'>;

/** Everything the daily states are a pure function of. */
export interface ModelInput {
  /**
   * Interactions starting on or after `historyStart(from, params)` (earlier
   * ones may be passed and are ignored where they no longer matter).
   */
  readonly interactions: readonly ModelInteraction[];
  readonly connections: readonly ModelConnection[];
  /** Needed by the alerts only (loneliness on two check-ins in a row). */
  readonly checkIns?: readonly ModelCheckIn[];
  /** The user's IANA time zone; every "day" is a calendar day there. */
  readonly timeZone: string;
  /** Defaults to DEFAULT_MODEL_PARAMS. */
  readonly params?: ModelParams;
  /**
   * The first day the log covers (account creation or the earliest imported
   * record). Before it nothing is known: states start from zero there instead
   * of assuming the user was isolated before they began logging. Strongly
   * recommended; without it the model assumes the log covers all of the past.
   */
  readonly trackingStart?: LocalDate | null;
}

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

export type { StateName } from '../../core/model/about.js';
export type { AlertNudge } from '../../core/model/alerts.js';
export type { DateNudge } from '../../core/model/dates.js';
export type { Contribution, DayExplanation, StateExplanation } from '../../core/model/explain.js';
export type { NudgeDecision } from '../../core/model/nudges.js';
export type { ReachOutNudge } from '../../core/model/reach-out.js';
export type { DailyState } from '../../core/model/states.js';

import type { Today as ModelToday } from '../../core/model/nudges.js';
import type { DailyState } from '../../core/model/states.js';

/** GET /api/v1/today: the model's day plus the user's time zone and check-in status. */
export interface TodayView extends ModelToday {
  timeZone: string;
  checkedInToday: boolean;
}

export interface StatesRange {
  from: string;
  to: string;
  timeZone: string;
  days: DailyState[];
}

export interface NewNudgeDecision {
  key: string;
  action: 'done' | 'snoozed' | 'dismissed';
  until?: string;
}

export type { Settings, SettingsUpdate } from '../../core/settings.schemas.js';

/** GET /api/v1/model/params: every parameter's value, the user's changes and their schema. */
export interface ModelParamsView {
  effective: Record<string, unknown>;
  overrides: Record<string, unknown>;
  schema: JsonSchema;
}

/** The small part of JSON Schema the settings form reads. */
export interface JsonSchema {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string;
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
}

export type {
  ImportItem,
  ImportReport,
  ImportType,
  UnmatchedParticipant,
} from '../../app/import.report.js';

export interface CalendarFeedStatus {
  enabled: boolean;
  createdAt: string | null;
}

export interface NewCalendarFeed {
  token: string;
  path: string;
}

export type { ImportantDate } from '../../core/connections.schemas.js';
export type { Plan, PlanStatus } from '../../core/plans.schemas.js';

/** What the Plans form sends. */
export interface NewPlan {
  startsAt: string;
  connectionIds: string[];
  title: string;
  location: string | null;
  durationMinutes: number | null;
  note: string;
}

/** What the connection page's edit form sends. */
export interface ConnectionChanges {
  name?: string;
  ring?: Ring;
  cadenceDays?: number;
  sharedJoys?: string[];
  notes?: string;
}

export type {
  InsightGroup,
  InsightTiming,
  ShownInsight,
  WithheldInsight,
} from '../../core/model/insights.js';

import type { InsightsReport } from '../../core/model/insights.js';

/** GET /api/v1/insights: what went with calmer days in a range (association, not cause). */
export interface InsightsView extends InsightsReport {
  from: string;
  to: string;
}

export type {
  ContactDay,
  ContactDays,
  ContactStatus,
  ContactStatusItem,
} from '../../core/contact.schemas.js';

/** What the Log page's edit form sends: every field, as the entry now stands. */
export type InteractionChanges = NewInteraction;

/** Hosted mode: who is signed in, and the CSRF token the API client sends with changes. */
export type { SessionState, SignupPolicy } from '../../core/accounts.schemas.js';

/** One place the account is signed in. */
export interface SessionInfo {
  id: string;
  label: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

/** A personal API token as listed: its secret is never shown again. */
export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface NewApiToken extends ApiToken {
  /** Shown only in the answer that created it. */
  token: string;
}

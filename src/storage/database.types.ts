import type { Generated } from 'kysely';

/**
 * Row shapes as stored. Both engines use the same portable column types:
 * text for ids, instants (ISO 8601 UTC, so they sort as text) and JSON lists;
 * integer for numbers and booleans (0/1). See docs/decisions/0003.
 */
export interface UsersTable {
  id: string;
  created_at: string;
  settings: string;
  /** Bumped by every write to the user's data; see store.ts. */
  data_version: Generated<number>;
  /** Hosted mode only: lower-cased login address; NULL for the local user. */
  email: string | null;
  /** Hosted mode only: `scrypt$…` (see app/auth/secrets.ts). */
  password_hash: string | null;
  /** Hosted mode only: when the owner confirmed the address; NULL until then. */
  email_verified_at: string | null;
}

export interface EmailVerificationsTable {
  token_hash: string;
  user_id: string;
  /** The address the link was sent to: a confirmation counts for that address only. */
  email: string;
  created_at: string;
  expires_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  label: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  token_hash: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

export interface InvitesTable {
  id: string;
  code_hash: string;
  note: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ThrottlesTable {
  key: string;
  window_start: string;
  count: number;
}

export interface DigestRunsTable {
  user_id: string;
  period: string;
  status: 'claimed' | 'sent' | 'failed';
  claimed_at: string;
  attempts: number;
  finished_at: string | null;
  error: string | null;
}

export interface ConnectionsTable {
  id: string;
  user_id: string;
  name: string;
  name_key: string;
  kind: string;
  ring: string;
  cadence_days: number;
  shared_joys: string;
  notes: string;
  important_dates: string;
  handles: string;
  draining: number;
  created_at: string;
  updated_at: string;
}

export interface InteractionsTable {
  id: string;
  user_id: string;
  started_at: string;
  duration_minutes: number | null;
  channel: string;
  kinds: string;
  delight: number | null;
  note: string;
  message_count: number | null;
  source_system: string | null;
  source_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface InteractionConnectionsTable {
  user_id: string;
  interaction_id: string;
  connection_id: string;
  /** A copy of the interaction's start, for last-contact lookups. */
  started_at: string;
}

export interface CheckinsTable {
  id: string;
  user_id: string;
  at: string;
  stress: number;
  loneliness: number;
  mood: string | null;
  note: string;
  created_at: string;
  updated_at: string;
}

export interface PlansTable {
  id: string;
  user_id: string;
  starts_at: string;
  duration_minutes: number | null;
  title: string;
  location: string | null;
  status: string;
  note: string;
  interaction_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlanConnectionsTable {
  user_id: string;
  plan_id: string;
  connection_id: string;
}

export interface NudgeDecisionsTable {
  user_id: string;
  key: string;
  action: string;
  until: string | null;
  decided_on: string;
  created_at: string;
}

export interface CalendarFeedsTable {
  user_id: string;
  token_hash: string;
  created_at: string;
}

export interface DB {
  api_tokens: ApiTokensTable;
  calendar_feeds: CalendarFeedsTable;
  digest_runs: DigestRunsTable;
  email_verifications: EmailVerificationsTable;
  invites: InvitesTable;
  sessions: SessionsTable;
  throttles: ThrottlesTable;
  users: UsersTable;
  connections: ConnectionsTable;
  interactions: InteractionsTable;
  interaction_connections: InteractionConnectionsTable;
  checkins: CheckinsTable;
  plans: PlansTable;
  plan_connections: PlanConnectionsTable;
  nudge_decisions: NudgeDecisionsTable;
}

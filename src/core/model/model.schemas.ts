import { z } from 'zod';
import { Channel, InteractionKind, LocalDateSchema } from '../common.schemas.js';
import { Ring } from '../connections.schemas.js';

/**
 * The shapes the model's results take on the wire, for the OpenAPI document.
 * A test parses real results with them, so they cannot drift from the code.
 */

const Balance = z.object({
  days: z.union([z.literal(7), z.literal(30)]),
  inPersonMinutes: z.number(),
  digitalMinutes: z.number(),
  inPersonShare: z.number().nullable().meta({ description: '0–1; null with no social time.' }),
});

const ByChannel = z.object(
  Object.fromEntries(Channel.options.map((c) => [c, z.number()])) as Record<Channel, z.ZodNumber>,
);

export const DailyStateSchema = z
  .object({
    date: LocalDateSchema,
    tracked: z.boolean().meta({ description: 'False before the log begins.' }),
    everyday: z.number().meta({ description: 'Everyday connection, 0–100.' }),
    deepBond: z.number().meta({ description: 'Deep bond, 0–100.' }),
    isolationLoad: z.number().meta({ description: 'Isolation load, 0–100.' }),
    technologyBalance: z.object({ last7: Balance, last30: Balance }),
    socialMinutesByChannel: ByChannel,
  })
  .meta({ id: 'DailyState' });

const AlertSchema = z.object({
  type: z.literal('alert'),
  key: z.string(),
  alert: z.enum(['isolation-gentle', 'isolation-strong', 'technology-balance']),
  strength: z.enum(['gentle', 'strong']),
  title: z.string(),
  message: z.string(),
  suggestion: z.string(),
  suggestedConnectionId: z.string().nullable(),
  sources: z.array(z.string()),
  help: z.string().nullable(),
});

const DateNudgeSchema = z.object({
  type: z.literal('date'),
  key: z.string(),
  connectionId: z.string(),
  name: z.string(),
  dateKind: z.enum(['birthday', 'anniversary', 'other']),
  label: z.string().nullable(),
  date: LocalDateSchema,
  daysUntil: z.number().int(),
  years: z.number().int().nullable(),
  text: z.string(),
});

const ReachOutSchema = z.object({
  type: z.literal('reach-out'),
  key: z.string(),
  connectionId: z.string(),
  name: z.string(),
  ring: Ring,
  connectionKind: z.enum(['person', 'pet']),
  lastContact: LocalDateSchema.nullable(),
  daysSinceContact: z.number().int(),
  cadenceDays: z.number().int(),
  overdueRatio: z.number(),
  score: z.number(),
  channel: Channel,
  kind: InteractionKind,
  activity: z.string().nullable(),
  text: z.string(),
});

export const TodaySchema = z
  .object({
    date: LocalDateSchema,
    timeZone: z.string(),
    checkedInToday: z.boolean(),
    state: DailyStateSchema,
    alerts: z.array(AlertSchema),
    dates: z.array(DateNudgeSchema),
    reachOut: z.array(ReachOutSchema),
    hidden: z.number().int().meta({ description: 'Nudges your decisions are hiding today.' }),
  })
  .meta({ id: 'Today' });

export const StatesSchema = z
  .object({
    from: LocalDateSchema,
    to: LocalDateSchema,
    timeZone: z.string(),
    days: z.array(DailyStateSchema),
  })
  .meta({ id: 'States' });

const Contribution = z.object({
  interactionId: z.string(),
  startedAt: z.string(),
  channel: Channel,
  connectionIds: z.array(z.string()),
  contribution: z.number(),
});

const StateExplanation = z.object({
  state: z.string(),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  unit: z.enum(['points', 'minutes']),
  rule: z.string(),
  contributors: z.array(Contribution),
});

export const DayExplanationSchema = z
  .object({
    date: LocalDateSchema,
    tracked: z.boolean(),
    everyday: StateExplanation,
    deepBond: StateExplanation,
    isolationLoad: StateExplanation,
    technologyBalance: StateExplanation,
  })
  .meta({ id: 'DayExplanation' });

const Factor = z.union([
  z.object({ type: z.literal('social') }),
  z.object({ type: z.literal('channel'), channel: Channel }),
  z.object({ type: z.literal('kind'), kind: InteractionKind }),
  z.object({ type: z.literal('connection'), connectionId: z.string(), name: z.string() }),
]);

const Group = z.object({ label: z.string(), days: z.number().int(), meanStress: z.number() });

const base = {
  id: z.string(),
  factor: Factor,
  timing: z.enum(['same-day', 'next-day']),
  title: z.string(),
};

export const InsightsSchema = z
  .object({
    from: LocalDateSchema,
    to: LocalDateSchema,
    shown: z.array(
      z.object({
        ...base,
        status: z.literal('shown'),
        with: Group,
        without: Group,
        difference: z.number().meta({ description: 'with − without, stress points (0–10 scale).' }),
        ci95: z.object({ lower: z.number(), upper: z.number() }),
        df: z.number(),
        method: z.string(),
        caveat: z.literal('association, not cause'),
        summary: z.string(),
      }),
    ),
    withheld: z.array(
      z.object({
        ...base,
        status: z.literal('withheld'),
        daysWith: z.number().int(),
        daysWithout: z.number().int(),
        reason: z.string(),
      }),
    ),
    stressDays: z.number().int(),
    note: z.string(),
  })
  .meta({ id: 'Insights' });

export const NudgeDecisionInput = z
  .strictObject({
    key: z
      .string()
      .max(200)
      .regex(
        /^(alert|reach-out|date):[\w:.-]+$/,
        'must be the key of a nudge, such as reach-out:<id>',
      ),
    action: z.enum(['done', 'snoozed', 'dismissed']),
    until: LocalDateSchema.optional().meta({
      description: 'For snoozes: show it again on this day (default tomorrow).',
    }),
  })
  .meta({ id: 'NudgeDecisionInput' });

export const NudgeDecisionSchema = z
  .object({
    key: z.string(),
    action: z.enum(['done', 'snoozed', 'dismissed']),
    until: LocalDateSchema.nullable(),
    decidedOn: LocalDateSchema,
  })
  .meta({ id: 'NudgeDecision' });

export const RangeQuery = z.strictObject({
  from: LocalDateSchema.optional().meta({ description: 'First day (default: 29 days before to).' }),
  to: LocalDateSchema.optional().meta({ description: 'Last day (default: today).' }),
});

import { z } from 'zod';

/**
 * Every tunable number of the model, with its default and allowed range.
 * The schema is the single source of truth: the API validates a user's
 * partial overrides with it, and parsing fills in every default, so
 * `ModelParamsSchema.parse({ everydayHalfLifeDays: 5 })` is a full set.
 * docs/model.md explains each one; a test keeps that table in step.
 *
 * Ranges are chosen so that the model keeps its guarantees for any valid
 * value: states stay in [0, 100], weights are never zero where SCIENCE.md
 * rule 3 says "never score text as zero", and decay is fast enough that
 * the history window (`historyWindowDays`) stays bounded.
 */

const num = (min: number, max: number, value: number, description: string) =>
  z.number().min(min).max(max).default(value).meta({ description });

const int = (min: number, max: number, value: number, description: string) =>
  z.number().int().min(min).max(max).default(value).meta({ description });

/** Per-channel numbers; nested objects merge key by key over their defaults. */
const perChannel = (
  min: number,
  max: number,
  values: Record<'in_person' | 'video' | 'voice' | 'text' | 'social', number>,
  what: string,
) =>
  z
    .strictObject({
      in_person: num(min, max, values.in_person, `${what}: in person.`),
      video: num(min, max, values.video, `${what}: video call.`),
      voice: num(min, max, values.voice, `${what}: voice call.`),
      text: num(min, max, values.text, `${what}: text messages.`),
      social: num(min, max, values.social, `${what}: social media.`),
    })
    .prefault({});

export const ModelParamsSchema = z
  .strictObject({
    channelWeights: perChannel(
      0.01,
      1,
      { in_person: 1, video: 0.7, voice: 0.6, text: 0.3, social: 0.15 },
      'Weight of a contact for everyday connection and deep bond',
    ),
    isolationChannelWeights: perChannel(
      0,
      1,
      { in_person: 1, video: 0.5, voice: 0.4, text: 0.05, social: 0.02 },
      'How much a contact counts as live contact against isolation load',
    ),
    defaultMinutes: perChannel(
      1,
      600,
      { in_person: 60, video: 30, voice: 15, text: 5, social: 5 },
      'Minutes assumed when a contact has no duration',
    ),
    minutesPerMessage: num(
      0.05,
      10,
      0.5,
      'Minutes of social time counted per message when text or social contact has a message count but no duration.',
    ),
    durationHalfSaturationMinutes: num(
      1,
      240,
      30,
      'Minutes at which a contact earns half its full weight; longer contact saturates.',
    ),
    delightSlope: num(
      0,
      0.3,
      0.25,
      'Change in weight per delight point away from the neutral 3 (1–5 scale).',
    ),
    everydayHalfLifeDays: num(0.5, 30, 3, 'Days for everyday connection to halve without contact.'),
    everydayHalfFill: num(
      0.1,
      10,
      1,
      'Weighted contact in one day that fills half the room left in everyday connection.',
    ),
    deepHalfLifeDays: num(2, 60, 14, 'Days for deep bond to halve without a bonding moment.'),
    deepHalfFill: num(
      0.1,
      10,
      1,
      'Weighted bonding moments in one day that fill half the room left in deep bond.',
    ),
    isolationBuildPerDay: num(
      0.02,
      0.5,
      0.08,
      'Share of the remaining room that isolation load gains on a day without live contact.',
    ),
    isolationReliefPerDay: num(
      0.05,
      1,
      0.6,
      'Share of isolation load removed by a day with full live contact.',
    ),
    meaningfulLiveMinutes: num(
      1,
      240,
      30,
      'Minutes of contact in one channel that earn that channel’s full live-contact credit.',
    ),
    petLiveFactor: num(0, 1, 0.5, 'Share of live-contact credit given to time with pets only.'),
    highIsolationLoad: num(
      1,
      99,
      60,
      'Isolation load above which the reach-out list is boosted and suggests meeting in person.',
    ),
    gentleAlertDays: int(
      2,
      60,
      7,
      'Days without a call, video or visit with the inner circle before a gentle alert.',
    ),
    strongAlertWindowDays: int(
      30,
      120,
      60,
      'Window for the strong alert: fewer in-person days than one per 30 days in it raises the alert.',
    ),
    lonelinessAlertThreshold: int(
      1,
      10,
      7,
      'Loneliness rating (0–10) that, on two check-ins in a row, raises the strong alert.',
    ),
    lonelinessRecentDays: int(
      7,
      90,
      28,
      'The latest of those two check-ins must be this recent (days).',
    ),
    balanceAlertShare: num(
      0,
      1,
      0.25,
      'Technology-balance alert when the 30-day in-person share of social time is below this.',
    ),
    balanceAlertDigitalMinutes: num(
      0,
      10_000,
      120,
      'The technology-balance alert also needs at least this many digital minutes with people over those 30 days.',
    ),
    balanceTippedShare: num(
      0,
      1,
      0.5,
      'Below this 30-day in-person share, reach-out suggestions switch to meeting in person.',
    ),
    ringWeights: z
      .strictObject({
        inner: num(0.1, 10, 4, 'Reach-out weight of the inner ring (~5 people).'),
        close: num(0.1, 10, 3, 'Reach-out weight of the close ring (~15).'),
        friends: num(0.1, 10, 2, 'Reach-out weight of friends (~50).'),
        wider: num(0.1, 10, 1, 'Reach-out weight of the wider ring (~150).'),
      })
      .prefault({}),
    reachOutDueRatio: num(
      0.1,
      5,
      1,
      'A connection joins the reach-out list once days since contact reach this share of its cadence.',
    ),
    isolationReachOutBoost: num(
      0,
      3,
      0.5,
      'Extra reach-out weight for people at full isolation load, scaled from the high threshold.',
    ),
    reachOutMax: int(1, 50, 5, 'Longest reach-out list shown per day.'),
    upcomingDateDays: int(0, 60, 14, 'How many days ahead birthdays and dates are shown.'),
    dismissedAlertQuietDays: int(
      1,
      90,
      14,
      'Days a dismissed alert stays hidden before it may show again.',
    ),
    insightMinDaysPerGroup: int(
      2,
      365,
      8,
      'Days needed on each side of a comparison before an insight is shown.',
    ),
  })
  .meta({ id: 'ModelParams', description: 'Tunable parameters of Tend’s connection model.' });

/** A complete, validated parameter set. */
export type ModelParams = z.output<typeof ModelParamsSchema>;
/** What a user may send: any subset, nested objects partial too. */
export type ModelParamsOverrides = z.input<typeof ModelParamsSchema>;

/** The defaults, frozen so that no caller can change them for everyone else. */
export const DEFAULT_MODEL_PARAMS: ModelParams = deepFreeze(ModelParamsSchema.parse({}));

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) {
    if (typeof inner === 'object' && inner !== null) deepFreeze(inner);
  }
  return Object.freeze(value);
}

/**
 * Merge overrides over the defaults and validate. Throws a ZodError naming
 * every bad field; the API layer should use `parseOrThrow(ModelParamsSchema, …)`
 * to turn that into a 400.
 */
export function resolveModelParams(overrides: unknown = {}): ModelParams {
  return ModelParamsSchema.parse(overrides ?? {});
}

/**
 * The story the demo year tells, as numbers. Insights, nudges and docs can
 * point at these instead of re-deriving them, and the tests check that the
 * generated data really shows each pattern. Days are counted back from the
 * user's local "today" (0 = today, 1 = yesterday).
 */
export const DEMO_STORY = {
  summary:
    'You moved to Berlin two years ago and work from home. Family and your best friend live in your old city; ' +
    'new friends are from the climbing gym, the running club and board game nights. Biscuit the dog gets you out every morning.',
  /** Length of the logged history, in days before now. */
  days: 365,
  pet: {
    name: 'Biscuit',
    note: 'Walked most mornings: the one steady in-person contact, even when no one else is around.',
  },
  /** A close friend seen weekly at first, then less and less, then not at all. */
  drift: {
    name: 'Jonas Becker',
    /** Weekly runs until this many days ago, then contact thins out. */
    weeklyUntilDaysAgo: 250,
    /** The last contact of any kind (a text); nothing since. */
    lastContactDaysAgo: 64,
  },
  /** Three weeks with a deadline and friends away: texts only, loneliness ≥ 7. */
  lonelyStretch: {
    startsDaysAgo: 150,
    days: 21,
    /** Loneliness check-ins are ≥ this from the stretch's third day to its end. */
    lonelinessAtLeast: 7,
  },
  /** Since this many days ago (over the 30-day balance window), calls and texts have been standing in for meeting up. */
  digitalDrift: { sinceDaysAgo: 35 },
  /**
   * No live contact (in person, voice, video) with inner-circle people, and no
   * one but Biscuit in person, for the last days; the last live contact with
   * the inner circle was a video call exactly this many days ago.
   */
  innerQuiet: { lastLiveContactDaysAgo: 9 },
  /** Days with this person go with calmer days, beyond the in-person effect. */
  calming: { name: 'Tomás Reyes' },
  /** The one connection flagged as draining. */
  draining: { name: 'Marco Rossi' },
  /** Dates coming up soon after now, for nudges and the calendar feed. */
  upcoming: {
    birthday: { name: 'Priya Raman', inDays: 5 },
    other: { name: 'Biscuit', label: 'Adoption day', inDays: 11 },
  },
  /** Visits in person with people who live far away, as [daysAgo, length in days]. */
  visits: {
    family: [
      [330, 3],
      [205, 2],
    ],
    bestFriend: [
      [280, 2],
      [95, 3],
    ],
  },
} as const;

/**
 * How the day's contact moves the simulated self-ratings, on the 0–10 scale.
 * These are knobs of the demo, not findings: they make the patterns visible.
 */
export const DEMO_EFFECTS = {
  /** Typical stress on an ordinary day without people. */
  baseStress: 6.2,
  /** On a day with in-person contact with people. */
  inPersonSameDay: -0.9,
  /** On the day after one with in-person contact with people. */
  inPersonNextDay: -1.1,
  /** On a day with any contact with the calming person. */
  calmingPerson: -1.5,
  /** On a day with contact with the draining person. */
  drainingPerson: 0.8,
  /** During the lonely stretch (a deadline was part of it). */
  lonelyStretch: 0.8,
  /** Typical loneliness on a day right after seeing people. */
  baseLoneliness: 2.2,
  /** Added per day without in-person contact with people, for up to two weeks. */
  lonelinessPerDayUnseen: 0.32,
  /** On a day with a call, video or meeting with people. */
  liveContactLoneliness: -0.6,
  /** On top, during the lonely stretch. */
  lonelyStretchLoneliness: 1.5,
  /** Day-to-day noise of both ratings (standard deviation). */
  noise: 1.0,
} as const;
